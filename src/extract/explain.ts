/**
 * --explain: what became of every number, as data in the report. Offsets and
 * quotes are the source text's, as for figures.
 */
import type { Explained } from '../report.js';
import type { NumberTrace } from './attach.js';
import { sourceSpan, type Normalized } from './normalize/index.js';

export function explained(traces: NumberTrace[], norm: Normalized, lineOf: (offset: number) => number, onLine?: number): Explained[] {
  const out: Explained[] = [];
  const source = norm.source;
  for (const t of traces) {
    const n = t.number;
    const [start, end] = sourceSpan(norm, n.start, n.end);
    const line = lineOf(start);
    if (onLine !== undefined && line !== onLine) continue;
    const e = { number: source.slice(start, end), start, end, line, outcome: outcomeOf(t) } as Explained;
    const id = t.figure?.id ?? t.candidates.find((c) => c.binding.rule)?.binding.rule!.id;
    if (id) e.id = id;
    e.candidates = [];
    for (const c of t.candidates) {
      const b = c.binding;
      const [labelStart, labelEnd] = sourceSpan(norm, b.label.start, b.label.end);
      const entry: Explained['candidates'][number] = { binder: b.binder, label: source.slice(labelStart, labelEnd), labelStart, labelEnd, kept: c.kept };
      if (b.rule) {
        entry.rule = b.rule.name;
        entry.id = b.rule.id;
      }
      if (c.drop) {
        entry.refiner = c.drop.refiner;
        entry.reason = c.drop.reason;
      }
      e.candidates.push(entry);
    }
    if (t.drop) {
      e.refiner = t.drop.refiner;
      e.reason = t.drop.reason;
    }
    if (n.damaged) e.reason = n.damaged;
    out.push(e);
  }
  return out;
}

function outcomeOf(t: NumberTrace): Explained['outcome'] {
  if (t.number.unitClass === 'delta') return 'change';
  if (t.number.damaged) return 'damaged';
  if (t.taken) return 'taken';
  if (t.householdsOf) return 'households';
  if (t.figure) return t.drop ? 'dropped' : 'figure';
  return t.candidates.length ? 'dropped' : 'unbound';
}
