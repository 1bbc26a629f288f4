/**
 * The topic a generic money wording takes: 兑现资金47.04万元 after
 * 奖励扶助对象392人 is the reward money. The benefit is the last figure of
 * recipients before it in the sentence (the registry's `amount` names its
 * money); without one, the wording names nothing this tool reads.
 */
import { BREAKS, SENTENCE_BREAK } from '../chars.js';
import type { Passage } from '../passage.js';
import type { Drop, Figure } from './figure.js';

// How far back in the sentence the benefit may be named.
const TOPIC_WINDOW = 60;

/** The last figure before `at` in its sentence (within TOPIC_WINDOW) whose id has an amount in the registry. */
export function benefitBefore(p: Passage, at: number): Figure | undefined {
  for (let k = p.figures.length - 1; k >= 0; k--) {
    const f = p.figures[k]!;
    if (at - f.end > TOPIC_WINDOW) return undefined;
    for (let i = f.end; i < at; i++) if (BREAKS[p.text.charCodeAt(i)]! & SENTENCE_BREAK) return undefined;
    if (p.set.registry.byId.get(f.id)?.amount) return f;
  }
  return undefined;
}

export function topic(p: Passage, f: Figure): Drop | undefined {
  if (f.rule.topic !== 'amount') return undefined;
  const benefit = benefitBefore(p, f.label.start);
  const amount = benefit && p.set.registry.byId.get(benefit.id)?.amount;
  if (!amount) return { refiner: 'topic', reason: `«${f.label.literal}» names the money of a benefit, and no recipients of one are counted before it in the sentence`, kind: undefined };
  f.id = amount;
  return undefined;
}
