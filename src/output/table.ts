/**
 * The human view: a table of figures per report, then the checks with their
 * arithmetic, then warnings. The only module that knows about colour.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { CheckStatus, Report } from '../report.js';
import type { Reporter } from './formats.js';

const MARK: Record<CheckStatus, string> = {
  consistent: '✓',
  approximate: '≈',
  unaccounted: '?',
  inconsistent: '✗',
  unverifiable: '·',
};

// cli-table3 lays a table out in time superlinear in its rows (and overflowed the stack
// near 130 000): a long table is drawn in blocks of this many rows, joined at their borders.
const BLOCK_ROWS = 500;

type Layout = { head: string[]; colWidths: number[] };

/** Widths when the terminal's is unknown (a pipe, a file): the id in full, the text wrapped at 40. */
const ID_WIDTH = 36;
const TEXT_WIDTH = 40;
const NARROWEST = { id: 16, text: 16 };

/**
 * The columns, fitted to `width` when it is known (a terminal's): line, value and unit keep their
 * width, the id and the text share the rest. `sections`: the file holds several reports, and each
 * row says which (sec).
 */
export function tableLayout(width: number | undefined, sections: boolean): Layout {
  const head = [...(sections ? ['sec'] : []), 'line', 'id', 'value', 'unit', 'text'];
  const fixed = [...(sections ? [5] : []), 6];
  const after = [12, 7];
  let id = ID_WIDTH;
  let text = TEXT_WIDTH;
  if (width !== undefined) {
    // Each column's width counts its padding; the borders take one character each, one more than the columns.
    const free = width - (head.length + 1) - [...fixed, ...after].reduce((a, b) => a + b, 0);
    // On a narrow terminal the id and the text shrink alike; below NARROWEST the table overflows rather than wraps every character.
    id = Math.max(Math.min(NARROWEST.id, Math.floor(free / 2)), Math.min(ID_WIDTH, Math.floor(free * 0.4)));
    text = Math.max(NARROWEST.text / 2, free - id);
  }
  return { head, colWidths: [...fixed, id, ...after, text] };
}

/** One table of the figures' rows, whatever their number: the blocks' borders between them are dropped. */
function figureTable(rows: (string | number)[][], color: boolean, columns: Layout): string {
  const out: string[] = [];
  for (let from = 0; from < rows.length; from += BLOCK_ROWS) {
    const first = from === 0;
    const last = from + BLOCK_ROWS >= rows.length;
    const t = new Table({
      head: first ? columns.head : [],
      style: { head: color ? ['bold'] : [], border: color ? ['gray'] : [] },
      wordWrap: true,
      colWidths: columns.colWidths,
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    for (let k = from; k < Math.min(from + BLOCK_ROWS, rows.length); k++) t.push(rows[k]!);
    const drawn = t.toString().split('\n');
    // A block after the first loses its top border; a block before the last, its bottom.
    out.push(drawn.slice(first ? 0 : 1, last ? drawn.length : -1).join('\n'));
  }
  return out.join('\n');
}

/** `width`: the terminal's, to fit the table to; undefined for a pipe or a file. */
export function tableReporter(color: boolean, width?: number): Reporter {
  const c = new Chalk({ level: color ? 1 : 0 });
  const paint: Record<CheckStatus, (s: string) => string> = {
    consistent: c.green,
    approximate: c.cyan,
    unaccounted: c.yellow,
    inconsistent: c.red,
    unverifiable: c.gray,
  };
  return {
    begin: () => '',
    end: () => '',
    report(r: Report) {
      const head = c.bold(`${r.source}`) + (r.encoding ? c.gray(` (${r.encoding})`) : '');
      if (r.error) return `${head}\n  ${c.red(`error: ${r.error}`)}\n\n`;
      const lines: string[] = [head];
      if (r.sections && r.sections.length > 1) {
        r.sections.forEach((s, k) =>
          lines.push(c.gray(`  section ${k}: ${s.title || '(untitled)'} · ${s.place ?? '?'} · ${s.year ?? '?'}${s.duplicateOf !== undefined ? ` · repeats section ${s.duplicateOf}` : ''}`)),
        );
      }
      if (r.indicators.length) {
        const several = (r.sections?.length ?? 0) > 1;
        const row = (i: Report['indicators'][number]) => [
          ...(several ? [i.section ?? 0] : []),
          i.line,
          i.id + (i.scope ? c.gray(` [${i.scope}]`) : ''),
          `${i.approximate ? '~' : ''}${i.bound === 'max' ? '≤' : i.bound === 'min' ? '≥' : ''}${i.value}`,
          i.unit,
          i.text,
        ];
        lines.push(figureTable(r.indicators.map(row), color, tableLayout(width, several)));
      } else lines.push(c.gray('  no figures found'));
      const cov = r.coverage;
      if (cov) {
        lines.push(`${c.bold('Coverage')} ${cov.percent} %: ${cov.unread.length} number${cov.unread.length === 1 ? '' : 's'} with a unit left unread${cov.unread.length ? ' (read these by hand)' : ''}`);
        for (const u of cov.unread) lines.push(`  ${c.yellow('·')} line ${u.line}: ${u.text}`);
      }
      if (r.checks.length) {
        lines.push(c.bold('Checks'));
        for (const ch of r.checks) {
          const label = `${MARK[ch.status]} ${ch.status.padEnd(12)}`;
          lines.push(`  ${paint[ch.status](label)} ${ch.subject.id} ${ch.subject.value}: ${ch.arithmetic ?? ''}`);
          lines.push(`    ${c.gray(ch.message)}`);
        }
      }
      if (r.warnings.length) {
        lines.push(c.bold('Warnings'));
        for (const w of r.warnings) lines.push(`  ${c.yellow('!')} ${w}`);
      }
      return `${lines.join('\n')}\n\n`;
    },
  };
}
