import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grimCanFail, judgeRate, printedOf } from '../src/checks/interval.js';
import { runChecks } from '../src/checks/index.js';
import { defaultRules } from '../src/rules/load.js';
import { extract } from '../src/extract/pipeline.js';
import type { Indicator } from '../src/report.js';
import { standardsOf } from '../src/extract/standards.js';

const judge = (printed: string, lo: number, hi: number, den: number, factor = 100) =>
  judgeRate(printedOf(printed), BigInt(lo), BigInt(hi), BigInt(den), BigInt(factor));

describe('judging a printed rate against counts', () => {
  it('87.8 means [87.75, 87.85): 648 / 738 = 87.80 agrees, rounded', () => {
    expect(judge('87.8', 648, 648, 738)).toMatchObject({ agrees: true, mode: 'rounded' });
  });
  it('87.80 means [87.795, 87.805): the trailing zero is kept, so 647 / 738 = 87.67 does not agree', () => {
    expect(judge('87.80', 648, 648, 738).agrees).toBe(true);
    expect(judge('87.80', 647, 647, 738).agrees).toBe(false);
  });
  it('3.3 for 25 / 738 = 3.388 is truncation, not a contradiction', () => {
    expect(judge('3.3', 25, 25, 738)).toMatchObject({ agrees: true, mode: 'truncated' });
  });
  it('90.48 cannot come from 884 to 906 in-policy births of 1083 (at most 83.7%)', () => {
    expect(judge('90.48', 884, 906, 1083).agrees).toBe(false);
  });
  it('an interval agrees when some count inside it gives the rate', () => {
    expect(judge('83.6', 884, 906, 1083)).toMatchObject({ agrees: true });
  });
  it('per mille: 1083 / 316842 = 3.418‰ printed 3.41 is truncated', () => {
    expect(judge('3.41', 1083, 1083, 316842, 1000)).toMatchObject({ agrees: true, mode: 'truncated' });
  });
  it('GRIM: 0.13% of 8184 is testable; 12.3% of 5000 is not (every value is reachable)', () => {
    expect(grimCanFail(printedOf('0.13'), 8184n, 100n)).toBe(true);
    expect(grimCanFail(printedOf('12.3'), 5000n, 100n)).toBe(false);
    expect(judge('95.40', 0, 3105, 3105).agrees).toBe(false);
    expect(judge('95.39', 0, 3105, 3105).agrees).toBe(true);
  });
});

/** The printed digits of num / den × 100 at k decimals, by floor arithmetic (independent of interval.ts). */
function print(num: number, den: number, k: number, mode: 'round' | 'trunc'): string {
  const scale = 10n ** BigInt(k);
  const n = BigInt(num) * 100n * scale;
  const d = BigInt(den);
  const units = mode === 'round' ? (2n * n + d) / (2n * d) : n / d;
  return asDecimal(units, k);
}
function asDecimal(units: bigint, k: number): string {
  const s = units.toString().padStart(k + 1, '0');
  return k ? `${s.slice(0, -k)}.${s.slice(-k)}` : s;
}

