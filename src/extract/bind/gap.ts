/** What may stand between a label and its number: the grammar's `gap` (and its looser form), within `maxGap` characters. */
import type { RuleSet } from '../../rules/load.js';
import type { LabelMention } from '../labels.js';
import type { NumberMention } from '../numbers/scan.js';

/** Whether the text from a label to a number is one the grammar lets bind them. */
export function bindsTo(label: LabelMention, n: NumberMention, prevEnd: number, text: string, g: RuleSet['grammar']): boolean {
  if (label.start < prevEnd || n.start - label.end > g.maxGap) return false;
  return label.end === n.start ? g.gapMayBeEmpty : g.gapBinds(text.slice(label.end, n.start));
}
