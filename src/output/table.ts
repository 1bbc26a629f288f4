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
const COLUMNS = { head: ['line', 'id', 'value', 'unit', 'text'], colWidths: [6, 36, 12, 7, 40] };

/** One table of the figures' rows, whatever their number: the blocks' borders between them are dropped. */
function figureTable(rows: (string | number)[][], color: boolean): string {
  const out: string[] = [];
  for (let from = 0; from < rows.length; from += BLOCK_ROWS) {
    const first = from === 0;
    const last = from + BLOCK_ROWS >= rows.length;
    const t = new Table({
      head: first ? COLUMNS.head : [],
      style: { head: color ? ['bold'] : [], border: color ? ['gray'] : [] },
      wordWrap: true,
      colWidths: COLUMNS.colWidths,
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    for (let k = from; k < Math.min(from + BLOCK_ROWS, rows.length); k++) t.push(rows[k]!);
    const drawn = t.toString().split('\n');
    // A block after the first loses its top border; a block before the last, its bottom.
    out.push(drawn.slice(first ? 0 : 1, last ? drawn.length : -1).join('\n'));
  }
  return out.join('\n');
}

export function tableReporter(color: boolean): Reporter {
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
        const row = (i: Report['indicators'][number]) => [i.line, i.id + (i.scope ? c.gray(` [${i.scope}]`) : ''), `${i.approximate ? '~' : ''}${i.value}`, i.unit, i.text];
        lines.push(figureTable(r.indicators.map(row), color));
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
