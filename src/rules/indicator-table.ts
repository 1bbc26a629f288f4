/**
 * The README's table of indicators, made from the registry, so that the
 * documentation lists exactly the ids the tool gives (scripts/readme.mjs
 * writes it; a test holds the README to it).
 */
import type { Registry } from './registry.js';
import type { IndicatorSpec } from './schema.js';

export const TABLE_START = '<!-- indicators: made from patterns/indicators.json by `npm run readme` -->';
export const TABLE_END = '<!-- /indicators -->';

const cell = (s: string) => s.replace(/\|/g, '\\|');

function checked(s: IndicatorSpec): string {
  const out: string[] = [];
  for (const set of s.parts ?? []) out.push(`${set.exhaustive ? '=' : '≥'} ${set.parts.map((p) => `\`${p}\``).join(' + ')}`);
  if (s.rate) out.push(`\`${s.rate.numerator}\` / \`${s.rate.denominator}\` × ${s.rate.factor}${s.rate.kind === 'perPopulation' ? ' (approximately)' : ''}`);
  const r = s.range;
  if (r) out.push(r.min !== undefined && r.max !== undefined ? `plausible ${r.min}–${r.max}` : r.max !== undefined ? `plausible ≤ ${r.max}` : `plausible ≥ ${r.min}`);
  return out.join('; ');
}

export function indicatorTable(registry: Pick<Registry, 'indicators'>): string {
  const rows = registry.indicators.map((s) => `| \`${s.id}\` | ${cell(s.meaning)} | ${cell(s.wording)} | ${s.unit} | ${cell(checked(s))} |`);
  return [TABLE_START, '| id | meaning | typical wording | unit | checked against |', '| --- | --- | --- | --- | --- |', ...rows, TABLE_END].join('\n');
}
