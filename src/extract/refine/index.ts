/**
 * The refiners, in order. Candidate refiners judge each binding a binder
 * found (the first kept becomes the number's figure); figure refiners then
 * judge, annotate or reshape that figure. A refiner that drops says which it
 * is and why (--explain shows it).
 *
 * Overlapping label wordings were resolved before binding (labels.ts: the
 * longest wins).
 */
import type { Binding } from '../bind/binding.js';
import type { Passage } from '../passage.js';
import type { Drop, Figure } from './figure.js';
import { afterFilter, clauseFilter, headingFilter, meaningFilter, sentenceFilter } from './filters.js';
import { onlyWithParent, parent } from './parent.js';
import { chooseRule } from './rule.js';
import { period } from './period.js';
import { scope } from './scope.js';
import { topic } from './topic.js';

export type CandidateRefiner = { name: string; refine(p: Passage, b: Binding): Drop | undefined };
export type FigureRefiner = { name: string; refine(p: Passage, f: Figure): Drop | undefined };

export const CANDIDATE_REFINERS: readonly CandidateRefiner[] = [
  // Sets the binding's rule: the first of its label's rules that takes the number.
  { name: 'rule', refine: chooseRule },
  { name: 'clause-filter', refine: clauseFilter },
  { name: 'sentence-filter', refine: sentenceFilter },
];

export const FIGURE_REFINERS: readonly FigureRefiner[] = [
  { name: 'after-filter', refine: afterFilter },
  { name: 'heading-filter', refine: headingFilter },
  { name: 'topic', refine: topic },
  { name: 'scope', refine: scope },
  { name: 'period', refine: period },
  { name: 'parent', refine: parent },
  // After parent: an id composed from its parent (一孩 under 政策外) is judged as what it is.
  { name: 'meaning-filter', refine: meaningFilter },
  { name: 'only-with-parent', refine: onlyWithParent },
];

export type { Drop, Figure } from './figure.js';
