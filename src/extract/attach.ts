/**
 * Attaching labels to numbers: for each number, the binders (bind/) find the
 * labels that may name it, in priority order, and the candidate refiners
 * (refine/) keep the first binding whose rule takes the number and whose
 * context is no target, plan or standard. The figure refiners then judge and
 * annotate that figure (filters after the number and by heading, scope,
 * parent). Changes (比上年增加…) never qualify: a change word is not in the
 * gap, and 个百分点 is no rule's unit.
 *
 * With `trace`, every number's candidates are recorded with the refiner that
 * dropped each (--explain).
 */
import type { RuleSet } from '../rules/load.js';
import { BINDERS, type Around, type Binding } from './bind/index.js';
import { after } from './bind/after.js';
import { isRow } from './bind/row.js';
import type { Words } from './labels.js';
import type { Normalized } from './normalize/index.js';
import type { NumberMention } from './numbers/scan.js';
import { Passage } from './passage.js';
import { CANDIDATE_REFINERS, FIGURE_REFINERS, type Drop, type Figure } from './refine/index.js';

/** One candidate binding and what became of it. */
export type Candidate = { binding: Binding; kept: boolean; drop?: Drop };

/** What became of one number: the bindings found for it, and its figure or the refiner that dropped it. */
export type NumberTrace = {
  number: NumberMention;
  candidates: Candidate[];
  /** A list claims the number for an item without a label. */
  taken?: boolean;
  /** A count of households right before the persons in them: the label names the persons. */
  householdsOf?: boolean;
  figure?: Figure;
  /** The figure refiner that dropped the figure. */
  drop?: Drop;
};

/**
 * What became of each number, for the report's coverage: figure, change, damaged,
 * households, listItem (its place in a list belongs to an item without a label),
 * baseline, the kind of the filter that dropped it (target, standard, baseline,
 * change, meaning), or unbound (no binding kept, nor a filter to say why).
 */
export type Outcome = 'figure' | 'change' | 'damaged' | 'households' | 'listItem' | 'baseline' | 'target' | 'standard' | 'meaning' | 'unbound';

export type Attached = { figures: Figure[]; outcomes: Outcome[] };

/** `sectionStarts`: where the reports in the text start (sections.ts), so that a heading never reaches into the next report. */
export function attach(norm: Normalized, numbers: NumberMention[], words: Words, set: RuleSet, sectionStarts: number[] = [], trace?: NumberTrace[]): Attached {
  const p = new Passage(norm, numbers, words, set, sectionStarts);
  const { labels } = p;
  p.explaining = trace !== undefined;
  const outcomes: Outcome[] = new Array<Outcome>(numbers.length).fill('unbound');
  let li = -1;
  // The index of the last number that became a figure.
  let lastFigure = -1;
  // Where the last number that a label may not bind across ends, and the one before it.
  let prevEnd = 0;
  let priorEnd = 0;
  // The number before was passed over: the one after it binds as if it were not there.
  let passOver = false;
  for (let k = 0; k < numbers.length; k++) {
    const n = numbers[k]!;
    const t: NumberTrace | undefined = trace ? { number: n, candidates: [] } : undefined;
    if (t) trace!.push(t);
    if (k > 0 && !passOver) {
      // A number in a bracketed note that is no figure is passed over, as if the note held none.
      if (k - 1 !== lastFigure && inNote(p.text, numbers[k - 1]!, n)) prevEnd = priorEnd;
      else [priorEnd, prevEnd] = [prevEnd, numbers[k - 1]!.end];
    }
    passOver = false;
    if (n.unitClass === 'delta' || n.damaged) {
      // 个百分点: a change, never a figure; damaged digits, no figure either.
      outcomes[k] = n.damaged ? 'damaged' : 'change';
      continue;
    }
    // Households, then the persons in them (特殊家庭39户53人, 现有4600户,18895人): the label names the persons.
    const next = numbers[k + 1];
    if (n.unit === '户' && next && (next.unit === '人' || next.unit === '名') && /^[,、]?$/.test(p.text.slice(n.end, next.start))) {
      if (t) t.householdsOf = true;
      outcomes[k] = 'households';
      passOver = true;
      continue;
    }
    while (li + 1 < labels.length && labels[li + 1]!.end <= n.start) li++;
    const before = li >= 0 ? labels[li] : undefined;
    const at: Around = { k, n, prevEnd, li, before, listed: p.lists.get(k), row: before !== undefined && isRow(p.text, before, n) };
    p.dropKind = undefined;
    p.named = undefined;
    const winners = choose(p, at, t);
    // The label that named this number, kept or (as a target) not: what a number after 实际为 takes.
    const named = winners[0] ?? p.named;
    if (named) p.before = { k, binding: named };
    if (!winners.length) outcomes[k] = p.taken ? 'listItem' : kindOf(p.dropKind);
    for (const winner of winners) {
      const rule = winner.rule!;
      // Every field set, absent ones undefined: one shape for every figure.
      const figure: Figure = { id: rule.id, rule, number: winner.number, label: winner.label, start: winner.start, end: winner.end, binder: winner.binder, scope: undefined, period: undefined, parentId: undefined, whole: winner.whole };
      let drop: Drop | undefined;
      for (const r of FIGURE_REFINERS) if ((drop = r.refine(p, figure))) break;
      if (t) {
        t.figure = figure;
        if (drop) t.drop = drop;
      }
      if (!drop) {
        p.figures.push(figure);
        lastFigure = k;
        outcomes[k] = 'figure';
        // 由上年的118.5下降到112.3: the number before is the baseline.
        if (figure.binder === 'fromTo' && outcomes[k - 1] !== 'figure') outcomes[k - 1] = 'baseline';
      } else if (outcomes[k] !== 'figure') outcomes[k] = kindOf(drop.kind);
    }
  }
  return { figures: p.figures, outcomes };
}

