/**
 * A held-out corpus written for this project in the genre (test/corpus/*.txt),
 * annotated by hand in the scorer's format (*.gold.json: id, value, quote; and
 * the checks a reader would expect). Its reports were written to try wordings,
 * layouts and damage the rules had not been shaped on; each miss they showed was
 * fixed as a general gap with its own test sentences elsewhere. This test is a
 * ratchet on the whole corpus, like the scorer's gates on the shared corpora.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/pipeline.js';
import { defaultRules } from '../src/rules/load.js';

type Gold = { indicators: { id: string; value: number; quote: string }[]; checks: { subject: { id: string; value: number }; status: string }[] };

const dir = new URL('./corpus/', import.meta.url);
const names = readdirSync(dir).filter((f) => f.endsWith('.txt'));
const known = new Set(defaultRules().registry.indicators.map((i) => i.id));
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

// At or just below what the code scores now; raised as it rises.
const MIN_F1 = 0.99;

describe('the held-out corpus (test/corpus)', () => {
  const misses: string[] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let falseAlarms = 0;
  for (const name of names) {
    const text = readFileSync(new URL(name, dir), 'utf8');
    const gold: Gold = JSON.parse(readFileSync(new URL(name.replace(/\.txt$/, '.gold.json'), dir), 'utf8'));
    const r = extract(text, { source: name });
    const left = r.indicators.filter((i) => known.has(i.id));
    for (const g of gold.indicators) {
      const k = left.findIndex((i) => i.id === g.id && close(i.value, g.value));
      if (k >= 0) {
        left.splice(k, 1);
        tp++;
      } else {
        fn++;
        misses.push(`${name}: missed ${g.id} = ${g.value} «${g.quote}»`);
      }
    }
    fp += left.length;
    for (const x of left) misses.push(`${name}: extra ${x.id} = ${x.value} «${x.text}»`);
    for (const c of gold.checks) {
      const flagged = r.checks.filter((x) => x.subject.id === c.subject.id && close(x.subject.value, c.subject.value) && (x.status === 'inconsistent' || x.status === 'unaccounted'));
      if (c.status === 'consistent' && flagged.length) {
        falseAlarms++;
        misses.push(`${name}: false alarm on ${c.subject.id} = ${c.subject.value}`);
      }
    }
  }
  it(`finds its figures with F1 ≥ ${MIN_F1}`, () => {
    const p = tp / Math.max(1, tp + fp);
    const rec = tp / Math.max(1, tp + fn);
    const f1 = p + rec ? (2 * p * rec) / (p + rec) : 0;
    expect(f1, misses.join('\n')).toBeGreaterThanOrEqual(MIN_F1);
  });
  it('raises no false alarm on figures that agree', () => {
    expect(falseAlarms, misses.join('\n')).toBe(0);
  });
});
