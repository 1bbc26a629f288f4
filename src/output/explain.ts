/**
 * The --explain view: for every number (or those on one line), the labels
 * the binders found for it and what each refiner made of them, so that a
 * missing figure can be traced to the binder that never saw it or the
 * refiner that dropped it.
 */
import { Chalk } from 'chalk';
import type { Explained, Report } from '../report.js';
import type { Reporter } from './formats.js';

const OUTCOME: Record<Explained['outcome'], string> = {
  figure: 'figure',
  dropped: 'dropped',
  taken: 'passed over: its place in a list belongs to an item without a label',
  change: 'a change (个百分点), never a figure',
  households: 'households before the persons in them, who take the label',
  damaged: 'damaged digits, no figure',
  unbound: 'no label found for it',
};

export function explainReporter(color: boolean): Reporter {
  const c = new Chalk({ level: color ? 1 : 0 });
  return {
    begin: () => '',
    end: () => '',
    report(r: Report) {
      const lines = [c.bold(r.source)];
      if (r.error) return `${lines[0]}\n  ${c.red(`error: ${r.error}`)}\n\n`;
      const shown = r.explain ?? [];
      if (!shown.length) lines.push(c.gray('  no numbers here'));
      for (const e of shown) {
        const head = e.outcome === 'figure' ? c.green(`→ ${e.id}`) : e.outcome === 'dropped' ? c.red(`✗ dropped${e.id ? ` (${e.id})` : ''}`) : c.gray(OUTCOME[e.outcome]);
        lines.push(`  line ${e.line} [${e.start}, ${e.end}) «${e.number}»  ${head}`);
        for (const k of e.candidates) {
          const rule = k.rule ? ` ${k.id} (${k.rule})` : '';
          const verdict = k.kept ? c.green('kept') : c.red(`dropped by ${k.refiner}`);
          lines.push(`    ${k.kept ? '✓' : '✗'} ${k.binder} «${k.label}»${rule}: ${verdict}${k.reason ? c.gray(` — ${k.reason}`) : ''}`);
        }
        if (e.refiner) lines.push(`    ${c.red(`figure dropped by ${e.refiner}`)}${c.gray(` — ${e.reason ?? ''}`)}`);
      }
      return `${lines.join('\n')}\n\n`;
    },
  };
}
