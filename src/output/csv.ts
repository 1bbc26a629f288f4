/**
 * CSV rows, one home for quoting (csv-stringify's) and for the escaping of
 * cells a spreadsheet would run as formulas: a cell starting with = + - @ (a
 * title, a file name) gets a leading '; numbers stay numbers. Empty for
 * undefined and null.
 */
import { createRequire } from 'node:module';
import type * as CsvStringify from 'csv-stringify/sync';

// Required on first use, in its CommonJS build (rows stay synchronous): a run that writes no CSV does not load it.
let loaded: typeof CsvStringify.stringify | undefined;
const stringify: typeof CsvStringify.stringify = (rows, options) =>
  (loaded ??= (createRequire(import.meta.url)('csv-stringify/sync') as typeof CsvStringify).stringify)(rows, options);

export const csvRows = (rows: unknown[][]) => stringify(rows.map((r) => r.map((c) => (c === undefined || c === null ? '' : c))), { escape_formulas: true });

export const csvRow = (cells: unknown[]) => csvRows([cells]);
