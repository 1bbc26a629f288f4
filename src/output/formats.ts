/**
 * Reporters: each turns Reports into text, one piece per report so that the
 * streaming formats (JSON Lines, CSV) never hold a batch in memory. CSV
 * quoting is csv-stringify's.
 */
import { stringify } from 'csv-stringify/sync';
import type { Report } from '../report.js';
import { wideHeader, wideRows, type WideLayout } from './wide.js';

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

/** One row per report section (repeats left out): the indicators' values by the rule in wide.ts. */
export const wideReporter = (layout: WideLayout): Reporter => ({
  begin: () => row(wideHeader(layout)),
  report: (r) => wideRows(r, layout).map(row).join(''),
  end: () => '',
});

const CHECKS_HEADER = ['source', 'section', 'rule', 'status', 'subject_id', 'subject_value', 'expected', 'arithmetic', 'message'];

/** One row per check, for batch review. */
export const checksCsvReporter: Reporter = {
  begin: () => row(CHECKS_HEADER),
  report: (r) =>
    r.checks.map((c) => row([r.source, c.section, c.rule, c.status, c.subject.id, c.subject.value, c.expected, c.arithmetic, c.message])).join(''),
  end: () => '',
};