describe('properties', () => {
  const counts = fc.integer({ min: 1, max: 200000 }).chain((den) => fc.tuple(fc.constant(den), fc.integer({ min: 0, max: den }), fc.integer({ min: 0, max: 2 })));
  it('a rate computed from counts and printed at 0–2 decimals, rounded or truncated, is never inconsistent', () => {
    fc.assert(
      fc.property(counts, fc.constantFrom('round' as const, 'trunc' as const), ([den, num, k], mode) => {
        expect(judge(print(num, den, k, mode), num, num, den).agrees).toBe(true);
      }),
    );
  });
  it('one moved outside its interval always is', () => {
    fc.assert(
      fc.property(counts, ([den, num, k]) => {
        const scale = 10n ** BigInt(k);
        const n = BigInt(num) * 100n * scale;
        const rounded = (2n * n + BigInt(den)) / (2n * BigInt(den));
        expect(judge(asDecimal(rounded + 1n, k), num, num, den).agrees).toBe(false);
        if (rounded >= 2n) expect(judge(asDecimal(rounded - 2n, k), num, num, den).agrees).toBe(false);
      }),
    );
  });
  it('leaves a rate unjudged when a count has a fraction (found by the property below)', () => {
    const base = { unit: '人', text: 'x', line: 1, label: 'x', rule: 't#0', section: 0 };
    const inds: Indicator[] = [
      { ...base, id: 'population.marriedWomen', value: 0.01, printed: '0.01', decimals: 2, start: 0, end: 5 },
      { ...base, id: 'rate.contraceptivePrevalence', value: 0, unit: '%', printed: '0.00', decimals: 2, start: 10, end: 15 },
    ];
    expect(runChecks(inds, 'x'.repeat(20), defaultRules().registry)).toEqual([]);
  });
  it('checks never throw on any combination of indicators', () => {
    const ids = ['births.total', 'births.first', 'births.second', 'births.thirdPlus', 'births.inPolicy', 'births.outOfPolicy',
      'births.first.inPolicy', 'births.second.outOfPolicy', 'rate.policyCompliance', 'rate.thirdPlus', 'rate.birth',
      'population.total', 'population.marriedWomen', 'contraception.users', 'rate.contraceptivePrevalence', 'surgery.total',
      'surgery.iudInsertion', 'subsidy.total.amount', 'subsidy.rewardAssistance.amount', 'sexRatio.atBirth', 'births.male', 'births.female'];
    const ind = fc.record({
      id: fc.constantFrom(...ids),
      printed: fc.oneof(fc.integer({ min: 0, max: 1e6 }).map(String), fc.double({ min: 0, max: 1000, noNaN: true }).map((x) => x.toFixed(2))),
      scope: fc.option(fc.constantFrom('城区', '流动人口'), { nil: undefined }),
      section: fc.integer({ min: 0, max: 1 }),
    });
    fc.assert(
      fc.property(fc.array(ind, { maxLength: 25 }), (raw) => {
        const inds: Indicator[] = raw.map((r, i) => ({
          id: r.id, value: Number(r.printed), unit: r.id.startsWith('rate') ? '%' : '人', text: 'x', start: i * 10, end: i * 10 + 5,
          line: 1, printed: r.printed, label: 'x', rule: 't#0', section: r.section, decimals: r.printed.includes('.') ? 2 : 0,
          ...(r.scope ? { scope: r.scope } : {}),
        }));
        const checks = runChecks(inds, 'x'.repeat(300), defaultRules().registry);
        for (const c of checks) expect(['consistent', 'inconsistent', 'unaccounted', 'approximate', 'unverifiable']).toContain(c.status);
      }),
      // Rare combinations matter: a fractional count that broke BigInt turned up once in ten thousand runs.
      { numRuns: 3000 },
    );
  });
});

describe('checks from sentences', () => {
  const statuses = (text: string) => extract(text).checks.map((c) => [c.subject.id, c.status]);
  it.each([
    ['全县共出生738人(一孩418人,二孩295人,多孩25人)', [['births.total', 'consistent']]],
    ['全县共出生740人(一孩418人,二孩295人,多孩25人)', [['births.total', 'inconsistent']]],
    ['全年落实计划生育手术1782例,其中结扎239例,上环1229例,落实补救措施304例', [['surgery.total', 'unaccounted']]],
    ['特别扶助对象76人(其中死亡家庭51人,伤残家庭26人)', [['subsidy.specialAssistance', 'inconsistent']]],
    ['全县出生8184人,其中政策内出生7384人,政策外出生800人,符合政策生育率90.22%', [['births.total', 'consistent'], ['rate.policyCompliance', 'consistent']]],
    ['已婚育龄妇女31262人,已落实节育措施27314人,综合节育率为87.37%', [['rate.contraceptivePrevalence', 'consistent']]],
    ['出生男婴560人,女婴500人,出生性别比112', [['sexRatio.atBirth', 'consistent']]],
    // 418 / 738 = 56.64%, 295 / 738 = 39.97%; 25 / 738 = 3.39%, not 3.93%.
    ['全年出生738人,其中一孩418人,占出生总数的56.64%;二孩295人,占39.97%;多孩25人,占3.93%', [
      ['births.total', 'consistent'], ['rate.first', 'consistent'], ['rate.second', 'consistent'], ['rate.thirdPlus', 'inconsistent'],
    ]],
    ['全年出生738人,一孩、二孩、多孩分别为418人、295人、26人', [['births.total', 'inconsistent']]],
    // A total stated after its parts: 618 + 452 + 13 = 1083; with 14, 1084.
    ['全年出生一孩618人,二孩452人,三孩及以上13人,出生总数1083人', [['births.total', 'consistent']]],
    ['全年出生一孩618人,二孩452人,三孩及以上14人,出生总数1083人', [['births.total', 'inconsistent']]],
    ['上环603例,取环212例,结扎98例,共计落实节育措施913例', [['surgery.total', 'consistent']]],
    // Parts in an earlier sentence are not this total's.
    ['一孩618人,二孩452人。全年出生1083人', []],
    // 6215 / 523000 = 11.88‰ fits the printed 11.92‰ within 5%; the 常住 population (12.79‰) would not.
    ['户籍总人口52.3万人,常住人口48.6万人。全年出生6215人,人口出生率为11.92‰', [['rate.birth', 'approximate']]],
  ])('%s', (text, expected) => {
    expect(statuses(text)).toEqual(expected);
  });
  it('does not mix a campaign with the year: scoped parts are not the total\'s', () => {
    const text = '全年落实"四术"728例,其中上环466例。专项整治活动中,共落实上环176例,结扎110例';
    const c = extract(text).checks;
    expect(c.map((x) => [x.subject.id, x.status])).toEqual([['surgery.total', 'unaccounted']]);
  });
});

