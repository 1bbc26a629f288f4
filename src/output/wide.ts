/**
 * The wide CSV: one row per report section, one group of columns per
 * indicator. Which of a section's mentions of an indicator fills its cell is
 * decided here, by one stated rule (README, "The wide CSV"):
 *
 * 1. only the section's own figures count: never one scoped to a campaign
 *    (专项整治), a subgroup (流动人口, 城区, 服务站, 补报) or a part of a
 *    breakdown (其中国家级352人 under 奖扶对象441人);
 * 2. of those, the first of the report's own period, stated without a scope;
 *    a figure stated only as a bound (控制在107以内) gives way to a stated value;
 * 3. then one counted on a whole-population base (常住人口, 户籍人口: the
 *    grammar's wholeScopes), named in the scope column;
 * 4. then one of another period (2012年出生男孩128人 in a 2015 report, 1-10月
 *    in a year's), named in the period column.
 *
 * Beside the value: its unit, whether it is approximate (余, 约), its bound,
 * its scope, and how many different values the section states for it among
 * its own figures, so that a conflict is seen, not hidden.
 */
import { FLAGGED_STATUSES } from '../checks/flagged.js';
import type { Indicator, Report, Section } from '../report.js';
import { wholeYear } from '../extract/refine/period.js';

/** The columns of one indicator, after its value column: the suffix and what fills it. */
export const SUFFIXES = ['unit', 'approx', 'bound', 'scope', 'period', 'n'] as const;

export type NameStyle = 'ids' | 'stata';

export type WideLayout = {
  /** Indicator ids, in the registry's order. */
  ids: readonly string[];
  /** The value column of each id: the id itself, or its Stata/R variable name. */
  names: readonly string[];
  /** The Stata/R variable name of each id (the registry's), whatever names the columns. */
  variables: readonly string[];
  /** How a suffix joins a name: births.total.unit, births_total_unit. */
  joiner: '.' | '_';
  wholeScopes: ReadonlySet<string>;
};

export type Choice = {
  /** The figure whose value fills the cell. */
  chosen: Indicator;
  /** How many different values the section states for the indicator among its own figures (rule 1) of the chosen one's period. */
  values: number;
  /** Whether the chosen figure's period is the report's own, a year the report's (redacted) year cannot confirm, or another. */
  period: 'own' | 'dated' | 'other';
};

/** The report a figure's period is judged against: its year, and its title (上半年 in a half-year report's). */
export type Period = Pick<Section, 'year' | 'title'>;

/**
 * A figure's period against the report's: its own when it names none, or the report's year as a
 * whole, or a part of the year the report's title names too (上半年 in a half-year report); `dated`
 * when it names a single year and the report's year is unknown (20XX年); else `other`.
 */
type PeriodClass = 'own' | 'dated' | 'other';
function periodOf(i: Indicator, section: Period | undefined): PeriodClass {
  if (i.period === undefined) return 'own';
  const year = wholeYear(i.period);
  if (year !== undefined && section?.year === year) return 'own';
  if (section?.year == null && SINGLE_YEAR.test(i.period)) return 'dated';
  const part = i.period.replace(/^(?:19|20)\d{2}年/u, '');
  return section?.title && part && section.title.includes(part) ? 'own' : 'other';
}
const SINGLE_YEAR = /^(?:19|20)(?:\d{2}|[xX×]{2}|\d[xX])年(?:度|底|末)?$/u;
const PERIOD_COST: Record<PeriodClass, number> = { own: 0, dated: 4, other: 8 };

/** Rule 1: a figure of the section's own, or of a whole-population base. */
const own = (i: Indicator, wholeScopes: ReadonlySet<string>) => i.partOf === undefined && (i.scope === undefined || wholeScopes.has(i.scope));

/** Rank under rules 2 to 4 (lower is better): a bound costs least, then a scope, then a year the report's cannot confirm, then another period. */
const rank = (i: Indicator, period: PeriodClass) => PERIOD_COST[period] + (i.scope === undefined ? 0 : 2) + (i.bound === undefined ? 0 : 1);