function kindOf(kind: string | undefined): Outcome {
  return kind === 'target' || kind === 'standard' || kind === 'baseline' || kind === 'change' || kind === 'meaning' ? kind : 'unbound';
}

// The longest note in brackets whose number is passed over: 性别比(以女婴为100)为108.
const MAX_NOTE = 12;

/** Whether `prev` stands in a short bracketed note that closes before `n`: 出生婴儿性别比(以女婴为100)为108. */
function inNote(text: string, prev: NumberMention, n: NumberMention): boolean {
  // Looked for only as far as a note reaches: on a long line an unbounded search for every number would cost its square.
  // Character codes, not one-character strings: this runs for every number.
  let open = prev.start - 1;
  while (open >= 0 && prev.start - open <= MAX_NOTE && text.charCodeAt(open) !== OPEN) open--;
  if (open < 0 || text.charCodeAt(open) !== OPEN) return false;
  let close = prev.end;
  while (close < n.start && close - open <= MAX_NOTE && text.charCodeAt(close) !== CLOSE) close++;
  if (close >= n.start || text.charCodeAt(close) !== CLOSE) return false;
  for (let i = open + 1; i < close; i++) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === OPEN) return false;
  }
  return true;
}
const [OPEN, CLOSE, COMMA] = [0x28, 0x29, 0x2c]; // ( ) ,

const NONE: Binding[] = [];

/**
 * The first binding the candidate refiners keep, or, for labels that share the
 * number, every one kept. When tracing, the bindings after them are listed too,
 * as passed over.
 */
function choose(p: Passage, at: Around, t: NumberTrace | undefined): Binding[] {
  let winner: Binding | undefined;
  let winners: Binding[] | undefined;
  p.taken = false;
  const near = at.before !== undefined && at.n.start - at.before.end <= 2 * p.grammar.maxGap;
  for (const binder of BINDERS) {
    // A wording as general as 共有 (a strict-gap rule) yields to a wording right after the number: 共有508人享受奖励扶助.
    const general = winner?.rule!.strictGap === true;
    const yields = general && binder === after;
    if (winner && !t && !yields) {
      if (general) continue;
      break;
    }
    if (binder.near && !near) continue;
    const found = binder.bind(p, at);
    if (found === undefined) continue;
    if (found === 'taken') {
      if (t) t.taken = true;
      p.taken = true;
      return NONE;
    }
    // Most binders find one binding: it comes alone, not in an array.
    const many = Array.isArray(found);
    for (let i = 0, count = many ? found.length : 1; i < count; i++) {
      const b = many ? found[i]! : found;
      if (yields) {
        let drop: Drop | undefined;
        for (const r of CANDIDATE_REFINERS) if ((drop = r.refine(p, b))) break;
        if (t) t.candidates.push(drop ? { binding: b, kept: false, drop } : { binding: b, kept: true });
        if (!drop) {
          if (t) {
            const c = t.candidates.find((x) => x.binding === winner);
            if (c) Object.assign(c, { kept: false, drop: { refiner: 'priority', reason: `«${winner!.label.literal}» is too general a wording (strictGap): the wording right after the number names it` } });
          }
          winner = b;
        }
        continue;
      }
      if (winner && !(b.shared && winner.shared)) {
        t!.candidates.push({ binding: b, kept: false, drop: { refiner: 'priority', reason: `the ${winner.binder} binding before it was kept` } });
        continue;
      }
      let drop: Drop | undefined;
      for (const r of CANDIDATE_REFINERS) if ((drop = r.refine(p, b))) break;
      if (t) t.candidates.push(drop ? { binding: b, kept: false, drop } : { binding: b, kept: true });
      if (drop) {
        // The first filter that says what the number is speaks for it, if none is kept.
        p.dropKind ??= drop.kind;
        if (b.rule) p.named ??= b;
        continue;
      }
      if (!winner) winner = b;
      else (winners ??= [winner]).push(b);
    }
  }
  return winners ?? (winner ? [winner] : NONE);
}
