/**
 * Plausibility: values that are possible to print but unlikely to be meant.
 * Codes and their wording live here, in one table.
 */
import type { Check, Indicator } from '../report.js';

type Problem = { code: keyof typeof WORDING; ind: Indicator };

const WORDING = {
  'rate-over-100': (i: Indicator) => `${i.id} = ${i.value}% is above 100%`,
  'sex-ratio-range': (i: Indicator) => `${i.id} = ${i.value} is outside the plausible 90–140 boys per 100 girls`,
  'per-mille-as-percent': (i: Indicator) => `${i.id} = ${i.value} is printed in %; a ${i.id === 'rate.birth' ? 'birth' : 'natural increase'} rate is per mille (‰), so the sign is likely wrong`,
  'birth-rate-high': (i: Indicator) => `${i.id} = ${i.value}‰ is above 40‰, implausible for a crude birth rate`,
  'approximate-input': (i: Indicator) => `${i.id} = ${i.value} is approximate (${i.text}) and was used in a check`,
} as const;

function located(p: Problem): string {
  return `line ${p.ind.line}: ${WORDING[p.code](p.ind)} «${p.ind.text}»`;
}

export function plausibility(indicators: Indicator[], checks: Check[] = []): string[] {
  const problems: Problem[] = [];
  // Index loops: for…of checks the array's kind, which differs for an empty list.
  for (let k = 0; k < indicators.length; k++) {
    const ind = indicators[k]!;
    if (ind.unit === '%' && ind.value > 100) problems.push({ code: 'rate-over-100', ind });
    if (ind.id === 'sexRatio.atBirth' && (ind.value < 90 || ind.value > 140)) problems.push({ code: 'sex-ratio-range', ind });
    if ((ind.id === 'rate.birth' || ind.id === 'rate.naturalIncrease') && ind.unit === '%') problems.push({ code: 'per-mille-as-percent', ind });
    if (ind.id === 'rate.birth' && ind.unit !== '%' && ind.value > 40) problems.push({ code: 'birth-rate-high', ind });
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
      if (ind?.approximate) problems.push({ code: 'approximate-input', ind });
    }
  }
  const out = problems.map(located);
  for (let k = 0; k < checks.length; k++) {
    const c = checks[k]!;
    if (c.rule === 'parts-sum' && c.status === 'inconsistent' && c.expected !== undefined && Number(c.expected) > c.subject.value) {
      out.push(`${c.subject.id} = ${c.subject.value}: its listed parts add up to more (${c.expected})`);
    }
  }
  return out;
}
