/**
 * The rule a binding's label gives its number: the first of the label's rules
 * (highest priority first) that takes the number's unit and whose context
 * words (requires, forbids) fit.
 */
import type { CompiledRule } from '../../rules/load.js';
import type { AcceptedUnit } from '../../rules/schema.js';
import type { Binding } from '../bind/binding.js';
import { PARAGRAPH_BREAK, SENTENCE_BREAK } from '../chars.js';
import type { NumberMention } from '../numbers/scan.js';
import { backTo, CONTEXT_WINDOW, type Passage } from '../passage.js';
import type { Drop } from './figure.js';

const HOUSEHOLDS = /\d{1,8}户[,、]?$/u;

/** Whether the rule takes the number. `row`: in a table row a bare number may be a count. */
export function accepts(rule: CompiledRule, n: NumberMention, row: boolean): boolean {
  if (n.unitClass === 'delta') return false; // 个百分点: a change, never a figure
  const cls: AcceptedUnit = n.unitClass === 'none' ? (n.scaled ? 'scaled' : 'bare') : n.unitClass;
  if (!rule.accepts.includes(cls) && !(row && cls === 'bare' && rule.accepts.includes('count'))) return false;
  return !rule.units || n.unit === undefined || rule.units.includes(n.unit);
}

/** Why a rule does not take the number here, or undefined when it does. Strings are made only when asked for (`why`). */
function refusal(rule: CompiledRule, b: Binding, p: Passage, why: boolean): string | undefined {
  if (!accepts(rule, b.number, b.row)) return why ? `${rule.name} takes ${rule.accepts.join('/')}${rule.units ? ` in ${rule.units.join('/')}` : ''}, not ${b.number.unit ?? (b.number.scaled ? 'a scaled number' : 'a bare number')}` : '';
  // A count of households right before the persons (现有4600户,18895人) was passed over: it is no word of the gap.
  if (rule.strictGap && b.label.end <= b.number.start && !p.grammar.gapRe.test(p.text.slice(b.label.end, b.number.start).replace(HOUSEHOLDS, ''))) {
    return why ? `${rule.name} takes its number only with filler words between` : '';
  }
  if (rule.requiresRe) {
    const from = backTo(p.text, b.contextAt, PARAGRAPH_BREAK, CONTEXT_WINDOW);
    if (!rule.requiresRe.test(p.text.slice(from, b.contextAt))) return !why ? '' : `${rule.name} needs /${rule.requiresRe.source}/ earlier in the paragraph`;
  }
  if (rule.forbidsRe) {
    const from = backTo(p.text, b.contextAt, SENTENCE_BREAK, CONTEXT_WINDOW);
    if (rule.forbidsRe.test(p.text.slice(from, b.contextAt))) return !why ? '' : `${rule.name} is ruled out by /${rule.forbidsRe.source}/ earlier in the sentence`;
  }
  return undefined;
}

export function chooseRule(p: Passage, b: Binding): Drop | undefined {
  for (const rule of b.rules) {
    if (refusal(rule, b, p, false) === undefined) {
      b.rule = rule;
      return undefined;
    }
  }
  // Each rule's reason is worked out again only for --explain: it repeats every test, and a run without it never reads it.
  return { refiner: 'rule', reason: p.explaining ? b.rules.map((r) => refusal(r, b, p, true)).join('; ') : NO_RULE, kind: undefined };
}
const NO_RULE = 'no rule of the label takes the number here';
