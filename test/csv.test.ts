/**
 * The long and checks CSVs as a statistics package or a spreadsheet reads
 * them: every column a reviewer needs, numbers as numbers, Chinese intact,
 * no cell a spreadsheet would run as a formula.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { extract } from '../src/extract/pipeline.js';
import { checksCsvReporter, csvReporter } from '../src/output/formats.js';
import { layoutFor } from '../src/batch/process.js';
import type { Reporter } from '../src/output/formats.js';
import type { Report } from '../src/report.js';

const REPORT = [
  '清河县2016年人口和计划生育工作总结',
  '全县全年出生1000人,其中一孩600人,二孩300人,多孩150人。出生人口性别比控制在了107以内,特别扶助对象312人,其中伤残家庭200余人。奖励扶助对象441人,其中国家级352人,省级89人。',
].join('\n');

const csvOf = (reporter: Reporter, r: Report) => reporter.begin(1) + reporter.report(r) + reporter.end(1);
/** As pandas or Stata reads it: numbers where a cell is one, but `printed` as text (read it with dtype=str, as README says, or 87.80 becomes 87.8). */
const read = (csv: string) =>
  parse(csv, { columns: true, cast: (v, ctx) => (ctx.column === 'printed' || v === '' || Number.isNaN(Number(v)) ? v : Number(v)) }) as Record<string, unknown>[];

describe('the long CSV: one row per figure', () => {
  const rows = read(csvOf(csvReporter(layoutFor()), extract(REPORT, { source: 'qinghe.txt' })));
  const of = (id: string) => rows.find((r) => r.id === id)!;
  it('names the place and year of its section on every row', () => {
    for (const r of rows) expect([r.place, r.year]).toEqual(['清河县', 2016]);
  });
  it('gives the line and the exact text, and the numeral as printed', () => {
    expect(of('births.total')).toMatchObject({ line: 2, text: '出生1000人', value: 1000, unit: '人', printed: '1000', approximate: 0, bound: '' });
  });
  it('keeps the qualifiers: a bound, an approximate figure, a part of a breakdown', () => {
    expect(of('sexRatio.atBirth')).toMatchObject({ value: 107, bound: 'max' });
    expect(of('subsidy.specialAssistance.disabled')).toMatchObject({ value: 200, approximate: 1, printed: '200' });
    const reward = rows.filter((r) => r.id === 'subsidy.rewardAssistance');
    expect(reward.map((r) => [r.value, r.part_of])).toEqual([
      [441, ''],
      [352, rows.indexOf(reward[0]!)],
      [89, rows.indexOf(reward[0]!)],
    ]);
  });
  it('names each figure by its id and its Stata/R variable', () => {
    expect(of('births.thirdPlus')).toMatchObject({ variable: 'births_3plus', value: 150 });
  });
  it('a report that could not be read is one row with its error', () => {
    const [row] = read(csvOf(csvReporter(layoutFor()), { source: 'gone.txt', indicators: [], checks: [], warnings: [], error: 'no such file' }));
    expect(row).toMatchObject({ source: 'gone.txt', id: '', error: 'no such file' });
  });
});

describe('the checks CSV: one row per check', () => {
  const r = extract(REPORT, { source: 'qinghe.txt' });
  const rows = read(csvOf(checksCsvReporter, r));
  const sum = rows.find((c) => c.rule === 'parts-sum' && c.subject_id === 'births.total')!;
  it('finds its subject in the report: line and text', () => {
    expect(sum).toMatchObject({ status: 'inconsistent', subject_value: 1000, line: 2, text: '出生1000人', place: '清河县', year: 2016 });
  });
  it('names every figure it used, with its value and line', () => {
    expect(sum.inputs).toBe('births.total=1000; births.first=600; births.second=300; births.thirdPlus=150');
    expect(sum.input_lines).toBe('2; 2; 2; 2');
  });
  it('gives a number it expected as a number', () => {
    expect(sum.expected).toBe(1050);
  });
});

describe('cells a spreadsheet would run as a formula', () => {
  it.each(['=HYPERLINK("x")总结.txt', '+cmd.txt', '@sum.txt', '-2.txt'])('a source named %s is written with a leading apostrophe', (source) => {
    const csv = csvOf(csvReporter(layoutFor()), extract(REPORT, { source }));
    const [row] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(row!.source).toBe(`'${source}`);
  });
  it('a number, even a negative one, stays a number', () => {
    const r: Report = { source: 'x.txt', indicators: [], checks: [{ rule: 'difference', status: 'inconsistent', subject: { id: 'rate.naturalIncrease', value: -1.5 }, expected: '-1.2', message: 'm' }], warnings: [] };
    const [row] = read(csvOf(checksCsvReporter, r));
    expect([row!.subject_value, row!.expected]).toEqual([-1.5, -1.2]);
  });
});
