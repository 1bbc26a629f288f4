/**
 * The indicator registry (patterns/indicators.json): every indicator id once,
 * with its unit, parts, rate definition and plausible range. The wide CSV's
 * columns, the checks' part sets and rates, and the plausibility bounds are
 * read from here, so that adding an indicator is one entry and one rule.
 */
import type { EveryField } from '../util/shape.js';
import type { IndicatorSpec, PartSet, RateDefinition } from './schema.js';

export type Registry = {
  /** In file order: the columns of the wide CSV. */
  indicators: IndicatorSpec[];
  byId: Map<string, IndicatorSpec>;
  /** Id → its variable name for Stata and R (`variableOf`), each unique. */
  variables: Map<string, string>;
  /** Total id → its splits into parts. */
  partSets: Map<string, PartSet[]>;
  /** Total id → every id that is a part of it in some split. */
  partIds: Map<string, Set<string>>;
  /** Rate id → how it derives from counts. */
  rates: Map<string, RateDefinition>;
  /** Money id → the id of the recipients it is paid to (the registry's `amount`, read backwards). */
  recipientsOf: Map<string, string>;
  /** The id of which all of `ids` are parts in one split (the money of several benefits is the benefit money), or undefined. */
  wholeOf(ids: string[]): string | undefined;
};

/** A problem with an entry: its index and field, and what is wrong. */
export class RegistryError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** Ids outside the registry are allowed under this prefix (a user's own figures). */
export const OTHER_PREFIX = 'other.';

/** The longest variable name: Stata allows 32 characters, and the wide CSV's longest suffix (_approx) takes 7. */
export const VARIABLE_MAX = 25;

/** An indicator's variable name in Stata and R: its own `variable`, or its id with underscores for dots. */
export const variableOf = (s: Pick<IndicatorSpec, 'id' | 'variable'>) => s.variable ?? s.id.replace(/\./g, '_');

/** An entry in one shape (util/shape.ts): the checks read entries for every figure. */
function oneShape(s: IndicatorSpec): IndicatorSpec {
  return {
    id: s.id,
    meaning: s.meaning,
    wording: s.wording,
    variable: s.variable,
    unit: s.unit,
    parts: s.parts,
    rate: s.rate,
    difference: s.difference,
    amount: s.amount,
    range: s.range,
  } satisfies EveryField<IndicatorSpec>;
}

export function buildRegistry(entries: IndicatorSpec[]): Registry {
  const specs = entries.map(oneShape);
  const byId = new Map<string, IndicatorSpec>();
  const variables = new Map<string, string>();
  const takenBy = new Map<string, string>();
  specs.forEach((s, i) => {
    if (byId.has(s.id)) throw new RegistryError(`indicators[${i}].id`, `${s.id} is listed twice`);
    byId.set(s.id, s);
    const v = variableOf(s);
    const field = s.variable ? `indicators[${i}].variable` : `indicators[${i}].id`;
    if (v.length > VARIABLE_MAX) throw new RegistryError(field, `the variable name ${v} is longer than ${VARIABLE_MAX} characters: give the entry a shorter "variable"`);
    const other = takenBy.get(v.toLowerCase());
    if (other) throw new RegistryError(field, `the variable name ${v} is ${other}'s too (names differing only in case collide in Stata's and Excel's eyes)`);
    takenBy.set(v.toLowerCase(), s.id);
    variables.set(s.id, v);
  });
  const known = (id: string, field: string) => {
    if (!byId.has(id)) throw new RegistryError(field, `${id} is not an indicator of the registry`);
  };
  const partSets = new Map<string, PartSet[]>();
  const partIds = new Map<string, Set<string>>();
  const rates = new Map<string, RateDefinition>();
  specs.forEach((s, i) => {
    if (s.parts?.length) {
      s.parts.forEach((set, j) => {
        set.parts.forEach((id, k) => known(id, `indicators[${i}].parts[${j}].parts[${k}]`));
        set.unlessPresent?.forEach((id, k) => known(id, `indicators[${i}].parts[${j}].unlessPresent[${k}]`));
      });
      partSets.set(s.id, s.parts);
      partIds.set(s.id, new Set(s.parts.flatMap((set) => set.parts)));
    }
    if (s.amount) known(s.amount, `indicators[${i}].amount`);
    if (s.difference) {
      known(s.difference.minuend, `indicators[${i}].difference.minuend`);
      known(s.difference.subtrahend, `indicators[${i}].difference.subtrahend`);
    }
    if (s.rate) {
      known(s.rate.numerator, `indicators[${i}].rate.numerator`);
      known(s.rate.denominator, `indicators[${i}].rate.denominator`);
      rates.set(s.id, s.rate);
    }
  });
  const wholeOf = (ids: string[]) => {
    for (const [total, sets] of partSets) if (sets.some((set) => ids.every((id) => set.parts.includes(id)))) return total;
    return undefined;
  };
  const recipientsOf = new Map(specs.filter((s) => s.amount).map((s) => [s.amount!, s.id] as const));
  return { indicators: specs, byId, variables, partSets, partIds, rates, recipientsOf, wholeOf };
}
