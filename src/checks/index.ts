/**
 * The checks, in order: parts against totals, rates against counts. Each
 * check names the figures it used (`inputs`, indexes into indicators).
 */
import { sortShort } from '../order.js';
import type { Check, Indicator } from '../report.js';
import { buildContext, TOTAL_IDS } from './groups.js';
import { rateChecks } from './rates.js';
import { partsChecks } from './sums.js';

export function runChecks(indicators: Indicator[], text: string): Check[] {
  const ctx = buildContext(indicators, text);
  const out: Check[] = [];
  for (const group of ctx.groups.values()) {
    for (const ref of group) {
      const found = TOTAL_IDS.has(ref.ind.id) ? partsChecks(ctx, ref) : rateChecks(ctx, ref);
      for (const c of found) {
        if (ref.ind.section !== undefined) c.section = ref.ind.section;
        out.push(c);
      }
    }
  }
  return sortShort(out, (a, b) => indicators[a.inputs?.[0] ?? 0]!.start - indicators[b.inputs?.[0] ?? 0]!.start);
}
