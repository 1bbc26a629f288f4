/**
 * Plausibility: values that are possible to print but unlikely to be meant,
 * judged against each indicator's unit and plausible range in the registry.
 * Codes and their wording live here, in one table.
 */
import type { Check, Indicator } from '../report.js';
import { mapObjects, objectList } from '../util/shape.js';
import type { Registry } from '../rules/registry.js';
import type { IndicatorSpec } from '../rules/schema.js';

type Problem = { code: keyof typeof WORDING; ind: Indicator; spec: IndicatorSpec | undefined };

/** A unit as it follows a number in a message: 95%, 12‰, 108 (a ratio or a count has no sign here). */
const sign = (unit: string) => (unit === '%' || unit === '‰' ? unit : '');

const WORDING = {
  'above-range': (i: Indicator, s?: IndicatorSpec) => `${i.id} = ${i.value}${sign(i.unit)} is above ${s!.range!.max}${sign(i.unit)}, implausible for ${s!.meaning}`,
  'below-range': (i: Indicator, s?: IndicatorSpec) => `${i.id} = ${i.value}${sign(i.unit)} is below ${s!.range!.min}${sign(i.unit)}, implausible for ${s!.meaning}`,
  'outside-range': (i: Indicator, s?: IndicatorSpec) => `${i.id} = ${i.value} is outside the plausible ${s!.range!.min}–${s!.range!.max} (${s!.meaning})`,
  'wrong-sign': (i: Indicator, s?: IndicatorSpec) => `${i.id} = ${i.value} is printed with ${i.unit}; a ${s!.meaning} is given in ${s!.unit}, so the % or ‰ sign is likely wrong`,
  'approximate-input': (i: Indicator) => `${i.id} = ${i.value} is approximate (${i.text}) and was used in a check`,
} as const;

/** A warning and where it applies: the section and line of the figure it is about. */
export type Located = { message: string; line?: number; section?: number };

/** A warning in the one shape every warning has (util/shape.ts); JSON leaves out what is undefined. */
export const warningAt = (message: string, line?: number, section?: number): Located => ({ message, line, section });

function located(p: Problem): Located {
  return warningAt(`line ${p.ind.line}: ${WORDING[p.code](p.ind, p.spec)} «${p.ind.text}»`, p.ind.line, p.ind.section);
}

const RATE_SIGNS = new Set(['%', '‰']);

/** The problem with a figure's value against its registry entry: a rate printed with the other sign, or a value outside the plausible range. */
function rangeProblem(ind: Indicator, spec: IndicatorSpec | undefined): Problem | undefined {
  if (!spec) return undefined;
  // 人口出生率11.02%: a per-mille rate printed in per cent. Its range is in its own unit, so it is not judged too.
  if (RATE_SIGNS.has(spec.unit) && RATE_SIGNS.has(ind.unit) && ind.unit !== spec.unit) return { code: 'wrong-sign', ind, spec };
  const range = spec.range;
  if (!range) return undefined;
  const low = range.min !== undefined && ind.value < range.min;
  const high = range.max !== undefined && ind.value > range.max;
  if (!low && !high) return undefined;
  if (range.min !== undefined && range.max !== undefined) return { code: 'outside-range', ind, spec };
  return { code: high ? 'above-range' : 'below-range', ind, spec };
}

export function plausibility(indicators: Indicator[], checks: Check[], registry: Registry): Located[] {
  const problems = objectList<Problem>();
  // Index loops: for…of checks the array's kind, which differs for an empty list.
  for (let k = 0; k < indicators.length; k++) {
    const ind = indicators[k]!;
    const p = rangeProblem(ind, registry.byId.get(ind.id));
    if (p) problems.push(p);
  }
  // Approximate figures that some check used, each once, in the order the checks first use them.
  const seen = new Set<number>();
  for (let k = 0; k < checks.length; k++) {
    const inputs = checks[k]!.inputs;
    if (!inputs) continue;
    for (const i of inputs) {
      if (seen.has(i)) continue;
      seen.add(i);
      const ind = indicators[i];
      if (ind?.approximate) problems.push({ code: 'approximate-input', ind, spec: undefined });
    }
  }
  const out = mapObjects(problems, located);
  for (let k = 0; k < checks.length; k++) {
    const c = checks[k]!;
    if (c.rule === 'parts-sum' && c.status === 'inconsistent' && c.expected !== undefined && Number(c.expected) > c.subject.value) {
      const first = c.inputs?.[0];
      const subject = first === undefined ? undefined : indicators[first];
      out.push(warningAt(`${subject ? `line ${subject.line}: ` : ''}${c.subject.id} = ${c.subject.value}: its listed parts add up to more (${c.expected})`, subject?.line, c.section));
    }
  }
  return out;
}