describe('checks of what real reports list', () => {
  const checksOf = (text: string) => extract(text).checks.map((c) => [c.subject.id, c.subject.value, c.status]);
  it.each([
    ['a part of a listed part is not counted twice (男扎, 女扎 under 结扎)', '全乡共完成四术278例,其中结扎196例(男扎14例,女扎182例),上环82例', [['surgery.total', 278, 'consistent'], ['surgery.sterilization', 196, 'consistent']]],
    ['其它 closes a list of operations', '共落实各种避孕节育措施326例,其中女扎28例,上环267例,取环18例,其它13例', [['surgery.total', 326, 'consistent']]],
    ['parts short of an approximate total are no shortfall', '兑现各项计生奖励扶助资金100余万元,其中奖扶资金47.04万元', [['subsidy.total.amount', 1000000, 'approximate']]],
    ['a breakdown of recipients under 其中 short of the whole', '享受奖励扶助人数441人,其中国家级352人,省级59人,市级3人', [['subsidy.rewardAssistance', 441, 'unaccounted']]],
    ['a breakdown of recipients above the whole', '享受奖励扶助人数441人,其中国家级352人,省级99人', [['subsidy.rewardAssistance', 441, 'inconsistent']]],
  ])('%s', (_name, text, expected) => {
    expect(checksOf(text)).toEqual(expected);
  });
  it.each([
    ['boys and girls stated together before the ratio', '出生278人,其中男性145人,女性133人,出生人口性别比为109:100', 'consistent'],
    ['a pair stated wrong', '出生278人,其中男性145人,女性133人,出生人口性别比为119', 'inconsistent'],
  ])('a sex ratio against %s', (_name, text, status) => {
    expect(extract(text).checks.find((c) => c.subject.id === 'sexRatio.atBirth')?.status).toBe(status);
  });
  it.each([
    ['counts scattered over kinds', '出生男孩84人,出生女孩69人,抱养女孩3人,性别比为116.67'],
    ['counts given only after the ratio, year by year', '四个年度性别比为108.68(2012年出生男孩128人,出生女孩141人;2013年出生男孩125人,出生女孩126人)'],
  ])('no sex-ratio check from %s', (_name, text) => {
    expect(extract(text).checks.filter((c) => c.subject.id === 'sexRatio.atBirth')).toEqual([]);
  });
});

describe('cross-classification: policy × parity cells against both margins', () => {
  const checksOf = (text: string) => extract(text).checks.filter((c) => c.rule === 'parts-sum').map((c) => [c.subject.id, c.subject.value, c.status]);
  it.each([
    ['out-of-policy births by parity, whole', '政策外出生47人(一孩30人、二孩15人、多孩2人)', [['births.outOfPolicy', 47, 'consistent']]],
    ['out-of-policy births by parity, short of a complete split', '政策外出生47人(一孩30人、二孩12人、多孩2人)', [['births.outOfPolicy', 47, 'inconsistent']]],
    ['in-policy births by parity, a cell missing', '政策内出生700人,其中一孩410人,二孩230人', [['births.inPolicy', 700, 'unaccounted']]],
    ['first births by policy, above their margin', '一孩418人(政策内410人,政策外9人)', [['births.first', 418, 'inconsistent']]],
    ['second births by policy, whole', '二孩295人(政策内230人,政策外65人)', [['births.second', 295, 'consistent']]],
  ])('%s', (_name, text, expected) => {
    expect(checksOf(text)).toEqual(expected);
  });
  it('one cell alone says nothing of its margin', () => {
    expect(checksOf('一孩418人,其中政策内418人')).toEqual([]);
  });
});

