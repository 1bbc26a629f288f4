/**
 * One text as the binders and refiners read it: the normalised text, its
 * numbers and labels, and what is found once per text and looked up per
 * figure (lists, plan words, headings, scope words, section starts). The
 * figures made so far are here too: the parent and scope refiners look back
 * at them.
 */
import type { CompiledGrammar, RuleSet } from '../rules/load.js';
import { countAtOrBefore } from '../util/bisect.js';
import { BREAKS, SENTENCE_BREAK } from './chars.js';
import { listHeadings, type Headings } from './headings.js';
import type { LabelMention, ScopeWord, Words } from './labels.js';
import { listPairs, sharedPairs } from './bind/list-pairs.js';
import type { Normalized } from './normalize/index.js';
import type { NumberMention } from './numbers/scan.js';
import type { Figure } from './refine/figure.js';
import type { Binding } from './bind/binding.js';

/** Where a pattern matches in a text, in order: found once per text, not once per figure. */
export type Hits = { starts: number[]; ends: number[] };

// How far back a look for the sentence or paragraph before a figure goes.
export const CONTEXT_WINDOW = 300;

export class Passage {
  readonly text: string;
  readonly units: Uint16Array;
  readonly grammar: CompiledGrammar;
  /** Number index → the listed label it pairs with, or null for an item without a label (bind/list-pairs.ts). */
  readonly lists: Map<number, LabelMention | null>;
  /** Number index → the listed labels that share it (计划生育率、节育率均达到了100%). */
  readonly shared: Map<number, LabelMention[]>;
  /** Plan words (下一步, 明年): rare, so found once and looked up for each figure. */
  readonly plans: Hits;
  /** The top-level headings, when the grammar filters by them. */
  readonly headings: Headings | undefined;
  /** A report has few headings and many figures under each: each heading is judged once. */
  readonly planHeading = new Map<string, boolean>();
  /** The label wordings, overlaps resolved, in order. */
  readonly labels: LabelMention[];
  /** Where each scope word starts (the longest there), found with the labels (labels.ts). */
  readonly scopes: ScopeWord[];
  /** The figures made so far, in text order. */
  readonly figures: Figure[] = [];
  /** For the number at hand: the kind of the first filter that dropped a candidate, and whether a list took it. */
  dropKind: string | undefined;
  taken = false;
  /** The binding kept for the number before, whether or not its figure survived the figure refiners (控制在5‰以内,实际为4.56‰). */
  before: { k: number; binding: Binding } | undefined;
  /** For the number at hand: the first binding whose rule took it, though a filter dropped it. */
  named: Binding | undefined;
  /** Whether what became of each number is traced (--explain): the refiners then say in full why they drop. */
  explaining = false;

  /** The last figure made so far. Read by length, never at −1: an index below 0 is a string key to V8, and that read megamorphic. */
  lastFigure(): Figure | undefined {
    const n = this.figures.length;
    return n ? this.figures[n - 1] : undefined;
  }

  constructor(
    readonly norm: Normalized,
    readonly numbers: NumberMention[],
    words: Words,
    readonly set: RuleSet,
    /** Where the reports in the text start (sections.ts), so that a heading never reaches into the next report. */
    readonly sectionStarts: number[] = [],
  ) {
    this.text = norm.text;
    this.units = norm.units;
    const labels = (this.labels = words.labels);
    this.scopes = words.scopes;
    this.grammar = set.grammar;
    this.lists = listPairs(this.text, numbers, labels, this.grammar);
    this.shared = sharedPairs(this.text, numbers, labels, this.grammar);
    this.plans = hitsOf(this.text, this.grammar.rejects.sentence);
    this.headings = this.grammar.rejects.heading ? listHeadings(this.text) : undefined;
  }
}

const GLOBAL = new WeakMap<RegExp, RegExp>();

function hitsOf(text: string, re: RegExp | null): Hits {
  const hits: Hits = { starts: [], ends: [] };
  if (!re) return hits;
  // The global copy is made once per expression: making one costs more than a scan of a short text.
  let all = GLOBAL.get(re);
  if (!all) GLOBAL.set(re, (all = new RegExp(re.source, 'gu')));
  all.lastIndex = 0;
  for (let m = all.exec(text); m; m = all.exec(text)) {
    if (!m[0].length) {
      all.lastIndex++;
      continue;
    }
    hits.starts.push(m.index);
    hits.ends.push(m.index + m[0].length);
  }
  return hits;
}

/** Whether a hit lies in the sentence before `at` (as far back as CONTEXT_WINDOW). */
export function inSentenceBefore(hits: Hits, text: string, at: number): boolean {
  const k = countAtOrBefore(hits.ends.length, (i) => hits.ends[i]!, at) - 1;
  if (k < 0 || hits.starts[k]! < at - CONTEXT_WINDOW) return false;
  for (let i = hits.ends[k]!; i < at; i++) if (BREAKS[text.charCodeAt(i)]! & SENTENCE_BREAK) return false;
  return true;
}

/** Just after the last character before `from` that is a `brk` break, looking back at most `window` characters. */
export function backTo(text: string, from: number, brk: number, window: number): number {
  const min = Math.max(0, from - window);
  for (let i = from - 1; i >= min; i--) if (BREAKS[text.charCodeAt(i)]! & brk) return i + 1;
  return min;
}
