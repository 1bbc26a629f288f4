/**
 * Reporters: each turns Reports into text, one piece per report so that the
 * streaming formats (JSON Lines, CSV) never hold a batch in memory. CSV
 * quoting is csv-stringify's.
 */
import type { Report } from '../report.js';
import { csvRow as row } from './csv.js';
import type { ReviewEntry } from './review.js';
import { variableOf } from '../rules/registry.js';
import { wideHeader, wideRows, type WideLayout } from './wide.js';

export type Reporter = {
  /** Before the first report; `count` is the number of inputs. */
  begin(count: number): string;
  /** One report's text. Pure, so that a worker thread can make it. `text`: what its offsets point into (the review page shows it). */
  report(r: Report, text?: string): string;
  /** What stands before the report at `index` (a comma in a JSON array). */
  separator?(index: number, count: number): string;
  /** After the last report; `entries`: what each report was, for a format that lists them (the review page's contents). */
  end(count: number, entries?: ReviewEntry[]): string;
};


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

/** 1 or 0, so that a statistics package reads a number (a bare true/false is a string to Stata). */
const flag = (b: boolean | undefined) => (b ? 1 : 0);

/** The section's place and year, for every row of a figure or check in it. */
const where = (r: Report, section: number | undefined) => {
  const s = r.sections?.[section ?? 0];
  return [s?.place, s?.year];
};

const LONG_HEADER = ['source', 'section', 'place', 'year', 'id', 'variable', 'value', 'unit', 'approximate', 'bound', 'range_high', 'printed', 'line', 'page', 'start', 'end', 'text', 'label', 'scope', 'period', 'part_of', 'decimals', 'rule', 'error'];

/** One row per figure, with what a reviewer needs to find it in the report (line, page, text) and what qualifies it. */
export const csvReporter = (layout: WideLayout): Reporter => {
  // The registry's variable name; an id outside it (other.…) with underscores for dots, as variableOf would make it.
  const byId = new Map(layout.ids.map((id, k) => [id, layout.variables[k]!]));
  const variable = (id: string) => byId.get(id) ?? variableOf({ id });
  return {
    begin: () => row(LONG_HEADER),
    report: (r) => {
      if (r.error) {
        const cells: unknown[] = Array(LONG_HEADER.length).fill('');
        cells[0] = r.source;
        cells[LONG_HEADER.length - 1] = r.error;
        return row(cells);
      }
      return r.indicators
        .map((i) =>
          row([
            r.source, i.section, ...where(r, i.section), i.id, variable(i.id), i.value, i.unit, flag(i.approximate), i.bound, i.range?.[1], i.printed,
            i.line, i.page, i.start, i.end, i.text, i.label, i.scope, i.period, i.partOf, i.decimals, i.rule, '',
          ]),
        )
        .join('');
    },
    end: () => '',
  };
};

/** One row per report section (repeats left out): the indicators' values by the rule in wide.ts. */
export const wideReporter = (layout: WideLayout): Reporter => ({
  begin: () => row(wideHeader(layout)),
  report: (r) => wideRows(r, layout).map(row).join(''),
  end: () => '',
});

/** "1050" as the number it is, so that a package reads a number; "[81.6, 83.7]" stays text. */
const asNumber = (s: string | undefined) => (s !== undefined && /^-?\d+(?:\.\d+)?$/.test(s) ? Number(s) : s);

const CHECKS_HEADER = ['source', 'section', 'place', 'year', 'rule', 'status', 'subject_id', 'subject_value', 'line', 'text', 'expected', 'arithmetic', 'inputs', 'input_lines', 'message'];

/**
 * One row per check, for review: the line and text of its subject (the first of its inputs), and
 * every figure it used as id=value with their lines, so that each can be found in the report.
 */
export const checksCsvReporter: Reporter = {
  begin: () => row(CHECKS_HEADER),
  report: (r) =>
    r.checks
      .map((c) => {
        const used = (c.inputs ?? []).map((k) => r.indicators[k]).filter((i) => i !== undefined);
        const subject = used[0];
        return row([
          r.source, c.section, ...where(r, c.section), c.rule, c.status, c.subject.id, c.subject.value, subject?.line, subject?.text, asNumber(c.expected), c.arithmetic,
          used.map((i) => `${i.id}=${i.value}`).join('; '), used.map((i) => i.line).join('; '), c.message,
        ]);
      })
      .join(''),
  end: () => '',
};