describe('a bracketed note after a total', () => {
  it('does not hide the parts listed after it', () => {
    const c = extract('全年落实四术1250例(人次),其中上环600例,结扎150例,人流500例').checks;
    expect(c.map((x) => [x.subject.id, x.status, x.expected])).toEqual([['surgery.total', 'consistent', '1250']]);
  });
});

describe('zeros stated in words close a split', () => {
  const sums = (text: string) => extract(text).checks.filter((c) => c.rule === 'parts-sum').map((c) => [c.subject.id, c.status, c.arithmetic]);
  it.each([
    ['无多孩出生 after parities short of the total', '全年出生265人,其中一胎187人,二胎76人。无多孩出生。', [['births.total', 'inconsistent', '187 + 76 + 0 (无多孩出生) = 263 ≠ 265']]],
    ['无多孩出生 after parities that add up', '全年出生265人,其中一胎187人,二胎78人。无多孩出生。', [['births.total', 'consistent', '187 + 78 + 0 (无多孩出生) = 265 ✓']]],
    ['杜绝了政策外生育 after the in-policy births', '全年出生265人,政策内出生260人,杜绝了政策外生育', [['births.total', 'inconsistent', '260 + 0 (杜绝了政策外生育) = 260 ≠ 265']]],
    ['多孩出生为零', '全年出生120人,一孩70人,二孩48人,多孩出生为零', [['births.total', 'inconsistent', '70 + 48 + 0 (多孩出生为零) = 118 ≠ 120']]],
  ])('%s', (_name, text, expected) => {
    expect(sums(text)).toEqual(expected);
  });
  it.each([
    ['without a zero, a split short of its total is a list that may leave some out', '全年出生265人,其中一胎187人,二胎76人。', 'unaccounted'],
    ['the name of a campaign states no zero', '开展“无政策外多孩出生”活动,全年出生265人,其中一胎187人,二胎76人', 'unaccounted'],
    ['a zero in another paragraph is not this total’s', '全年出生265人,其中一胎187人,二胎76人。\n全乡无多孩出生', 'unaccounted'],
    ['a zero to be reached is a target', '全年出生265人,其中一胎187人,二胎76人,力争无多孩出生', 'unaccounted'],
  ])('%s', (_name, text, status) => {
    expect(sums(text).map(([, s]) => s)).toEqual([status]);
  });
});

describe('rates from rates: natural increase = birth rate − death rate', () => {
  const diff = (text: string) => extract(text).checks.filter((c) => c.rule === 'difference-of-rates').map((c) => [c.status, c.arithmetic]);
  it.each([
    ['at the printed precision', '人口出生率7.23‰,死亡率5.71‰,自然增长率1.52‰', [['consistent', '7.23 − 5.71 = 1.52 ≈ 1.52 ✓']]],
    ['within rounding of each', '出生率11.2‰,死亡率6.14‰,自然增长率5.1‰', [['consistent', '11.2 − 6.14 = 5.06 ≈ 5.1 ✓']]],
    ['below zero', '出生率10.05‰,死亡率10.30‰,自然增长率-0.25‰', [['consistent', '10.05 − 10.30 = -0.25 ≈ -0.25 ✓']]],
    ['in a list with 分别', '出生率、死亡率、自然增长率分别为11.2‰、6.1‰、5.1‰', [['consistent', '11.2 − 6.1 = 5.1 ≈ 5.1 ✓']]],
    ['a difference that cannot hold', '人口出生率11.2‰,死亡率6.1‰,自然增长率5.8‰', [['inconsistent', '11.2 − 6.1 = 5.1 ≠ 5.8']]],
  ])('%s', (_name, text, expected) => {
    expect(diff(text)).toEqual(expected);
  });
  it.each([
    ['without a death rate', '人口出生率11.2‰,自然增长率5.8‰'],
    ['with the death rate in another paragraph', '人口出生率11.2‰,自然增长率5.8‰\n死亡率6.1‰'],
    ['an infant mortality rate is no death rate', '人口出生率11.2‰,婴儿死亡率6.1‰,自然增长率5.8‰'],
  ])('no check %s', (_name, text) => {
    expect(diff(text)).toEqual([]);
  });
});

