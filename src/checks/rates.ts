/**
 * Rates from counts. A share of births (policy compliance, parity shares), a
 * prevalence (users / married women) or a sex ratio is judged exactly at the
 * printed precision, by interval where parts are missing, and by the GRIM test
 * where only the denominator is known. Rates per population (births /
 * population × 1000) are judged only approximately: reports rarely state the
 * average population they divide by.
 */
import type { Check } from '../report.js';
import type { RateDefinition } from '../rules/schema.js';
import { around, nearest, POPULATION_SCOPES, runAfter, type Context, type Ref } from './groups.js';
import { grimCanFail, judgeRate, numeratorsFor, printedOf, ratio, roundedTwice, wholeCounts } from './interval.js';

const PER_POPULATION_TOLERANCE = 0.05;


type Numerator = { lo: number; hi: number; how: string; inputs: Ref[] };

const PARITIES = ['first', 'second', 'thirdPlus'] as const;

/** In-policy births: stated, or total minus out-of-policy, or bounded by the cells listed under the total. */
function inPolicyBirths(ctx: Context, total: Ref, rate: Ref): Numerator | undefined {
  const at = rate.ind.start;
  const stated = nearest(ctx, total, 'births.inPolicy', at);
  if (stated) return { lo: stated.ind.value, hi: stated.ind.value, how: `${stated.ind.value}`, inputs: [stated] };
  const out = nearest(ctx, total, 'births.outOfPolicy', at);
  if (out) {
    const v = total.ind.value - out.ind.value;
    return { lo: v, hi: v, how: `(${total.ind.value} − ${out.ind.value})`, inputs: [out] };
  }
  const run = runAfter(ctx, total, ctx.registry.partIds.get(total.ind.id) ?? new Set());
  let lo = 0;
  let hi = 0;
  let listed = 0;
  const known: string[] = [];
  const inputs: Ref[] = [];
  for (const p of PARITIES) {
    const all = run.get(`births.${p}`);
    const inn = run.get(`births.${p}.inPolicy`);
    const outp = run.get(`births.${p}.outOfPolicy`);
    for (const r of [all, inn, outp]) if (r) inputs.push(r);
    if (all) {
      listed += all.ind.value;
      if (inn) {
        lo += inn.ind.value;
        hi += inn.ind.value;
        known.push(String(inn.ind.value));
      } else if (outp) {
        lo += all.ind.value - outp.ind.value;
        hi += all.ind.value - outp.ind.value;
        known.push(`(${all.ind.value} − ${outp.ind.value})`);
      } else hi += all.ind.value;
    } else {
      if (inn) {
        lo += inn.ind.value;
        hi += inn.ind.value;
        listed += inn.ind.value;
        known.push(String(inn.ind.value));
      }
      if (outp) listed += outp.ind.value;
    }
  }
  if (!known.length) return undefined;
  const unlisted = Math.max(0, total.ind.value - listed);
  hi = Math.min(hi + unlisted, total.ind.value);
  return { lo, hi, how: known.join(' + '), inputs };
}

// The one-id sets runAfter is asked for, made once per id.
const ONE_ID = new Map<string, Set<string>>();

/** The numerator as stated: listed after the denominator, or the nearest figure of its id. */
function stated(ctx: Context, den: Ref, rate: Ref, id: string): Numerator | undefined {
  let ids = ONE_ID.get(id);
  if (!ids) ONE_ID.set(id, (ids = new Set([id])));
  const r = runAfter(ctx, den, ids).get(id) ?? nearest(ctx, rate, id, rate.ind.start);
  return r ? { lo: r.ind.value, hi: r.ind.value, how: String(r.ind.value), inputs: [r] } : undefined;
}

// Numerators that other figures bound when the report does not state them.
const DERIVED: Record<string, (ctx: Context, den: Ref, rate: Ref) => Numerator | undefined> = {
  'births.inPolicy': inPolicyBirths,
};

