/**
 * The table view of a report with many figures: one table whatever the count
 * (drawn in blocks, as cli-table3's layout is superlinear in its rows and
 * overflowed the stack near 130 000), and time linear in the figures.
 */
import { describe, expect, it } from 'vitest';
import { tableReporter } from '../src/output/table.js';
import type { Indicator, Report } from '../src/report.js';
import { leastTime } from './helpers/timing.js';

const figure = (k: number): Indicator => ({ id: 'births.total', value: 1000 + k, unit: '人', text: `出生${1000 + k}人`, start: k * 12, end: k * 12 + 9, line: k + 1 }) as Indicator;
const report = (n: number): Report => ({ source: 'x.txt', indicators: Array.from({ length: n }, (_, k) => figure(k)), checks: [], warnings: [] });

describe('the table view', () => {
  it.each([1, 3, 1200])('of %d figures is one table: one top border, one header, one bottom border, a row per figure', (n) => {
    const out = tableReporter(false).report(report(n));
    const lines = out.split('\n');
    expect(lines.filter((l) => l.startsWith('┌')).length).toBe(1);
    expect(lines.filter((l) => l.startsWith('└')).length).toBe(1);
    expect(lines.filter((l) => l.includes(' line ')).length).toBe(1);
    expect(lines.filter((l) => /^│ \d+/.test(l)).length).toBe(n);
    // The rows in order, each with its own figure.
    expect(lines.filter((l) => /^│ \d+/.test(l)).map((l) => Number(l.split('│')[1]))).toEqual(Array.from({ length: n }, (_, k) => k + 1));
    // Every row has the header's columns.
    expect(new Set(lines.filter((l) => l.startsWith('│')).map((l) => l.split('│').length)).size).toBe(1);
  });

  it('takes time linear in the figures (10 times the figures, not 100 times the time)', () => {
    const r = tableReporter(false);
    const small = report(1000);
    const large = report(10_000);
    r.report(small); // warm up
    expect(leastTime(() => r.report(large), 2)).toBeLessThan(Math.max(25 * leastTime(() => r.report(small)), 1500));
  }, 30_000);
});