describe('GRIM: what the messages say of a count the report does not state', () => {
  it('speaks of the implied count as implied', () => {
    const c = extract('全县出生5124人,符合政策生育率为94.87%').checks.find((x) => x.subject.id === 'rate.policyCompliance')!;
    expect(c.status).toBe('consistent');
    expect(c.message).toBe('94.87% of the stated 5124 implies 4861 in-policy births, a whole number, so the rate can be exact (GRIM test); the report does not state that count.');
  });
  it('names the nearest whole counts when none gives the rate', () => {
    const c = extract('全镇出生126人,计划生育率96.05%').checks.find((x) => x.subject.id === 'rate.policyCompliance')!;
    expect(c.status).toBe('inconsistent');
    expect(c.message).toBe('No whole number of in-policy births out of the stated 126 gives 96.05%: the nearest whole counts give 96.03 and 96.83 (GRIM test), so the rate or the total is wrong.');
  });
});

describe('partitions a report states: married women by their children', () => {
  const sums = (text: string) => extract(text).checks.filter((c) => c.rule === 'parts-sum').map((c) => [c.subject.id, c.status, c.arithmetic]);
  it.each([
    ['four groups that add up', '已婚育龄妇女10823人,其中无孩妇女462人,一孩妇女5953人,二孩妇女4081人,多孩妇女327人', [['population.marriedWomen', 'consistent', '462 + 5953 + 4081 + 327 = 10823 ✓']]],
    ['four groups that do not', '已婚育龄妇女10823人,其中无孩妇女462人,一孩妇女5953人,二孩妇女4081人,多孩妇女300人', [['population.marriedWomen', 'inconsistent', '462 + 5953 + 4081 + 300 = 10796 ≠ 10823']]],
    ['two and more together', '已婚育龄妇女77人,其中无孩8人,一孩19人,二孩及多孩50人', [['population.marriedWomen', 'consistent', '8 + 19 + 50 = 77 ✓']]],
    ['a group left out: a list that may leave some out', '已婚育龄妇女1865人,其中一孩妇女900人,二孩妇女700人', [['population.marriedWomen', 'unaccounted', '900 + 700 = 1600 ≠ 1865 (265 unaccounted)']]],
  ])('%s', (_name, text, expected) => {
    expect(sums(text)).toEqual(expected);
  });
  it('gives no births for women counted by their children', () => {
    expect(extract('已婚育龄妇女77人,其中无孩8人,一孩19人,二孩及多孩50人').indicators.map((i) => i.id)).toEqual(['population.marriedWomen', 'women.noChild', 'women.oneChild', 'women.twoPlus']);
  });
});

describe('no false alarms by construction: one period, one scope, late registrations apart', () => {
  const flagged = (text: string) => extract(text).checks.filter((c) => c.status === 'inconsistent' || c.status === 'unaccounted').map((c) => [c.subject.id, c.status]);
  it.each([
    ['two years in one sentence', '2012年出生300人,其中一孩200人;2013年二孩120人'],
    ['a late registration the total counts', '全年出生156人,其中男孩84人,女孩69人,另补报漏报出生3人'],
    ['a late registration after the split', '全年出生153人,其中男孩84人,女孩69人,补报女孩3人'],
    ['a migrant group’s births in the sentence before', '流出人口出生12人。全年出生300人,其中一孩200人,二孩100人'],
  ])('%s', (_name, text) => {
    expect(flagged(text)).toEqual([]);
  });
  it.each([
    ['one year, parts above the total', '2012年出生300人,其中一孩200人,二孩120人', [['births.total', 'inconsistent']]],
    ['a late registration that does not make up the shortfall', '全年出生156人,其中男孩84人,女孩69人,另补报漏报出生2人', [['births.total', 'inconsistent']]],
  ])('still flags %s', (_name, text, expected) => {
    expect(flagged(text)).toEqual(expected);
  });
  it('sets a late registration apart in its own clause only', () => {
    const r = extract('全年出生153人,补报女孩3人,政策内出生150人');
    expect(r.indicators.map((i) => [i.id, i.scope])).toEqual([['births.total', undefined], ['births.female', '补报'], ['births.inPolicy', undefined]]);
  });
  it('counts late registrations stated before a sex ratio that includes them', () => {
    const c = extract('出生男孩84人,出生女孩69人,补报女孩3人,性别比为116.67').checks.find((x) => x.subject.id === 'sexRatio.atBirth')!;
    expect([c.status, c.arithmetic]).toEqual(['consistent', '84 / 72 × 100 = 116.6667 ≈ 116.67 ✓']);
  });
});

