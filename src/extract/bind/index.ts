/**
 * The binders, in priority order: for each number, the first binding that
 * the refiners keep becomes its figure. A list claims its numbers first; a
 * table row and the adjacent label read the label right before, or the one
 * before that when the nearest cannot take the number; a label across a bracket and a change from a baseline come next; a wording after
 * the number comes next, and last the topic before the number (the money
 * right after a count of recipients, a breakdown under 其中). The actual figure
 * after a limit (控制在5‰以内,实际为4.56‰) takes the limit's label, before those.
 */
import { actual } from './actual.js';
import { adjacent } from './adjacent.js';
import { after } from './after.js';
import type { Binder } from './binding.js';
import { bracketed } from './bracketed.js';
import { fromTo } from './from-to.js';
import { list } from './list.js';
import { past } from './past.js';
import { row } from './row.js';
import { topic } from './topic.js';

export const BINDERS: readonly Binder[] = [list, row, adjacent, past, bracketed, fromTo, actual, after, topic];
export type { Binder, Binding, Around, LabelSpan } from './binding.js';
