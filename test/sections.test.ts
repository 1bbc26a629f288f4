/** Headings that split a page into reports, however they are laid out. */
import { describe, expect, it } from 'vitest';
import { splitSections } from '../src/sections.js';

const body = '全县共出生1083人,其中政策内出生1021人。'.repeat(10);

describe('splitSections', () => {
  it('finds titles centred with spaces, ideographic or ASCII, longer than a heading before trimming', () => {
    const text = `${'\u3000'.repeat(60)}青石县2019年人口和计划生育工作总结\n${body}\n${' '.repeat(50)}柳河县2016年人口计生工作汇报   \n${body}`;
    expect(splitSections(text).map((s) => [s.title, s.place, s.year])).toEqual([
      ['青石县2019年人口和计划生育工作总结', '青石县', 2019],
      ['柳河县2016年人口计生工作汇报', '柳河县', 2016],
    ]);
  });
  it.each([
    ['二〇一三年人口和计划生育工作总结', 2013],
    ['二零一六年计划生育工作汇报', 2016],
    ['青石县2019年度人口和计划生育工作总结', 2019],
  ])('reads the year of %s', (title, year) => {
    expect(splitSections(`${title}\n${body}`)[0]!.year).toBe(year);
  });
  it('does not take a line longer than a heading (48 characters) ending in 总结 for one', () => {
    const line = '现将我县今年以来在县委县政府的正确领导下开展的各项工作和取得的成绩以及存在的主要问题和下一步的工作打算简要总结';
    expect(line.length).toBeGreaterThan(48);
    const text = `${body}\n${line}\n${body}`;
    expect(splitSections(text)).toHaveLength(1);
  });
});

describe('plan headings stay inside their report', () => {
  it('a second report on the page is not taken for the first one\'s plans', async () => {
    const { extract } = await import('../src/extract.js');
    const body = '加强领导,落实责任,强化宣传教育,提高服务水平。'.repeat(8); // prose, no figures
    const first = `青石县2019年人口和计划生育工作总结\n一、基本情况\n全年出生3105人。\n${body}\n四、2020年工作打算\n计划生育率稳定在95%以上。${body}\n`;
    const second = `柳河县2016年人口计生工作汇报\n全县共出生1083人,符合政策生育率90.48%。${body}\n`;
    const r = extract(first + second);
    expect(r.sections!.map((s) => s.place)).toEqual(['青石县', '柳河县']);
    expect(r.indicators.map((i) => [i.id, i.value, i.section])).toEqual([
      ['births.total', 3105, 0],
      // (the first report's plan, 计划生育率稳定在95%以上, is not a figure)
      ['births.total', 1083, 1],
      ['rate.policyCompliance', 90.48, 1],
    ]);
  });
});
