/**
 * Reporters: each turns Reports into text, one piece per report so that the
 * streaming formats (JSON Lines, CSV) never hold a batch in memory. CSV
 * quoting is csv-stringify's.
 */
import { stringify } from 'csv-stringify/sync';
import type { Report } from '../report.js';

export type Reporter = {
  /** Before the first report; `count` is the number of inputs. */
  begin(count: number): string;
  /** One report's text. Pure, so that a worker thread can make it. */
  report(r: Report): string;
  /** What stands before the report at `index` (a comma in a JSON array). */
  separator?(index: number, count: number): string;
  end(count: number): string;
};

const row = (cells: unknown[]) => stringify([cells.map((c) => (c === undefined || c === null ? '' : c))]);

export const jsonReporter: Reporter = {
  begin: (count) => (count === 1 ? '' : '[\n'),
  report: (r) => JSON.stringify(r, null, 2),
  separator: (i) => (i ? ',\n' : ''),
  end: (count) => (count === 1 ? '\n' : '\n]\n'),
};

export const jsonlReporter: Reporter = {
  begin: () => '',
  report: (r) => `${JSON.stringify(r)}\n`,
  end: () => '',
};

const LONG_HEADER = ['source', 'section', 'id', 'value', 'unit', 'approximate', 'line', 'start', 'end', 'text', 'scope', 'decimals', 'error'];

/** One row per indicator. */
export const csvReporter: Reporter = {
  begin: () => row(LONG_HEADER),
  report: (r) => {
    if (r.error) return row([r.source, '', '', '', '', '', '', '', '', '', '', '', r.error]);
    return r.indicators
      .map((i) => row([r.source, i.section, i.id, i.value, i.unit, i.approximate ? 'true' : 'false', i.line, i.start, i.end, i.text, i.scope, i.decimals, '']))
      .join('');
  },
  end: () => '',
};

const FLAGGED = new Set(['inconsistent', 'unaccounted']);

/** One row per report section (duplicates left out), one column per indicator id (`columns`, the registry's) holding its first mention. */
export const wideReporter = (columns: readonly string[]): Reporter => {
  const header = ['source', 'section', 'title', 'place', 'level', 'year', ...columns, 'checks_flagged', 'warnings', 'error'];
  return {
  begin: () => row(header),
  report: (r) => {
    if (r.error) return row([r.source, ...Array(header.length - 2).fill(''), r.error]);
    const sections = r.sections?.length ? r.sections : [{ title: '', place: null, level: null, year: null, start: 0, end: 0 }];
    return sections
      .map((s, k) => ({ s, k }))
      .filter(({ s }) => s.duplicateOf === undefined)
      .map(({ s, k }) => {
        const mine = r.indicators.filter((i) => (i.section ?? 0) === k);
        const first = (id: string) => mine.find((i) => i.id === id)?.value;
        const flagged = r.checks.filter((c) => (c.section ?? 0) === k && FLAGGED.has(c.status)).length;
        return row([r.source, k, s.title, s.place, s.level, s.year, ...columns.map(first), flagged, r.warnings.length, '']);
      })
      .join('');
  },
  end: () => '',
  };
};

const CHECKS_HEADER = ['source', 'section', 'rule', 'status', 'subject_id', 'subject_value', 'expected', 'arithmetic', 'message'];

/** One row per check, for batch review. */
export const checksCsvReporter: Reporter = {
  begin: () => row(CHECKS_HEADER),
  report: (r) =>
    r.checks.map((c) => row([r.source, c.section, c.rule, c.status, c.subject.id, c.subject.value, c.expected, c.arithmetic, c.message])).join(''),
  end: () => '',
};