/** The check of a rate against the counts it derives from (the registry's definition), if the report states what it needs (one at most). */
export function rateCheck(ctx: Context, rate: Ref): Check | undefined {
  const r = rate.ind;
  const spec = ctx.registry.rates.get(r.id);
  if (!spec) return undefined;
  if (spec.kind === 'perPopulation') return perPopulation(ctx, rate, spec);
  if (spec.kind === 'ratio') return countsRatio(ctx, rate, spec);
  if (r.unit !== '%' && r.decimals === undefined) return undefined;
  const den = nearest(ctx, rate, spec.denominator, r.start);
  if (!den || den.ind.value <= 0 || !wholeCounts(den.ind.value)) return undefined;
  const num = (DERIVED[spec.numerator] ?? ((c, d, x) => stated(c, d, x, spec.numerator)))(ctx, den, rate);
  if (num && !wholeCounts(num.lo, num.hi)) return undefined;
  const p = printedOf(r.printed);
  const D = den.ind.value;
  // Shared fields are written into each literal: spreading a shared object costs microseconds in V8.
  const rule = 'rate-from-counts';
  const subject = { id: r.id, value: r.value };
  const approx = r.approximate || den.ind.approximate || num?.inputs.some((i) => i.ind.approximate);
  if (!num) {
    const inputs = [rate.index, den.index];
    if (!grimCanFail(p, BigInt(D), BigInt(spec.factor))) {
      return { rule, subject, inputs, status: 'unverifiable', message: `Only the denominator (${D}) is stated, and with it every rate at this precision is possible.` };
    }
    const j = judgeRate(p, 0n, BigInt(D), BigInt(D), BigInt(spec.factor));
    // The report states no count of the numerator: the messages speak of the count the rate implies, never as if it were stated.
    if (j.agrees) {
      return {
        rule, subject, inputs, status: 'consistent',
        expected: `${j.numerator} of ${D} (implied)`,
        arithmetic: `${r.printed}${r.unit} of ${D} is ${j.numerator} (a whole number) ✓`,
        message: `${r.printed}${r.unit} of the stated ${D} implies ${j.numerator} ${spec.what}, a whole number, so the rate can be exact (GRIM test); the report does not state that count.`,
      };
    }
    const [below] = numeratorsFor(p, BigInt(D), BigInt(spec.factor), 'truncated');
    const a = Number(below) - 1;
    const b = Number(below);
    return {
      rule, subject, inputs, status: 'inconsistent',
      expected: `${ratio(a, D, spec.factor, p.decimals)} or ${ratio(b, D, spec.factor, p.decimals)}`,
      arithmetic: `${r.printed}${r.unit} of ${D} lies between ${a} (${ratio(a, D, spec.factor, p.decimals + 2)}) and ${b} (${ratio(b, D, spec.factor, p.decimals + 2)}) ≠ ${r.printed}`,
      message: `No whole number of ${spec.what} out of the stated ${D} gives ${r.printed}${r.unit}: the nearest whole counts give ${ratio(a, D, spec.factor, p.decimals)} and ${ratio(b, D, spec.factor, p.decimals)} (GRIM test), so the rate or the total is wrong.`,
    };
  }
  const inputs = [rate.index, den.index];
  for (const i of num.inputs) inputs.push(i.index);
  const j = judgeRate(p, BigInt(num.lo), BigInt(num.hi), BigInt(D), BigInt(spec.factor));
  const dec = p.decimals + 2;
  const low = ratio(num.lo, D, spec.factor, dec);
  const high = ratio(num.hi, D, spec.factor, dec);
  const range = num.lo === num.hi ? low : `[${low}, ${high}]`;
  if (j.agrees) {
    const value = num.lo === num.hi ? `${num.how} / ${D} × ${spec.factor} = ${low}` : `${spec.what} ${num.lo}–${num.hi} of ${D} → ${range}`;
    return {
      rule, subject, inputs,
      status: approx ? 'approximate' : 'consistent',
      expected: range,
      arithmetic: `${value} ≈ ${r.printed} ✓${j.mode === 'truncated' ? ' (truncated)' : ''}`,
      message:
        j.mode === 'truncated'
          ? `${range} printed as ${r.printed}: truncated rather than rounded, which is not a contradiction.`
          : num.lo === num.hi
            ? `${num.how} / ${D} gives ${low}, which rounds to the printed ${r.printed}.`
            : `With ${num.hi - num.lo} births not assigned by the report, the rate can be ${r.printed}.`,
    };
  }
  if (roundedTwice(p, BigInt(num.lo), BigInt(num.hi), BigInt(D), BigInt(spec.factor))) {
    return {
      rule, subject, inputs,
      status: 'approximate',
      expected: range,
      arithmetic: `${num.lo === num.hi ? `${num.how} / ${D} × ${spec.factor} = ${low}` : `${spec.what} ${num.lo}–${num.hi} of ${D} → ${range}`} ≈ ${r.printed} (rounded twice)`,
      message: `${range} rounds to ${r.printed} only when rounded twice (first to ${p.decimals + 1} decimals): one step off, left unjudged.`,
    };
  }
  return {
    rule, subject, inputs,
    status: 'inconsistent',
    expected: num.lo === num.hi ? low : `[${ratio(num.lo, D, spec.factor, p.decimals + 1)}, ${ratio(num.hi, D, spec.factor, p.decimals + 1)}]`,
    arithmetic: `${num.lo === num.hi ? `${num.how} / ${D} × ${spec.factor} = ${low}` : `${spec.what} ≤ ${num.hi} of ${D} → ≤ ${ratio(num.hi, D, spec.factor, p.decimals + 1)}`} ≠ ${r.printed}`,
    message:
      num.lo === num.hi
        ? `${num.how} / ${D} gives ${low}, not the printed ${r.printed}${r.unit}.`
        : `Even giving every unlisted birth to one side, ${spec.what} lie between ${num.lo} and ${num.hi} of ${D}, so the rate lies in ${range}; the printed ${r.printed}${r.unit} is outside it.`,
  };
}

