/**
 * CSV rows, one home for quoting (csv-stringify's) and for the escaping of
 * cells a spreadsheet would run as formulas: a cell starting with = + - @ (a
 * title, a file name) gets a leading '; numbers stay numbers. Empty for
 * undefined and null.
 */
import { stringify } from 'csv-stringify/sync';

export const csvRows = (rows: unknown[][]) => stringify(rows.map((r) => r.map((c) => (c === undefined || c === null ? '' : c))), { escape_formulas: true });

export const csvRow = (cells: unknown[]) => csvRows([cells]);
