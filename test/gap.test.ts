/**
 * What may stand between a label and its number. Beyond the grammar's filler
 * words (为, 达到, 共 …), a short span of other words binds (出生的171人中,
 * 含漏统为, a year, a bracketed note), as long as no clause break, digit,
 * change, comparison, target or standard stands between.
 */
import { describe, expect, it } from 'vitest';
import { findIndicators } from '../src/extract/pipeline.js';

const found = (text: string) => findIndicators(text).map((i) => [i.id, i.value, i.text]);

describe('a looser gap binds', () => {
  it.each([
    ['的 and 中', '全乡出生的171人中,男孩90人', ['births.total', 171, '出生的171人']],
    ['的对象', '享受农村奖励扶助的对象8048人', ['subsidy.rewardAssistance', 8048, '奖励扶助的对象8048人']],
    ['含 and a short note', '全区政策生育率含漏统为94.91%', ['rate.policyCompliance', 94.91, '政策生育率含漏统为94.91%']],
    ['a short note without filler', '统计上报出生率含漏统2.73‰', ['rate.birth', 2.73, '出生率含漏统2.73‰']],
    ['a year and its end', '户籍人口2010年末为52746人', ['population.total', 52746, '户籍人口2010年末为52746人']],
    ['a second measure sharing the value', '节育措施落实率及时率达100%', ['rate.contraceptivePrevalence', 100, '节育措施落实率及时率达100%']],
    ['目标人群 and 确认 (the programme’s own words)', '奖励扶助对象累计目标人群确认392人', ['subsidy.rewardAssistance', 392, '奖励扶助对象累计目标人群确认392人']],
    ['人员 and 共计', '全县获得奖励扶助的人员共计488人', ['subsidy.rewardAssistance', 488, '奖励扶助的人员共计488人']],
    ['a bracket with a number inside', '出生婴儿性别比(以女婴为100)为108', ['sexRatio.atBirth', 108, '出生婴儿性别比(以女婴为100)为108']],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toContainEqual(expected);
  });
});

describe('and does not bind across', () => {
  it.each([
    ['another activity', '新生儿疾病筛查1200人'],
    ['a change', '出生人口比上年减少21人'],
    ['a comparison printed without its unit', '人口出生率比上年下降0.3'],
    ['a target', '计划生育率目标为95%'],
    ['a different head noun', '计划生育手术并发症鉴定2例'],
    ['a baseline', '出生人口性别比由上年的118.5下降了6.2'],
    ['a threshold', '违法生育超过2人的村实行一票否决'],
    ['a per-head standard', '独生子女保健费每人120元'],
    ['households', '女结扎户58名'],
    ['a clause break', '全年出生,其余1200人'],
    ['a list with 分别 that does not pair', '节育措施落实率和及时率分别达到98.7% 和 86.2%'],
    ['more than a few other words', '出生人口中外出务工人员子女120人'],
    ['the inside of a bracket to the outside', '(其中女孩)为108人'],
  ])('%s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });
});
