/**
 * The period a figure's clause names (an addition to the contract): a year,
 * years, or part of a year, carried through its sentence; and the wide CSV's
 * rule that takes only figures of the report's own period.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/pipeline.js';
import { wholeYear } from '../src/extract/refine/period.js';
import { choose } from '../src/output/wide.js';
import type { Indicator } from '../src/report.js';

const periods = (text: string) => extract(text).indicators.map((i) => [i.text, i.period ?? null]);

describe('the period of a figure', () => {
  it.each<[string, string, [string, string | null][]]>([
    ['one year for each part of a sentence, carried past a comma, not past a semicolon', '2012年出生男孩128人,出生女孩141人;2013年出生男孩125人,出生女孩126人;出生男孩84人', [
      ['男孩128人', '2012年'], ['女孩141人', '2012年'], ['男孩125人', '2013年'], ['女孩126人', '2013年'], ['男孩84人', null],
    ]],
    ['a year in a clause of its own is the whole passage’s setting, not the figure’s', '2015年,全县出生2961人', [['出生2961人', null]]],
    ['years', '2012至2014年三个年度共出生男孩324人', [['男孩324人', '2012至2014年']]],
    ['months', '1-10月全县出生1200人', [['出生1200人', '1-10月']]],
    ['a half year', '上半年全镇出生186人', [['出生186人', '上半年']]],
    ['a point in a year', '截至10月底全县已婚育龄妇女41250人', [['已婚育龄妇女41250人', '截至10月底']]],
    ['the end of a year', '2015年底全县总人口246000人', [['总人口246000人', '2015年底']]],
    ['a date is no period', '2015年3月全镇落实结扎110例', [['结扎110例', null]]],
    ['no period', '全年出生1520人,其中政策外出生60人', [['出生1520人', null], ['政策外出生60人', null]]],
    ['全年 stops a period from carrying', '1-10月全镇出生150人,全年全镇出生171人', [['出生150人', '1-10月'], ['出生171人', null]]],
  ])('%s', (_what, text, expected) => {
    expect(periods(text)).toEqual(expected);
  });
  it.each([
    ['2015年', 2015],
    ['2015年度', 2015],
    ['2015年底', 2015],
    ['2012至2014年', undefined],
    ['2015年1-10月', undefined],
    ['20xx年', undefined],
  ])('wholeYear(%s) is %s', (p, year) => {
    expect(wholeYear(p)).toBe(year);
  });
});

const m = (value: number, period?: string): Indicator =>
  ({ id: 'births.male', value, unit: '人', text: `男孩${value}人`, start: 0, end: 1, line: 1, printed: String(value), label: '男孩', rule: 'births.male', ...(period ? { period } : {}) }) as Indicator;

describe("the wide CSV takes the report's own period first", () => {
  it.each<[string, Indicator[], { year: number | null; title: string }, number | undefined, number | undefined, string | undefined]>([
    ['earlier years before the report year', [m(128, '2012年'), m(125, '2013年'), m(84, '2015年')], { year: 2015, title: '' }, 84, 1, 'own'],
    ['an undated figure and the report year alike', [m(128, '2012年'), m(84), m(84, '2015年')], { year: 2015, title: '' }, 84, 1, 'own'],
    ['months of a year report only when nothing else is stated, and said to be other', [m(70, '1-10月')], { year: 2015, title: '某镇2015年人口和计划生育工作总结' }, 70, 1, 'other'],
    ['the year before, alone: taken, and said to be other', [m(120, '2014年'), m(118, '2014年')], { year: 2015, title: '' }, 120, 2, 'other'],
    ['values of other periods are no conflict for the report year', [m(128, '2012年'), m(84), m(125, '2013年')], { year: 2015, title: '' }, 84, 1, 'own'],
    ['a half year in a half-year report is its own', [m(96, '上半年')], { year: 2016, title: '某区2016年上半年人口与计划生育工作总结' }, 96, 1, 'own'],
    ['with the year redacted, a dated figure ranks below an undated one', [m(71, '2014年'), m(84)], { year: null, title: '' }, 84, 1, 'own'],
    ['with the year redacted, 20xx年 is taken as likely the report year', [m(71, '20xx年')], { year: null, title: '' }, 71, 1, 'dated'],
  ])('%s', (_what, mentions, section, value, values, period) => {
    const c = choose(mentions, new Set(), section);
    expect(c?.chosen.value).toBe(value);
    expect(c?.values).toBe(values);
    expect(c?.period).toBe(period);
  });
});
