/**
 * The wide CSV's rule: which of a section's mentions of an indicator fills its
 * cell, and what stands beside it. Table-driven on hand-made mentions, then on
 * a county report whose campaign paragraph repeats the year's operation words.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { extract } from '../src/extract/pipeline.js';
import { choose, wideHeader, wideRows, SUFFIXES } from '../src/output/wide.js';
import { wideReporter } from '../src/output/formats.js';
import { layoutFor } from '../src/batch/process.js';
import type { Indicator } from '../src/report.js';

const WHOLE = new Set(['常住人口', '户籍人口', '全员人口']);

/** A mention of births.total with `value` and the given qualifiers. */
const m = (value: number, extra: Partial<Indicator> = {}): Indicator => ({
  id: 'births.total', value, unit: '人', text: `出生${value}人`, start: 0, end: 1, line: 1, printed: String(value), label: '出生', rule: 'births.total', ...extra,
});

describe('choose: the figure that fills the cell', () => {
  it.each<[string, Indicator[], number | undefined, number | undefined]>([
    ['one mention', [m(1520)], 1520, 1],
    ['the first of two unscoped mentions, and two values stated', [m(1520), m(1530)], 1520, 2],
    ['the same value twice is one value', [m(1520), m(1520)], 1520, 1],
    ["a campaign's figure first, then the section's own", [m(110, { scope: '专项整治' }), m(420)], 420, 1],
    ["a subgroup's figure (流动人口) is never taken", [m(45, { scope: '流动人口' })], undefined, undefined],
    ['a part of a breakdown (partOf) is never taken', [m(200, { partOf: 0 }), m(312)], 312, 1],
    ['an unscoped figure before one on a whole-population base', [m(1610, { scope: '常住人口' }), m(1520)], 1520, 2],
    ['a whole-population base when nothing else is stated', [m(381, { scope: '户籍人口' }), m(281, { scope: '常住人口' })], 381, 2],
    ['a stated value before a bound', [m(107, { bound: 'max' }), m(105.3)], 105.3, 2],
    ['a bound when it is all there is', [m(107, { bound: 'max' })], 107, 1],
    ['an unscoped bound before a whole-base value', [m(1610, { scope: '常住人口' }), m(1600, { bound: 'min' })], 1600, 2],
  ])('%s', (_what, mentions, value, values) => {
    const c = choose(mentions, WHOLE);
    expect(c?.chosen.value).toBe(value);
    expect(c?.values).toBe(values);
  });
});

const COUNTY = [
  '清河县2016年人口和计划生育工作总结',
  '全县全年出生1520人,其中政策外出生60人,出生人口性别比控制在了107以内。全年落实各类节育手术2310例,其中上环1200例,结扎420例(女扎398例,男扎22例),流引产690例。',
  '4月开展计划生育专项整治活动,期间落实结扎110例,上环176例,引产41例。',
  '流动人口中出生45人。全县特别扶助对象312人,其中伤残家庭200余人。常住人口出生1610人。',
].join('\n');

/** The first wide row of a text, as a lookup of its cells by column name. */
function firstRow(text: string): (name: string) => unknown {
  const layout = layoutFor();
  const header = wideHeader(layout);
  const [row] = wideRows(extract(text, { source: 'report.txt' }), layout);
  return (name) => row![header.indexOf(name)];
}

describe('the wide row of a county report with a campaign paragraph', () => {
  const cell = firstRow(COUNTY);
  it("holds the county's sterilisations, not the campaign's, and never fewer than its female sterilisations", () => {
    expect(cell('surgery.sterilization')).toBe(420);
    expect(cell('surgery.sterilization.n')).toBe(1);
    expect(cell('surgery.sterilizationFemale')).toBe(398);
    expect(cell('surgery.iudInsertion')).toBe(1200);
  });
  it('leaves empty a figure stated only for the campaign, and says so with 0 values', () => {
    expect(cell('surgery.inducedLabor')).toBe('');
    expect(cell('surgery.inducedLabor.n')).toBe(0);
  });
  it("takes the county's births, counts the resident-population figure as a second value, and leaves out the migrants'", () => {
    expect(cell('births.total')).toBe(1520);
    expect(cell('births.total.scope')).toBe('');
    expect(cell('births.total.n')).toBe(2);
  });
  it('keeps the qualifiers: the bound of 控制在107以内, the 余 of 200余人, the unit', () => {
    expect([cell('sexRatio.atBirth'), cell('sexRatio.atBirth.bound'), cell('sexRatio.atBirth.approx')]).toEqual([107, 'max', 0]);
    expect([cell('subsidy.specialAssistance.disabled'), cell('subsidy.specialAssistance.disabled.approx')]).toEqual([200, 1]);
    expect(cell('surgery.total.unit')).toBe('例');
  });
  it('leaves every column of an indicator the report does not state empty', () => {
    for (const s of ['', ...SUFFIXES.map((x) => `.${x}`)]) expect(cell(`fee.socialMaintenance${s}`)).toBe('');
  });
  it('names the place and year of the section', () => {
    expect([cell('place'), cell('year'), cell('section')]).toEqual(['清河县', 2016, 0]);
  });
});

