/**
 * A rate that is one rate less another (the registry's `difference`): natural
 * increase = birth rate − death rate. Each printed rate stands for an interval
 * (7.23 rounded or truncated: [7.225, 7.24)); the check agrees when the
 * difference of the two intervals meets the third.
 */
import type { Check } from '../report.js';
import { nearest, type Context, type Ref } from './groups.js';

// How far from the difference its two rates may stand: one passage of a report.
const REACH = 200;

/** [lo, hi) that a printed value may have come from, rounded half-up or truncated. */
function interval(ref: Ref): [number, number] {
  const unit = 10 ** -(ref.ind.decimals ?? 0);
  return [ref.ind.value - unit / 2, ref.ind.value + unit];
}

/** The figure of `id` nearest `rate` in its group and paragraph, within REACH. */
function near(ctx: Context, rate: Ref, id: string): Ref | undefined {
  const r = nearest(ctx, rate, id, rate.ind.start);
  if (!r) return undefined;
  const [a, b] = r.ind.start < rate.ind.start ? [r.ind.end, rate.ind.start] : [rate.ind.end, r.ind.start];
  if (b - a > REACH || ctx.text.slice(a, b).includes('\n')) return undefined;
  return r;
}

const show = (x: number, decimals: number) => (Math.round(x * 10 ** decimals) / 10 ** decimals).toFixed(decimals);

export function differenceCheck(ctx: Context, rate: Ref): Check | undefined {
  const spec = ctx.registry.byId.get(rate.ind.id)?.difference;
  if (!spec) return undefined;
  const a = near(ctx, rate, spec.minuend);
  const b = near(ctx, rate, spec.subtrahend);
  if (!a || !b) return undefined;
  const [alo, ahi] = interval(a);
  const [blo, bhi] = interval(b);
  const [rlo, rhi] = interval(rate);
  const lo = alo - bhi;
  const hi = ahi - blo;
  const agrees = lo < rhi - 1e-9 && rlo < hi - 1e-9;
  const decimals = Math.max(a.ind.decimals ?? 0, b.ind.decimals ?? 0);
  const diff = show(a.ind.value - b.ind.value, decimals);
  const unit = rate.ind.unit;
  const approx = a.ind.approximate || b.ind.approximate || rate.ind.approximate;
  const status = agrees ? 'consistent' : approx ? 'approximate' : 'inconsistent';
  const name = (r: Ref) => ctx.registry.byId.get(r.ind.id)?.meaning.replace(/ \(.*\)$/, '') ?? r.ind.id;
  return {
    rule: 'difference-of-rates',
    subject: { id: rate.ind.id, value: rate.ind.value },
    status,
    expected: diff,
    inputs: [rate.index, a.index, b.index],
    arithmetic: `${a.ind.printed} − ${b.ind.printed} = ${diff} ${agrees ? '≈' : '≠'} ${rate.ind.printed}${agrees ? ' ✓' : ''}`,
    message: agrees
      ? `The ${name(a)} ${a.ind.printed}${unit} less the ${name(b)} ${b.ind.printed}${unit} gives the printed ${name(rate)} ${rate.ind.printed}${unit}, within rounding.`
      : `The ${name(a)} ${a.ind.printed}${unit} less the ${name(b)} ${b.ind.printed}${unit} is ${diff}${unit}, not the printed ${name(rate)} ${rate.ind.printed}${unit}: one of the three rates is wrong.`,
  };
}