/**
 * A ratio of two stated counts (boys per 100 girls): the last of each stated
 * before the ratio in its group, and only when they stand together (one right
 * after the other). Counts scattered over years or kinds (出生男孩84人,出生女孩69人,
 * 补报女孩3人) are not a pair this check can trust.
 */
function countsRatio(ctx: Context, rate: Ref, spec: RateDefinition): Check | undefined {
  const r = rate.ind;
  const male = lastBefore(ctx, rate, spec.numerator);
  const female = lastBefore(ctx, rate, spec.denominator);
  if (!male || !female || Math.abs(male.index - female.index) !== 1) return undefined;
  if (female.ind.value <= 0 || !wholeCounts(male.ind.value, female.ind.value)) return undefined;
  const p = printedOf(r.printed);
  // Late registrations stated between the counts and the ratio (补报女孩3人) may be counted in it.
  let m = male.ind.value;
  let f = female.ind.value;
  let j = judgeRate(p, BigInt(m), BigInt(m), BigInt(f), BigInt(spec.factor));
  const inputs = [rate.index, male.index, female.index];
  let late = '';
  for (let k = Math.max(male.index, female.index) + 1; k < rate.index && !j.agrees; k++) {
    const x = ctx.refs[k]!.ind;
    if (!x.scope || !ctx.lateScopes.has(x.scope) || !wholeCounts(x.value) || (x.id !== spec.numerator && x.id !== spec.denominator)) continue;
    const [m2, f2] = x.id === spec.numerator ? [m + x.value, f] : [m, f + x.value];
    const j2 = judgeRate(p, BigInt(m2), BigInt(m2), BigInt(f2), BigInt(spec.factor));
    if (j2.agrees) {
      [m, f, j] = [m2, f2, j2];
      inputs.push(k);
      late = ` with the ${x.value} late registrations (${x.text})`;
    }
  }
  const v = ratio(m, f, spec.factor, p.decimals + 2);
  return {
    rule: 'rate-from-counts',
    subject: { id: r.id, value: r.value },
    status: j.agrees ? 'consistent' : 'inconsistent',
    expected: v,
    inputs,
    arithmetic: `${m} / ${f} × ${spec.factor} = ${v} ${j.agrees ? '≈' : '≠'} ${r.printed}${j.agrees ? ' ✓' : ''}`,
    message: j.agrees
      ? `The stated counts (${m} and ${f}${late}) give ${v}, which agrees with the printed ${r.printed}.`
      : `The stated counts (${m} and ${f}) give ${v} ${spec.what}, not the printed ${r.printed}.`,
  };
}

