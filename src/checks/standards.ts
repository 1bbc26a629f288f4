/**
 * Money from recipients and a standard: 为4215名奖扶对象每人每年发放960元,共计
 * 404.64万元 — 4215 × 960 = 4046400. Checked only where one sentence states one
 * count of the benefit's recipients, one standard per head (per year, or with no
 * period) and the money, so that a second standard or a partial year cannot make
 * an alarm; the money is held to the product within the rounding of its printed
 * digits.
 */
import type { Check } from '../report.js';
import type { Standard } from '../extract/standards.js';
import { BREAKS, SENTENCE_BREAK } from '../extract/chars.js';
import { slack } from './sums.js';
import { countAtOrBefore } from '../util/bisect.js';
import type { Context, Ref } from './groups.js';

/** The sentence around `at`: [start, end) in the text. */
function sentenceOf(text: string, at: number): [number, number] {
  let s = at;
  while (s > 0 && !(BREAKS[text.charCodeAt(s - 1)]! & SENTENCE_BREAK)) s--;
  let e = at;
  while (e < text.length && !(BREAKS[text.charCodeAt(e)]! & SENTENCE_BREAK)) e++;
  return [s, e];
}

// Figures are in the order of their numbers; a span that starts at a shared label (出生率、自然增长率分别为…)
// can start before the one ahead of it. Sorted by start once per report, for bisection.
const sorted = new WeakMap<Context, Ref[]>();
function byStart(ctx: Context): Ref[] {
  let refs = sorted.get(ctx);
  if (!refs) sorted.set(ctx, (refs = ctx.refs.slice().sort((a, b) => a.ind.start - b.ind.start)));
  return refs;
}

const UNITS: Record<Standard['per'], string[]> = { 人: ['人', '名'], 户: ['户'], 对: ['对'] };

export function standardCheck(ctx: Context, money: Ref): Check | undefined {
  if (money.ind.unit !== '元') return undefined;
  const recipientsId = ctx.registry.recipientsOf.get(money.ind.id);
  if (!recipientsId || !ctx.standards().length) return undefined;
  const [s, e] = sentenceOf(ctx.text, money.ind.start);
  // Standards and figures are in text order: those of the sentence are found by bisection, not by a pass over all.
  const all = ctx.standards();
  const standards: Standard[] = [];
  for (let k = countAtOrBefore(all.length, (i) => all[i]!.start, s - 1); k < all.length && all[k]!.start < e; k++) if (all[k]!.end <= e) standards.push(all[k]!);
  if (standards.length !== 1) return undefined;
  const std = standards[0]!;
  if (std.period === '月' || std.period === '季') return undefined;
  const inSentence: Ref[] = [];
  const refs = byStart(ctx);
  for (let k = countAtOrBefore(refs.length, (i) => refs[i]!.ind.start, s - 1); k < refs.length && refs[k]!.ind.start < e; k++) {
    const r = refs[k]!;
    if (r.ind.end <= e && r.ind.section === money.ind.section) inSentence.push(r);
  }
  const counts = inSentence.filter((r) => r.ind.id === recipientsId);
  const monies = inSentence.filter((r) => r.ind.unit === '元');
  if (counts.length !== 1 || monies.length !== 1) return undefined;
  const count = counts[0]!;
  if (!UNITS[std.per].includes(count.ind.unit) || !Number.isInteger(count.ind.value)) return undefined;
  const product = Math.round(count.ind.value * std.value * 100) / 100;
  const tolerance = slack(money.ind) + 0.5;
  const diff = money.ind.value - product;
  const agrees = Math.abs(diff) <= tolerance;
  const approx = money.ind.approximate || count.ind.approximate;
  const status = agrees ? (approx ? 'approximate' : 'consistent') : approx ? 'approximate' : 'inconsistent';
  return {
    rule: 'money-from-standard',
    subject: { id: money.ind.id, value: money.ind.value },
    status,
    expected: String(product),
    inputs: [money.index, count.index],
    arithmetic: `${count.ind.value} × ${std.value} = ${product} ${agrees ? '≈' : '≠'} ${money.ind.value}${agrees ? ' ✓' : ''}`,
    message: agrees
      ? `${count.ind.value} recipients at ${std.value} yuan each (${std.text}) make the money paid.`
      : `${count.ind.value} recipients at ${std.value} yuan each (${std.text}) make ${product} yuan, not the ${money.ind.value} yuan reported.`,
  };
}