describe('the wide row of a report that compares years', () => {
  const text = [
    '柳河镇2015年人口和计划生育工作总结',
    '我镇连续考评四个年度出生人口性别比(2013年出生男孩125人,出生女孩126人;2014年出生男孩71人,出生女孩68人;2015年出生男孩84人,出生女孩69人)。',
    '1-10月全镇出生150人,全年全镇出生171人。',
  ].join('\n');
  const cell = firstRow(text);
  it("takes the report year's figures, and the earlier years' are no conflict", () => {
    expect([cell('births.male'), cell('births.male.n'), cell('births.male.period')]).toEqual([84, 1, '']);
    expect([cell('births.female'), cell('births.female.n')]).toEqual([69, 1]);
  });
  it("takes the year's births, not the ten months'", () => {
    expect([cell('births.total'), cell('births.total.n'), cell('births.total.period')]).toEqual([171, 1, '']);
  });
});

describe('warnings are counted where they apply', () => {
  const two = [
    '清河县2016年人口和计划生育工作总结',
    '2016年,全县人口和计划生育工作在县委、县政府的领导下扎实推进,各项指标全面完成。全县全年出生1520人,人口出生率为11.2%。全县深入开展优质服务,落实各项奖励扶助政策,群众满意度进一步提高,人口环境持续改善,为全县经济社会发展作出了贡献。全年组织开展计划生育宣传活动,深入村组入户走访,宣传生育政策,提高群众知晓率。',
    '',
    '柳林县20XX年人口和计划生育工作总结',
    '20XX年,全县人口和计划生育工作以优质服务为重点,稳定低生育水平,各项工作取得新的进展。全县全年出生980人。全县深入开展优质服务,落实各项奖励扶助政策,群众满意度进一步提高,人口环境持续改善,为全县经济社会发展作出了贡献。全年组织开展计划生育宣传活动,深入村组入户走访,宣传生育政策,提高群众知晓率。',
  ].join('\n');
  const layout = layoutFor();
  const header = wideHeader(layout);
  it("a section's own warnings in its row; the file's decoding warnings apart", () => {
    const r = extract(two, { source: 'two.txt', warnings: ['some bytes are not valid gb18030 and were replaced by U+FFFD'] });
    expect(r.sections).toHaveLength(2);
    const rows = wideRows(r, layout);
    const at = (k: number, col: string) => rows[k]![header.indexOf(col)];
    // 11.2% for a birth rate: the sign is likely wrong (first section); 20XX年: a redacted year (second).
    expect([at(0, 'warnings'), at(1, 'warnings')]).toEqual([1, 1]);
    expect([at(0, 'file_warnings'), at(1, 'file_warnings')]).toEqual([1, 1]);
    expect(r.warningDetails!.map((w) => [w.section, w.line])).toEqual([
      [undefined, undefined],
      [1, 4],
      [0, 2],
    ]);
    expect(r.warnings[1]).toBe('line 4: the report year is redacted (20XX年); year left empty');
  });
});

describe('column names', () => {
  it('by id: births.total then births.total.unit …', () => {
    const h = wideHeader(layoutFor());
    expect(h.slice(h.indexOf('births.total'), h.indexOf('births.total') + 7)).toEqual([
      'births.total', 'births.total.unit', 'births.total.approx', 'births.total.bound', 'births.total.scope', 'births.total.period', 'births.total.n',
    ]);
  });
  it('as Stata and R variables: every name valid in both, at most 32 characters, none twice', () => {
    const h = wideHeader(layoutFor([], 'stata'));
    for (const n of h) expect(n).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,31}$/);
    expect(new Set(h.map((n) => n.toLowerCase())).size).toBe(h.length);
    expect(h).toContain('births_3plus_outPolicy_approx');
  });
});

describe('the wide CSV as a parser reads it', () => {
  it('numbers as numbers, Chinese intact, one row per section', () => {
    const layout = layoutFor([], 'stata');
    const w = wideReporter(layout);
    const csv = w.begin(1) + w.report(extract(COUNTY, { source: 'qinghe.txt' }));
    const [row] = parse(csv, { columns: true, cast: true }) as Record<string, unknown>[];
    expect(row).toMatchObject({ place: '清河县', year: 2016, births_total: 1520, births_total_unit: '人', surgery_sterilization: 420, sexRatio_atBirth_bound: 'max' });
  });
});
