/**
 * Output formats by name, so that a format can be chosen in the main thread
 * and rebuilt in a worker thread (a Reporter holds functions, a name does not).
 */
import { checksCsvReporter, csvReporter, jsonlReporter, jsonReporter, wideReporter, type Reporter } from './formats.js';
import type { WideLayout } from './wide.js';

// The formats a run may not use are loaded only when it does (the table's chalk and
// cli-table3, the review page, the panel's records): prepareFormats, before the first report.
const modules = {
  table: () => import('./table.js'),
  explain: () => import('./explain.js'),
  review: () => import('./review.js'),
  records: () => import('../panel/records.js'),
};
type Modules = { [K in keyof typeof modules]?: Awaited<ReturnType<(typeof modules)[K]>> };
const loaded: Modules = {};
const moduleOf = (format: Format): keyof typeof modules | undefined =>
  format.startsWith('table') ? 'table' : format.startsWith('explain') ? 'explain' : format === 'review' ? 'review' : format === 'panel-records' ? 'records' : undefined;

/** Loads what the formats need; reporterFor serves them from then on (in each thread that renders). */
export async function prepareFormats(formats: Format[]): Promise<void> {
  for (const f of formats) {
    const m = moduleOf(f);
    if (m && !loaded[m]) (loaded as Record<string, unknown>)[m] = await modules[m]();
  }
}

function need<K extends keyof typeof modules>(m: K): NonNullable<Modules[K]> {
  const got = loaded[m];
  if (!got) throw new Error(`output format module ${m} used before prepareFormats`);
  return got;
}

export type Format = 'json' | 'jsonl' | 'csv' | 'wide' | 'table' | 'table-color' | 'checks-csv' | 'explain' | 'explain-color' | 'review' | 'panel-records';

/** `layout`: the wide CSV's columns (and how the CSVs name things). `width`: the terminal's, which the table view fits. */
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
      return need('table').tableReporter(false, width);
    case 'table-color':
      return need('table').tableReporter(true, width);
    case 'explain':
      return need('explain').explainReporter(false);
    case 'explain-color':
      return need('explain').explainReporter(true);
    case 'panel-records': {
      const { reportRecord } = need('records');
      return { begin: () => '', report: (r, text) => `${JSON.stringify(reportRecord(r, text, layout))}\n`, end: () => '' };
    }
    case 'review': {
      const { reviewArticle, reviewBegin, reviewEnd } = need('review');
      return { begin: reviewBegin, report: reviewArticle, end: (_count, entries) => reviewEnd(entries ?? []) };
    }
  }
}
