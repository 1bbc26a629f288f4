/**
 * The topic a generic money wording takes: 兑现资金47.04万元 after
 * 奖励扶助对象392人 is the reward money. The benefit is the last figure of
 * recipients before it in the sentence (the registry's `amount` names its
 * money); without one, the wording names nothing this tool reads.
 */
import { BREAKS, SENTENCE_BREAK } from '../chars.js';
import { backTo, type Passage } from '../passage.js';
import type { Drop, Figure } from './figure.js';

// How far back in the sentence the benefit may be named.
const TOPIC_WINDOW = 60;

/** The last figure before `at` in its sentence (within TOPIC_WINDOW) whose id has an amount in the registry. */
export function benefitBefore(p: Passage, at: number): Figure | undefined {
  for (let k = p.figures.length - 1; k >= 0; k--) {
    const f = p.figures[k]!;
    if (!sameSentence(p, f, at)) return undefined;
    if (p.set.registry.byId.get(f.id)?.amount) return f;
  }
  return undefined;
}

/** Whether `f` ends within TOPIC_WINDOW before `at`, with no sentence break between. */
function sameSentence(p: Passage, f: Figure, at: number): boolean {
  if (at - f.end > TOPIC_WINDOW) return false;
  for (let i = f.end; i < at; i++) if (BREAKS[p.text.charCodeAt(i)]! & SENTENCE_BREAK) return false;
  return true;
}

/**
 * The money ids of the benefits counted in a run right before `at` in its sentence
 * (奖扶对象2156人、特扶对象412人,发放扶助资金…), nearest first; the run ends at a
 * figure of money or of anything else.
 */
function amountsBefore(p: Passage, at: number): string[] {
  const first = benefitBefore(p, at);
  if (!first) return [];
  const amounts = [p.set.registry.byId.get(first.id)!.amount!];
  for (let k = p.figures.lastIndexOf(first) - 1; k >= 0; k--) {
    const f = p.figures[k]!;
    const amount = p.set.registry.byId.get(f.id)?.amount;
    if (!amount || !sameSentence(p, f, at)) break;
    if (!amounts.includes(amount)) amounts.push(amount);
  }
  return amounts;
}

/** The id of the programme named last in the sentence before `at` (落实…奖励扶助政策,为1234名对象), or undefined. */
function programmeBefore(p: Passage, at: number): string | undefined {
  const programmes = p.grammar.programmes;
  if (!programmes) return undefined;
  const sentence = p.text.slice(backTo(p.text, at, SENTENCE_BREAK, TOPIC_WINDOW), at);
  let id: string | undefined;
  programmes.re.lastIndex = 0;
  for (let m = programmes.re.exec(sentence); m; m = programmes.re.exec(sentence)) {
    const k = Object.entries(m.groups!).findIndex(([, v]) => v !== undefined);
    id = programmes.ids[Number(Object.keys(m.groups!)[k]!.slice(1))];
  }
  return id;
}

export function topic(p: Passage, f: Figure): Drop | undefined {
  if (f.rule.topic === 'programme') {
    const id = programmeBefore(p, f.start);
    if (!id) return { refiner: 'topic', reason: `«${f.label.literal}» counts the recipients of a programme, and none is named before it in the sentence`, kind: undefined };
    f.id = id;
    return undefined;
  }
  if (f.rule.topic !== 'amount') return undefined;
  const amounts = amountsBefore(p, f.label.start);
  // Money paid to several benefits' recipients at once is the benefit money as a whole.
  const amount = amounts.length > 1 ? p.set.registry.wholeOf(amounts) : amounts[0];
  if (!amount) return { refiner: 'topic', reason: `«${f.label.literal}» names the money of a benefit, and no recipients of one are counted before it in the sentence`, kind: undefined };
  f.id = amount;
  return undefined;
}
