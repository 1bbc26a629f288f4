/**
 * Output formats by name, so that a format can be chosen in the main thread
 * and rebuilt in a worker thread (a Reporter holds functions, a name does not).
 */
import { checksCsvReporter, csvReporter, jsonlReporter, jsonReporter, wideReporter, type Reporter } from './formats.js';
import { explainReporter } from './explain.js';
import { tableReporter } from './table.js';
import type { WideLayout } from './wide.js';
import { reviewArticle, reviewBegin, reviewEnd } from './review.js';
import { reportRecord } from '../panel/records.js';

export type Format = 'json' | 'jsonl' | 'csv' | 'wide' | 'table' | 'table-color' | 'checks-csv' | 'explain' | 'explain-color' | 'review' | 'panel-records';

/** `layout`: the wide CSV's columns (and how the CSVs name things). */
/** `width`: the terminal's, which the table view fits. */
export function reporterFor(format: Format, layout: WideLayout, width?: number): Reporter {
  switch (format) {
    case 'json':
      return jsonReporter;
    case 'jsonl':
      return jsonlReporter;
    case 'csv':
      return csvReporter(layout);
    case 'wide':
      return wideReporter(layout);
    case 'checks-csv':
      return checksCsvReporter;
    case 'table':
      return tableReporter(false, width);
    case 'table-color':
      return tableReporter(true, width);
    case 'explain':
      return explainReporter(false);
    case 'explain-color':
      return explainReporter(true);
    case 'panel-records':
      return { begin: () => '', report: (r, text) => `${JSON.stringify(reportRecord(r, text, layout))}\n`, end: () => '' };
    case 'review':
      return { begin: reviewBegin, report: reviewArticle, end: (_count, entries) => reviewEnd(entries ?? []) };
  }
}