/**
 * The figure for one indicator in one section, from its mentions there in text order; undefined when
 * none is the section's own. `values` is 0 then if some mention was left out (a campaign's, a subgroup's).
 */
export function choose(mentions: readonly Indicator[], wholeScopes: ReadonlySet<string>, section?: Period): Choice | undefined {
  type Eligible = { m: Indicator; period: PeriodClass };
  let chosen: Eligible | undefined;
  let best = Infinity;
  const eligible: Eligible[] = [];
  for (const m of mentions) {
    if (!own(m, wholeScopes)) continue;
    const e = { m, period: periodOf(m, section) };
    eligible.push(e);
    const r = rank(m, e.period);
    if (r < best) [chosen, best] = [e, r];
  }
  if (!chosen) return undefined;
  // Values of other periods are no conflict: 2012's births beside 2015's. Only the chosen figure's period counts.
  const key = (e: Eligible) => (e.period === 'other' ? e.m.period : e.period);
  const want = key(chosen);
  const seen = new Set<number>();
  for (const e of eligible) if (key(e) === want) seen.add(e.m.value);
  return { chosen: chosen.m, values: seen.size, period: chosen.period };
}

/** A report's mentions by section and id, each list in text order: what `choose` reads, section by section. */
export function mentionsBySection(indicators: readonly Indicator[]): Map<number, Map<string, Indicator[]>> {
  const bySection = new Map<number, Map<string, Indicator[]>>();
  for (const i of indicators) {
    const k = i.section ?? 0;
    const ids = bySection.get(k) ?? bySection.set(k, new Map()).get(k)!;
    (ids.get(i.id) ?? ids.set(i.id, []).get(i.id)!).push(i);
  }
  return bySection;
}

export function wideHeader(layout: WideLayout): string[] {
  const cols = ['source', 'section', 'title', 'place', 'level', 'year', 'period'];
  for (const name of layout.names) {
    cols.push(name);
    for (const s of SUFFIXES) cols.push(`${name}${layout.joiner}${s}`);
  }
  cols.push('checks_flagged', 'warnings', 'file_warnings', 'error');
  return cols;
}


/** The rows of one report: a row per section that is not a repeat of an earlier one, or one row naming its error. */
export function wideRows(r: Report, layout: WideLayout): unknown[][] {
  const width = wideHeader(layout).length;
  if (r.error) {
    const row: unknown[] = Array(width).fill('');
    row[0] = r.source;
    row[width - 1] = r.error;
    return [row];
  }
  const sections = r.sections?.length ? r.sections : [{ title: '', place: null, level: null, year: null, start: 0, end: 0 }];
  const bySection = mentionsBySection(r.indicators);
  const details = r.warningDetails ?? r.warnings.map((message) => ({ message, section: undefined as number | undefined }));
  const fileWarnings = details.filter((w) => w.section === undefined).length;
  const rows: unknown[][] = [];
  sections.forEach((s, k) => {
    if (s.duplicateOf !== undefined) return;
    const row: unknown[] = [r.source, k, s.title, s.place, s.level, s.year, 'period' in s ? s.period : undefined];
    const mine = bySection.get(k);
    for (const id of layout.ids) {
      const mentions = mine?.get(id);
      const choice = mentions && choose(mentions, layout.wholeScopes, s);
      if (!choice) {
        // 0 different values: the section states it, but only for a campaign or a subgroup.
        row.push('', '', '', '', '', '', mentions ? 0 : '');
        continue;
      }
      const c = choice.chosen;
      row.push(c.value, c.unit, c.approximate ? 1 : 0, c.bound ?? '', c.scope ?? '', choice.period === 'own' ? '' : c.period, choice.values);
    }
    const flagged = r.checks.filter((c) => (c.section ?? 0) === k && FLAGGED_STATUSES.has(c.status)).length;
    const warnings = details.filter((w) => w.section === k).length;
    row.push(flagged, warnings, fileWarnings, '');
    rows.push(row);
  });
  return rows;
}
