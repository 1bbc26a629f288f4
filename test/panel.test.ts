/**
 * The panel: places by the gazetteer, near-duplicates by signature, baselines
 * for the year before, and the assembled panel of a county's reports
 * (fixtures/panel: three annual reports, a half-year report, the 2015 report
 * reposted in traditional characters under a site's header, a town report and
 * a blank template).
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { gazetteer, isRedacted } from '../src/panel/gazetteer.js';
import { duplicateGroups, signature, similarity } from '../src/panel/signature.js';
import { baselineNear, reportPeriod } from '../src/panel/records.js';
import { normalized } from '../src/extract/normalize/index.js';
import { defaultRules } from '../src/rules/load.js';
import { fixture, run } from './helpers/cli.js';
import { scratchDir } from './helpers/scratch.js';

describe('places by the gazetteer', () => {
  const g = gazetteer();
  it.each<[string, string | undefined, Record<string, unknown>]>([
    ['桂阳', undefined, { name: '桂阳县', code: '431021', level: 'county', prefecture: '郴州市', status: 'found' }],
    ['桂阳县', undefined, { code: '431021', status: 'found' }],
    ['郴州市桂阳县', undefined, { code: '431021', status: 'found' }],
    ['湖南省桂阳县', undefined, { code: '431021', status: 'found' }],
    ['桂阳县龙潭街道', undefined, { name: '龙潭街道', level: 'town', county: '桂阳县', status: 'found' }],
    ['龙潭街道', '桂阳县', { level: 'town', county: '桂阳县', status: 'found' }],
    ['桂阳乡', undefined, { level: 'town', status: 'found' }],
    ['东川县', undefined, { name: '东川区', code: '530113', status: 'renamed' }],
    ['朝阳区', undefined, { name: '朝阳区', status: 'ambiguous' }],
    ['北京市朝阳区', undefined, { code: '110105', status: 'found' }],
    ['城关镇', undefined, { name: '城关镇', status: 'ambiguous' }],
    ['青石县', undefined, { name: '青石县', status: 'unknown' }],
  ])('%s (within %s)', (place, within, expected) => {
    expect(g.resolve(place, within)).toMatchObject(expected);
  });
  it.each([
    ['镇', true],
    ['乡镇', true],
    ['XX镇', true],
    ['某县', true],
    ['××乡', true],
    ['桂阳县', false],
  ])('%s is redacted: %s', (place, redacted) => {
    expect(isRedacted(place)).toBe(redacted);
  });
});

describe('near-duplicates', () => {
  const norm = (t: string) => normalized(t, defaultRules()).text;
  const text = (f: string) => readFileSync(fixture(`panel/${f}`), 'utf8');
  it('the same report reposted in traditional characters under a site’s header is one report', () => {
    expect(similarity(signature(norm(text('guiyang-2015.txt'))), signature(norm(text('repost-2015.txt'))))).toBeGreaterThanOrEqual(0.8);
  });
  it('the same county’s reports of two years are two', () => {
    expect(similarity(signature(norm(text('guiyang-2014.txt'))), signature(norm(text('guiyang-2015.txt'))))).toBeLessThan(0.8);
  });
  it('groups by bands, the first of each group kept; a text too short to judge is in none', () => {
    const sigs = ['guiyang-2014.txt', 'guiyang-2015.txt', 'guiyang-2016.txt', 'repost-2015.txt'].map((f) => signature(norm(text(f))));
    expect(duplicateGroups([...sigs, signature('出生12人')])).toEqual([[1, 3]]);
  });
});

describe('a figure for the year before', () => {
  it.each<[string, string, { value: number; text: string } | undefined]>([
    ['right after, 比上年的', '全年出生11480人,比上年的11250人增加230人', { value: 11250, text: '出生11480人,比上年的11250' }],
    ['right after, 较去年同期', '政策外出生610人,较去年同期610人持平', { value: 610, text: '出生610人,较去年同期610' }],
    ['in 万', '全县总人口87.8万人,比上年的87.2万人增加', { value: 872000, text: '总人口87.8万人,比上年的87.2万' }],
    ['inside its span, 由上年的…下降到', '出生人口性别比由上年的113.2下降到111.8', { value: 113.2, text: '出生人口性别比由上年的113.2下降到111.8' }],
    ['a change is no baseline', '全年出生11480人,比上年增加230人', undefined],
  ])('%s', (_what, text, expected) => {
    // The figure's span as the extractor gives it (a change from a baseline spans both numbers).
    const figure = /出生人口性别比.*111\.8|出生\d+人|总人口[\d.]+万人/u.exec(text)!;
    expect(baselineNear(text, figure.index, figure.index + figure[0].length)).toEqual(expected);
  });
  it.each([
    ['桂阳县2015年人口和计划生育工作总结', 'year'],
    ['桂阳县2015年上半年人口和计划生育工作总结', '上半年'],
    ['某县2015年1-9月人口计生工作汇报', '1-9月'],
    ['截至9月底全县人口计生工作情况', '截至9月底'],
  ])('the period of %s is %s', (title, period) => {
    expect(reportPeriod(title)).toBe(period);
  });
});

describe('the panel of a county’s reports', () => {
  const dir = scratchDir('panel');
  for (const f of readdirSync(fixture('panel')).filter((n) => n.endsWith('.txt'))) copyFileSync(fixture(`panel/${f}`), join(dir, f));
  // A second, different report for 2014 that disagrees on births: no silent choice.
  writeFileSync(
    join(dir, 'guiyang-2014-briefing.txt'),
    '桂阳县2014年人口计生工作汇报\n\n各位领导:现将我县2014年人口和计划生育工作情况汇报如下。今年我县把人口计生工作摆在突出位置,层层签订目标管理责任书,强化考核奖惩,狠抓各项措施落实,取得了明显成效。\n全年全县共出生11205人,出生人口性别比为113.2,全县征收社会抚养费1280.5万元。\n',
  );
  const conflicts = join(dir, 'conflicts.csv');
  const r = run([dir, '--panel', '--csv', '--conflicts', conflicts]);
  const rows = parse(r.out.replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
  const row = (place: string, year: string) => rows.find((x) => x.place === place && x.year === year)!;
  const issues = parse(readFileSync(conflicts, 'utf8').replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];

  it('has one row per place and year, the town under its county', () => {
    expect(r.code).toBe(0);
    expect(rows.map((x) => [x.place, x.year, x.county, x.place_code])).toEqual([
      ['桂阳县', '2014', '', '431021'],
      ['桂阳县', '2015', '', '431021'],
      ['桂阳县', '2016', '', '431021'],
      ['龙潭街道', '2015', '桂阳县', '431021001'],
    ]);
  });
  it('merges the reposted copy into the report it repeats, and says so', () => {
    expect(row('桂阳县', '2015').duplicates).toMatch(/repost-2015\.txt$/);
    expect(row('桂阳县', '2015').reports).toBe('2');
  });
  it('does not let the half-year report override the annual one, but fills what only it states', () => {
    expect(row('桂阳县', '2015')['births.total']).toBe('11480');
    expect(row('桂阳县', '2015')['births.total.period']).toBe('');
  });
  it('leaves a cell on which two reports of the same standing disagree empty, and lists both', () => {
    expect(row('桂阳县', '2014')['births.total']).toBe('');
    expect(row('桂阳县', '2014')['births.total.conflict']).toBe('2');
    expect(issues.filter((c) => c.kind === 'conflict' && c.id === 'births.total').map((c) => [c.value, c.source.split('/').pop(), c.text])).toEqual([
      ['11250', 'guiyang-2014.txt', '出生11250人'],
      ['11205', 'guiyang-2014-briefing.txt', '出生11205人'],
    ].sort((a, b) => (a[1]! < b[1]! ? -1 : 1)));
    // Where they agree, the cell has its value.
    expect(row('桂阳县', '2014')['fee.socialMaintenance']).toBe('12805000');
  });
  it('flags the later report’s different figure for the year before as a revision, with both sources', () => {
    expect(issues.filter((c) => c.kind === 'revision').map((c) => [c.year, c.id, c.value, c.later_value, c.later_source.split('/').pop()])).toEqual([
      ['2015', 'births.total', '11480', '11840', 'guiyang-2016.txt'],
    ]);
  });
  it('never takes the blank template as data', () => {
    expect(rows.some((x) => x.sources.includes('template'))).toBe(false);
    expect(r.err).toMatch(/panel: 4 place-years, 1 conflicting cells?, 1 revision across years, 1 duplicates merged, 1 section not placed/);
  });
  it('as JSON, every cell with its provenance', () => {
    const p = JSON.parse(run([dir, '--panel', '--json']).out);
    const births = p.rows.find((x: { year: number; place: { name: string } }) => x.year === 2016 && x.place.name === '桂阳县').cells['births.total'];
    expect(births).toMatchObject({ value: 12950, unit: '人', line: 6, text: '出生12950人' });
    expect(births.source).toMatch(/guiyang-2016\.txt$/);
    expect(p.unplaced.map((u: { source: string; why: string }) => [u.source.split('/').pop(), u.why])).toEqual([['template.txt', expect.stringMatching(/states no figure/)]]);
  });
});
