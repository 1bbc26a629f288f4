/**
 * The grammar's filters of non-mentions (targets, plans, per-head standards,
 * baselines), by where they look: the clause before the label, the sentence
 * before it, the words right after the number, the heading the figure sits
 * under. Each place's filters are tested as one expression; the one that fired
 * is named only when a candidate is dropped.
 */
import type { FilterPlace } from '../../rules/load.js';
import type { Binding } from '../bind/binding.js';
import { CLAUSE_BREAK, PARAGRAPH_BREAK, SENTENCE_BREAK } from '../chars.js';
import { headingAt } from '../headings.js';
import { backTo, CONTEXT_WINDOW, inSentenceBefore, type Passage } from '../passage.js';
import { sectionStartAt } from '../sections.js';
import type { Drop, Figure } from './figure.js';

const CLAUSE_WINDOW = 40;
// How far after a number the `after` filters look (的标准, 相比).
const AFTER_WINDOW = 12;

function dropped(p: Passage, where: FilterPlace, seen: string, refiner: string): Drop {
  const f = p.grammar.filters.find((x) => x.where === where && x.re.test(seen));
  return f ? { refiner, reason: `${f.name}: ${f.reason} («${seen}»)`, kind: f.kind } : { refiner, reason: `«${seen}»`, kind: undefined };
}

/** The clause since the previous number: in 按每户120元/年的标准发放保健费,共6.54万元 the standard belongs to 120元, not to the total after it. */
export function clauseFilter(p: Passage, b: Binding): Drop | undefined {
  const re = p.grammar.rejects.clause;
  if (!re) return undefined;
  const clause = p.text.slice(Math.max(b.clauseFrom, backTo(p.text, b.contextAt, CLAUSE_BREAK, CLAUSE_WINDOW)), b.contextAt);
  return re.test(clause) ? dropped(p, 'clause', clause, 'clause-filter') : undefined;
}

/** The sentence so far: in 下一步,要把出生率控制在11‰以内 the plan is named a comma earlier. */
export function sentenceFilter(p: Passage, b: Binding): Drop | undefined {
  if (!inSentenceBefore(p.plans, p.text, b.contextAt)) return undefined;
  return { refiner: 'sentence-filter', reason: 'a plan or projection word earlier in the sentence (下一步, 明年, 指导数 …): a target, not a result', kind: 'target' };
}

/** The words right after the number: 每人每年960元的标准, 与去年底131.51相比. */
export function afterFilter(p: Passage, f: Figure): Drop | undefined {
  const re = p.grammar.rejects.after;
  if (!re) return undefined;
  const seen = p.text.slice(f.number.end, f.number.end + AFTER_WINDOW);
  return re.test(seen) ? dropped(p, 'after', seen, 'after-filter') : undefined;
}

/** The top-level heading the figure sits under: what stands under 四、2020年工作打算 is a target. */
export function headingFilter(p: Passage, f: Figure): Drop | undefined {
  const re = p.grammar.rejects.heading;
  if (!p.headings || !re) return undefined;
  const heading = headingAt(p.headings, f.start, sectionStartAt(p.sectionStarts, f.start));
  if (!heading) return undefined;
  let plan = p.planHeading.get(heading);
  if (plan === undefined) p.planHeading.set(heading, (plan = re.test(heading)));
  return plan ? dropped(p, 'heading', heading, 'heading-filter') : undefined;
}

/** Filters by meaning: what the sentence or paragraph before a figure says it counts (其中一孩390人 under 育龄妇女 counts women, not births). */
export function meaningFilter(p: Passage, f: Figure): Drop | undefined {
  const meanings = p.grammar.meanings;
  for (let i = 0; i < meanings.length; i++) {
    const m = meanings[i]!;
    if (!m.ids.has(f.id)) continue;
    const from = backTo(p.text, f.start, m.where === 'sentence' ? SENTENCE_BREAK : PARAGRAPH_BREAK, CONTEXT_WINDOW);
    if (m.under) {
      if (breaksDown(p, f, m.ids, m.under, from, m.unless)) return { refiner: 'meaning-filter', reason: `${m.name}: ${m.reason}`, kind: 'meaning' };
      continue;
    }
    const seen = p.text.slice(from, f.start);
    // The marker's last occurrence in the window, then nothing after it that undoes it: one pass
    // over the window (a pattern anchored at its end would be tried at every place of it).
    let last = -1;
    const re = m.re!;
    re.lastIndex = 0;
    for (let x = re.exec(seen); x; x = re.exec(seen)) last = x.index + x[0].length;
    if (last < 0 || (m.within !== undefined && seen.length - last > m.within)) continue;
    if (m.unless?.test(seen.slice(last))) continue;
    const becomes = m.becomes?.[f.id];
    if (becomes) {
      f.id = becomes;
      return undefined;
    }
    return { refiner: 'meaning-filter', reason: `${m.name}: ${m.reason}`, kind: 'meaning' };
  }
  return undefined;
}

// What opens a breakdown: 其中, or a bracket.
const BREAKDOWN = /其中|\(/gu;

/**
 * Whether `f` breaks down a figure of an id in `under` that stands after `from` (its
 * sentence or paragraph): the last figure before it, siblings of its own ids aside, with
 * 其中 or a bracket between, and nothing of `unless` after the last of them (本年度放环17例
 * in a bracket after the methods in use is an operation of the year).
 */
function breaksDown(p: Passage, f: Figure, ids: Set<string>, under: Set<string>, from: number, unless: RegExp | null): boolean {
  for (let k = p.figures.length - 1; k >= 0; k--) {
    const g = p.figures[k]!;
    if (g.end <= from) return false;
    if (ids.has(g.id)) continue;
    if (!under.has(g.id)) return false;
    const between = p.text.slice(g.end, f.start);
    let opener = -1;
    BREAKDOWN.lastIndex = 0;
    for (let x = BREAKDOWN.exec(between); x; x = BREAKDOWN.exec(between)) opener = x.index;
    return opener >= 0 && !unless?.test(between.slice(opener));
  }
  return false;
}