describe('money from recipients and a standard per head', () => {
  const money = (text: string) => extract(text).checks.filter((c) => c.rule === 'money-from-standard').map((c) => [c.status, c.arithmetic]);
  it.each([
    ['recipients × standard = the total', '全年为4215名奖扶对象每人每年发放960元,共计404.64万元', [['consistent', '4215 × 960 = 4046400 ≈ 4046400 ✓']]],
    ['a total that is not', '全年为4215名奖扶对象每人每年发放960元,共计414.64万元', [['inconsistent', '4215 × 960 = 4046400 ≠ 4146400']]],
    ['a standard written 按…的标准', '为1520名农村独生子女发放保健费,按每人每年60元的标准,共9.12万元', [['consistent', '1520 × 60 = 91200 ≈ 91200 ✓']]],
    ['a standard written 元/人·年', '奖扶对象1200人,标准960元/人·年,共发放115.2万元', [['consistent', '1200 × 960 = 1152000 ≈ 1152000 ✓']]],
  ])('%s', (_name, text, expected) => {
    expect(money(text)).toEqual(expected);
  });
  it.each([
    ['a monthly standard (how many months is not said)', '特扶对象58人,每人每月发放135元,共计9.4万元'],
    ['two standards in the sentence', '奖扶对象1200人,国家标准每人每年960元,省级每人每年240元,共计144万元'],
    ['recipients counted in households against a standard per person', '为800户独生子女家庭每人每年发放60元,共计4.8万元'],
  ])('no check for %s', (_name, text) => {
    expect(money(text)).toEqual([]);
  });
});

describe('standards per head found in the text', () => {
  it.each([
    ['每人每年960元', { value: 960, per: '人', period: '年' }],
    ['每户每年发放120元', { value: 120, per: '户', period: '年' }],
    ['人均960元', { value: 960, per: '人' }],
    ['960元/人·年', { value: 960, per: '人', period: '年' }],
    ['每人一次性奖励1000元', { value: 1000, per: '人', period: '一次性' }],
  ])('%s', (text, expected) => {
    expect(standardsOf(text)).toMatchObject([expected]);
  });
  it('names no head in 每年960元', () => {
    expect(standardsOf('每年960元')).toEqual([]);
  });
});

describe('a figure split by population group', () => {
  const groups = (text: string) => extract(text).checks.filter((c) => c.message.includes('population group')).map((c) => [c.subject.value, c.status, c.arithmetic]);
  it.each([
    ['常住 + 流出 = the whole', '全乡共出生171人,其中:常住人口出生157人(男孩81人、女孩76人);流出人口出生14人(男孩9人、女孩5人)', [[171, 'consistent', '157 + 14 = 171 ✓']]],
    ['groups above the whole', '全乡共出生165人,其中:常住人口出生157人;流出人口出生14人', [[165, 'inconsistent', '157 + 14 = 171 ≠ 165']]],
    ['groups short of the whole (the report’s groups need not be all)', '全乡共出生175人,其中:常住人口出生157人;流出人口出生14人', [[175, 'unaccounted', '157 + 14 = 171 ≠ 175 (4 unaccounted)']]],
    ['groups in a sentence of their own, no breakdown', '全乡共出生171人。流动人口出生20人,常住人口出生30人', []],
  ])('%s', (_name, text, expected) => {
    expect(groups(text)).toEqual(expected);
  });
});

describe('warnings', () => {
  it('of every kind have one shape: message, line and section, in that order (absent ones undefined, which JSON leaves out)', () => {
    const text = `20XX年青石县人口和计划生育工作总结\n全县出生约1000人,其中一孩600人,二孩500人。出生人口性别比为180。\n${'本年度工作取得了较好成绩,各项指标均已完成。'.repeat(8)}`;
    const details = extract(text, { warnings: ['bytes at line 3 were damaged'] }).warningDetails!;
    const starts = ['bytes at line 3 were damaged', 'line 1: the report year is redacted (20XX年)', 'line 2: sexRatio.atBirth = 180 is outside', 'line 2: births.total = 1000 is approximate', 'line 2: births.total = 1000: its listed parts'];
    expect(details.map((w, k) => w.message.startsWith(starts[k]!))).toEqual(starts.map(() => true));
    expect(new Set(details.map((w) => Object.keys(w).join(',')))).toEqual(new Set(['message,line,section']));
    expect(JSON.parse(JSON.stringify(details[0]))).toEqual({ message: 'bytes at line 3 were damaged' });
    expect(details.slice(1).map((w) => [w.line, w.section])).toEqual([[1, 0], [2, 0], [2, 0], [2, 0]]);
  });
});