/** The last figure of this id before `rate` in its group, in the same paragraph. */
function lastBefore(ctx: Context, rate: Ref, id: string): Ref | undefined {
  const found = nearest(ctx, rate, id, rate.ind.start);
  if (!found || found.ind.start > rate.ind.start || ctx.text.slice(found.ind.end, rate.ind.start).includes('\n')) return undefined;
  return found;
}

/** births / population × 1000, within a stated tolerance: the average population used is rarely printed. */
function perPopulation(ctx: Context, rate: Ref, spec: RateDefinition): Check | undefined {
  const r = rate.ind;
  const births = nearest(ctx, rate, spec.numerator, r.start);
  if (!births || !wholeCounts(births.ind.value)) return undefined;
  // A report may state several populations (户籍 and 常住): judge against the one that
  // fits best, so that the choice of population is not taken for a contradiction.
  const rateFor = (pop: Ref) => (births.ind.value / pop.ind.value) * spec.factor;
  // The few stated nearest the rate: a report states two or three, and a bound keeps a page of thousands linear.
  // A rate among a population named as its scope (户籍人口, 常住人口) divides by that population, stated without one.
  const pops = around(ctx, rate, spec.denominator, r.start, 3, POPULATION_SCOPES.has(r.scope ?? '')).filter((x) => x.ind.value > 0);
  const pop = pops.reduce<Ref | undefined>((best, x) => (!best || Math.abs(rateFor(x) - r.value) < Math.abs(rateFor(best) - r.value) ? x : best), undefined);
  if (!pop) return undefined;
  const p = printedOf(r.printed);
  const exact = rateFor(pop);
  const computed = exact.toFixed(p.decimals + 2);
  const rule = 'per-population-rate';
  const subject = { id: r.id, value: r.value };
  const inputs = [rate.index, births.index, pop.index];
  const arithmetic = `${births.ind.value} / ${pop.ind.value} × ${spec.factor} = ${computed}`;
  const warnUnit = r.unit === '%' ? ' (printed in %, read as ‰)' : '';
  const j = judgeRate(p, BigInt(births.ind.value), BigInt(births.ind.value), BigInt(Math.round(pop.ind.value)), BigInt(spec.factor));
  if (j.agrees) {
    return { rule, subject, expected: computed, inputs, status: 'consistent', arithmetic: `${arithmetic} ≈ ${r.printed} ✓${j.mode === 'truncated' ? ' (truncated)' : ''}`,
      message: `Births over the stated population give the printed rate${j.mode === 'truncated' ? ' (truncated)' : ''}${warnUnit}.` };
  }
  const off = Math.abs(exact - r.value) / r.value;
  if (off <= PER_POPULATION_TOLERANCE) {
    return { rule, subject, expected: computed, inputs, status: 'approximate', arithmetic: `${arithmetic} ≈ ${r.printed} (within ${PER_POPULATION_TOLERANCE * 100}%)`,
      message: `Births over the stated population give ${computed}‰, within ${PER_POPULATION_TOLERANCE * 100}% of the printed ${r.printed}: the report likely divides by an average population it does not state${warnUnit}.` };
  }
  return { rule, subject, expected: computed, inputs, status: 'inconsistent', arithmetic: `${arithmetic} ≠ ${r.printed}`,
    message: `Births over the stated population give ${computed}‰, ${(off * 100).toFixed(0)}% away from the printed ${r.printed}: more than a difference of average population explains${warnUnit}.` };
}
