/**
 * What binders make: a Binding says that a label names a number, by one way
 * of reading the text (the binder). Binders only find; the refiners
 * (../refine/) decide which binding, if any, becomes a figure.
 */
import type { CompiledRule } from '../../rules/load.js';
import type { LabelMention } from '../labels.js';
import type { NumberMention } from '../numbers/scan.js';
import type { Passage } from '../passage.js';
import type { Figure } from '../refine/figure.js';

/** A label wording as it stands in the text. */
export type LabelSpan = { start: number; end: number; literal: string };

export type Binding = {
  /** The binder that found it: list, row, adjacent, bracketed, fromTo, after. */
  binder: string;
  label: LabelSpan;
  /** The rules the label's wording belongs to, highest priority first. */
  rules: CompiledRule[];
  /** The number as this binding reads it: a table row may give a bare number its unit. */
  number: NumberMention;
  /** The figure's span: label to number, or number to a label after it. */
  start: number;
  end: number;
  /** The context filters read the text before this offset (the label's start, or the number's for a label after it). */
  contextAt: number;
  /** The clause filters read no further back than this (the end of the number before, or later). */
  clauseFrom: number;
  /** A table row, where a count may go without its unit. */
  row: boolean;
  /** The rule that takes the number, once the refiners have chosen it (refine/rule.ts). */
  rule?: CompiledRule;
  /** One of several labels that share the number (均达到了100%): every such binding that is kept becomes a figure. */
  shared?: boolean;
  /** For a part of a breakdown (其中国家级352人): the figure it is part of. */
  whole?: Figure;
};

/** The number at hand and its neighbourhood, as every binder sees it. */
export type Around = {
  /** Its index in the passage's numbers. */
  k: number;
  n: NumberMention;
  /** Where the number before it ends (0 for the first). */
  prevEnd: number;
  /** The index of the last label that ends by the number's start (−1: none). */
  li: number;
  /** That label. */
  before: LabelMention | undefined;
  /** What a list pairs the number with (bind/list-pairs.ts): a label, null for an item without one, undefined when no list holds it. */
  listed: LabelMention | null | undefined;
  /** Whether `before` opens a table row that the number closes (bind/row.ts). */
  row: boolean;
};

/**
 * A binder reads one number: the binding it finds (or several, best first), or nothing.
 * `taken`: a number that a list claims for an item without a label names
 * something else, and no binder may give it to a label elsewhere.
 */
export type Binder = {
  name: string;
  /** It reads only a label that ends within twice the grammar's longest gap before the number: most numbers in prose have none, and skip it. */
  near?: boolean;
  bind(p: Passage, at: Around): Binding | Binding[] | 'taken' | undefined;
};

/**
 * A binding, every field set (absent ones undefined): one shape for every
 * binding keeps the code that reads them monomorphic.
 */
export function binding(
  binder: string,
  label: LabelSpan,
  rules: CompiledRule[],
  number: NumberMention,
  start: number,
  end: number,
  contextAt: number,
  clauseFrom: number,
  row = false,
  shared = false,
  whole: Figure | undefined = undefined,
): Binding {
  return { binder, label, rules, number, start, end, contextAt, clauseFrom, row, rule: undefined, shared, whole };
}

/** A binding whose figure spans from its label to its number. */
export function labelFirst(binder: string, label: LabelSpan, rules: CompiledRule[], number: NumberMention, clauseFrom: number, row = false, shared = false): Binding {
  return binding(binder, label, rules, number, label.start, number.end, label.start, clauseFrom, row, shared);
}
