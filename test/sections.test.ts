/** Headings that split a page into reports, however they are laid out. */
import fc from 'fast-check';
import { leastTime } from './helpers/timing.js';
import { describe, expect, it } from 'vitest';
import { splitSections } from '../src/extract/sections.js';

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
    ['西河乡二〇一二年计划生育工作汇报', '西河乡', '乡'],
    ['南湖街道办事处2013年上半年人口计生工作总结', '南湖街道', '街道'],
    ['东山镇20_年人口和计划生育工作总结', '东山镇', '镇'],
    ['青石县人口和计划生育局2019年工作总结', '青石县', '县'],
  ])('names the place of %s', (title, place, level) => {
    const section = splitSections(`${title}\n${body}`)[0]!;
    expect([section.place, section.level]).toEqual([place, level]);
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

describe('a report pasted twice', () => {
  const report = [
    '全县辖8个乡镇、126个行政村,总人口286413人,其中已婚育龄妇女51236人。',
    '全年出生3105人,其中一孩1862人,二孩1183人,三孩及以上60人;政策内出生2962人,政策外出生143人。',
    '全年共落实各类节育措施4126例,其中上环2317例,取环865例,结扎392例!',
    '县委、县政府始终把人口和计划生育工作摆在经济社会发展全局的重要位置?',
    '加强组织领导,落实目标管理责任制,把工作任务分解到村、落实到人。',
  ];
  const other = ['全年出生2977人,计划生育率为94.21%。', '流动人口管理服务工作扎实推进,建立了流动人口信息平台。', '开展了生殖健康普查,共普查已婚育龄妇女4万余人。', '继续落实奖励扶助制度,全年发放奖励扶助金312万元。', '村级服务室建设全面达标,服务网络进一步健全。'];
  // A carriage return alone is a line end (old Mac files), not whitespace.
  const spaces = fc.constantFrom(' ', '\u3000', '\t', '\u00a0', '  ', '\v', '\f');
  /** The text with whitespace (no line breaks) put in at some places. */
  const sprinkled = (text: string) =>
    fc.array(fc.tuple(fc.nat(text.length), spaces), { maxLength: 20 }).map((cuts) => {
      let out = text;
      for (const [at, sp] of cuts.sort((a, b) => b[0] - a[0])) out = out.slice(0, at) + sp + out.slice(at);
      return out;
    });
  it('is found as a repeat however its whitespace differs, and another report is not', () => {
    const first = `青石县2019年人口和计划生育工作总结\n${report.join('\n')}\n`;
    fc.assert(
      fc.property(sprinkled(report.join('\n')), (again) => {
        const sections = splitSections(`${first}青石县2019年人口和计划生育工作总结\n${again}\n柳河县2016年人口计生工作汇报\n${other.join('\n')}\n`);
        expect(sections.map((s) => s.duplicateOf)).toEqual([undefined, 0, undefined]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('repeats on a page of several reports', () => {
  // The rule, read plainly: sentences are the pieces between 。 ; ! ? and line breaks, with
  // whitespace left out, of at least 12 characters; a later section is a repeat of the
  // earliest section (not itself a repeat) holding 80% of its distinct sentences.
  function expectedRepeats(text: string, sections: { start: number; end: number }[]): (number | undefined)[] {
    // A carriage return alone is a line break (old Mac files); before \n it is part of one.
    // Full-width ；！？ are read as ; ! ? (the text is normalised first).
    const sentencesOf = (s: string) => new Set(s.split(/[。;；!！?？\n]|\r(?!\n)/).map((x) => x.replace(/\s+/g, '')).filter((x) => x.length >= 12));
    const originals: { k: number; sentences: Set<string> }[] = [];
    return sections.map((sec, k) => {
      const mine = sentencesOf(text.slice(sec.start, sec.end));
      if (k > 0 && mine.size >= 2) {
        const of = originals.find((o) => [...mine].filter((x) => o.sentences.has(x)).length / mine.size >= 0.8);
        if (of) return of.k;
      }
      originals.push({ k, sentences: mine });
      return undefined;
    });
  }
  const SENTENCES = [
    '全年出生3105人,其中一孩1862人,二孩1183人', '政策内出生2962人,政策外出生143人', '全年共落实各类节育措施4126例',
    '加强组织领导,落实目标管理责任制', '流动人口管理服务工作扎实推进', '出生人口性别比为109.6', '短句',
  ];
  const piece = fc.oneof(
    fc.constantFrom(...SENTENCES),
    fc.constantFrom('。', ';', '!', '?', '\n', ' ', '\u3000', '\t', '\r', '\u00a0', '\ufeff', '\u2028', '\v', '\f', ',', '；'),
  );
  const section = fc.array(piece, { minLength: 1, maxLength: 40 }).map((ps) => ps.join(''));
  const TITLES = ['青石县2019年人口和计划生育工作总结', '柳河县2016年人口计生工作汇报', '某镇计划生育工作总结'];
  it('mark the same sections as the plain reading of the rule', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...TITLES), section), { minLength: 1, maxLength: 5 }), (parts) => {
        const text = parts.map(([title, body]) => `${title}\n${body}\n`).join('');
        const sections = splitSections(text);
        expect(sections.map((s) => s.duplicateOf)).toEqual(expectedRepeats(text, sections));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('repeats on a compilation of thousands of reports', () => {
  // Every report of a county's compilation shares its boilerplate; none repeats another but the last.
  const boiler = [
    '加强组织领导,落实目标管理责任制', '流动人口管理服务工作扎实推进', '深入开展婚育新风进万家活动',
    '村两委高度重视人口和计划生育工作,把它作为一项重要工作来抓', '坚持每季度召开一次专题会议,研究解决工作中存在的问题',
  ];
  const report = (k: number) => `${['青石', '柳河', '白水'][k % 3]}第${k}村${2000 + (k % 20)}年计划生育工作总结\n${boiler.join('。')}。全年出生${k}人,其中一孩${k + 1}人,二孩${k + 2}人。政策外出生${k + 3}人,已全部征收社会抚养费。\n`;
  const page = (n: number) => Array.from({ length: n }, (_, k) => report(k)).join('') + report(7);

  it('marks only the repeat, of the right report', () => {
    const sections = splitSections(page(300));
    expect(sections.length).toBe(301);
    expect(sections.filter((s) => s.duplicateOf !== undefined).map((s) => s.duplicateOf)).toEqual([7]);
  });

  it('in time linear in the sections, though every one shares the boilerplate', () => {
    const small = page(600);
    const large = page(6000);
    expect(leastTime(() => splitSections(large), 2)).toBeLessThan(Math.max(30 * leastTime(() => splitSections(small)), 1500));
  });
});

describe('plan headings stay inside their report', () => {
  it('a second report on the page is not taken for the first one\'s plans', async () => {
    const { extract } = await import('../src/extract/pipeline.js');
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

describe('sections, as the stages read them', () => {
  it('all have one shape, whatever each states (a period, an issuer, a redacted year, a duplicate)', () => {
    const text = [
      '青石县2019年人口和计划生育工作总结',
      `2019年1月1日至2019年12月31日,县人口计生局统计。${body}`,
      '柳河县20XX年人口计生工作汇报',
      body,
      '青石县2019年人口和计划生育工作总结',
      `2019年1月1日至2019年12月31日,县人口计生局统计。${body}`,
    ].join('\n');
    const sections = splitSections(text);
    expect(sections).toHaveLength(3);
    expect(sections[0]!.period).toBe('2019年1月1日至2019年12月31日');
    expect(sections[1]!.redacted).toBe('20XX年');
    expect(sections[2]!.duplicateOf).toBe(0);
    expect(new Set(sections.map((s) => Object.keys(s).join(','))).size).toBe(1);
  });
});
