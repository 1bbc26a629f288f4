/**
 * The panel as CSV (one row per place and year, a group of columns per
 * indicator), as JSON (every cell with its provenance), and its conflicts as
 * CSV. Column names follow --names, as the wide CSV's do.
 */
import { csvRows as csv } from '../output/csv.js';
import type { WideLayout } from '../output/wide.js';
import type { Panel } from './assemble.js';

export const PANEL_SUFFIXES = ['unit', 'period', 'conflict'] as const;

export function panelCsv(panel: Panel, layout: WideLayout): string {
  const header = ['place', 'place_code', 'level', 'county', 'prefecture', 'province', 'place_status', 'year', 'basis', 'reports', 'sources', 'duplicates'];
  for (const name of layout.names) header.push(name, ...PANEL_SUFFIXES.map((s) => `${name}${layout.joiner}${s}`));
  const rows = panel.rows.map((r) => {
    const p = r.place;
    const out: unknown[] = [p.name, p.code, p.level, p.county, p.prefecture, p.province, p.status, r.year, r.basis, r.sources.length, r.sources.join('; '), r.duplicates.join('; ')];
    for (const id of layout.ids) {
      const c = r.cells[id];
      const conflict = r.conflicts[id];
      // A figure from a report for part of the year says which part.
      out.push(c?.value, c?.unit, c && c.period !== 'year' ? c.period : '', conflict);
    }
    return out;
  });
  return csv([header, ...rows]);
}

export function panelJson(panel: Panel): string {
  return `${JSON.stringify(panel, null, 2)}\n`;
}

/**
 * What a reviewer must settle: each candidate of a conflicting cell (kind conflict), and each later
 * report's figure for a year that differs from the year's own report (kind revision, both sources).
 */
export function conflictsCsv(panel: Panel): string {
  const header = ['kind', 'place', 'place_code', 'year', 'id', 'value', 'report_period', 'source', 'line', 'text', 'later_value', 'later_source', 'later_line', 'later_text'];
  return csv([
    header,
    ...panel.conflicts.map((c) => ['conflict', c.place, c.placeCode, c.year, c.id, c.value, c.period, c.source, c.line, c.text, '', '', '', '']),
    ...panel.revisions.map((v) => ['revision', v.place, v.placeCode, v.year, v.id, v.value, 'year', v.source, v.line, v.text, v.laterValue, v.laterSource, v.laterLine, v.laterText]),
  ]);
}
