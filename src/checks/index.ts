/**
 * The checks, in order: parts against totals, rates against counts. Each
 * check names the figures it used (`inputs`, indexes into indicators).
 */
import { sortShort } from '../util/order.js';
import { objectList } from '../util/shape.js';
import type { Check, Indicator } from '../report.js';
import type { Registry } from '../rules/registry.js';
import type { Zero } from '../extract/zeros.js';
import { buildContext, type Ref } from './groups.js';
import { differenceCheck } from './differences.js';
import { standardCheck } from './standards.js';
import type { Standard } from '../extract/standards.js';
import { rateCheck } from './rates.js';
import { breakdownChecks, groupChecks, partsChecks } from './sums.js';

/** What the text says besides its figures, that the checks read. */
export type CheckFacts = {
  /** The parts the text states to be none (无多孩出生), which close a split. */
  zeros?: () => Zero[];
  /** The scopes that set a figure apart as a late registration (补报, 漏报: the grammar's clause scopes). */
  lateScopes?: readonly string[];
  /** Per-head standards (每人每年960元), against which recipients × standard = money is checked. */
  standards?: () => Standard[];
};

/**
 * `text`: the normalised text the indicators' offsets point into; `registry`: the parts and rates
 * to check.
 */
export function runChecks(indicators: Indicator[], text: string, registry: Registry, facts: CheckFacts = {}): Check[] {
  const ctx = buildContext(indicators, text, registry, facts.zeros, facts.lateScopes, facts.standards);
  const out = objectList<Check>();
  for (const group of ctx.groups.values()) {
    for (const ref of group) {
      if (ctx.totals.has(ref.ind.id)) {
        for (const c of partsChecks(ctx, ref)) out.push(inSection(c, ref));
      } else {
        // Most figures are no rate: no list is made for the check they do not have.
        const c = rateCheck(ctx, ref) ?? differenceCheck(ctx, ref) ?? standardCheck(ctx, ref);
        if (c) out.push(inSection(c, ref));
      }
    }
  }
  for (const c of breakdownChecks(ctx)) out.push(inSection(c, ctx.refs[c.inputs![0]!]!));
  for (const c of groupChecks(ctx)) out.push(inSection(c, ctx.refs[c.inputs![0]!]!));
  return sortShort(out, (a, b) => indicators[a.inputs?.[0] ?? 0]!.start - indicators[b.inputs?.[0] ?? 0]!.start);
}

function inSection(c: Check, ref: Ref): Check {
  if (ref.ind.section !== undefined) c.section = ref.ind.section;
  return c;
}
