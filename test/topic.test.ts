/**
 * The topic carried through a sentence: generic money words take the benefit
 * whose recipients were just counted, money and breakdowns right after a
 * count of recipients are that benefit's, parity nests under policy, and
 * households give way to the persons in them.
 */
import { describe, expect, it } from 'vitest';
import { findIndicators } from '../src/extract/pipeline.js';

const found = (text: string) => findIndicators(text).map((i) => [i.id, i.value, i.text]);

describe('money named by the benefit before it', () => {
  it.each([
    ['兑现资金 after reward recipients', '全县奖扶对象1200人,兑现资金115.2万元', ['subsidy.rewardAssistance.amount', 1152000, '兑现资金115.2万元']],
    ['金额 after health-fee recipients', '发放独生子女保健费850人,发放金额10.2万元', ['subsidy.onlyChildHealthFee.amount', 102000, '发放金额10.2万元']],
    ['money right after the count', '其中城镇独保费40人,4.8万元', ['subsidy.onlyChildHealthFee.amount', 48000, '城镇独保费40人,4.8万元']],
    ['money after 累计', '特扶对象12人累计5.76万元', ['subsidy.specialAssistance.amount', 57600, '特扶对象12人累计5.76万元']],
    ['the total paid after a standard per head', '全年为3120名奖扶对象每人每年发放960元,共计299.52万元', ['subsidy.rewardAssistance.amount', 2995200, '奖扶对象每人每年发放960元,共计299.52万元']],
    ['the total paid after a monthly standard', '特扶对象58人,每人每月发放135元,共计9.4万元', ['subsidy.specialAssistance.amount', 94000, '特扶对象58人,每人每月发放135元,共计9.4万元']],
    ['recipients in a bracket after their money', '兑现奖扶资金41.28万元(430人)', ['subsidy.rewardAssistance', 430, '奖扶资金41.28万元(430人']],
    ['recipients of the programme named before 对象', '落实计划生育家庭特别扶助政策,为156名对象发放特扶金21.84万元', ['subsidy.specialAssistance', 156, '156名对象']],
    ['扶助金 after special-assistance recipients', '为58名特扶对象发放扶助金27.84万元', ['subsidy.specialAssistance.amount', 278400, '发放扶助金27.84万元']],
    ['奖励金 after reward recipients', '全年为960名奖励扶助对象发放奖励金92.16万元', ['subsidy.rewardAssistance.amount', 921600, '发放奖励金92.16万元']],
    ['money paid to two benefits at once is the benefit money', '为1030名奖扶对象、61名特扶对象足额发放扶助资金共计128.16万元', ['subsidy.total.amount', 1281600, '扶助资金共计128.16万元']],
    ['each benefit its own money, in a list of clauses', '奖扶对象900人,兑现资金86.4万元;特扶对象40人,兑现资金19.2万元', ['subsidy.specialAssistance.amount', 192000, '兑现资金19.2万元']],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toContainEqual(expected);
  });
  it.each([
    ['no recipients before it', '全镇投入计生资金21.4万元'],
    ['recipients of a programme this tool does not read', '“少生快富”对象67户,兑现资金17.4万元'],
    ['recipients in the sentence before', '奖扶对象392人。兑现资金47.04万元'],
    ['a reward of another kind', '兑现计生目标管理奖励金27.66万元'],
    ['a standard and no total', '奖扶对象1200人,每人每年960元'],
  ])('nothing when there are %s', (_name, text) => {
    expect(found(text).filter(([id]) => String(id).endsWith('.amount'))).toEqual([]);
  });
});

describe('a breakdown of recipients under 其中', () => {
  it('gives each part the id of the whole', () => {
    expect(found('享受奖励扶助人数441人,其中国家级352人,省级59人,市级3人。特别扶助27人')).toEqual([
      ['subsidy.rewardAssistance', 441, '享受奖励扶助人数441人'],
      ['subsidy.rewardAssistance', 352, '国家级352人'],
      ['subsidy.rewardAssistance', 59, '省级59人'],
      ['subsidy.rewardAssistance', 3, '市级3人'],
      ['subsidy.specialAssistance', 27, '特别扶助27人'],
    ]);
  });
  it.each([
    ['without 其中', '奖扶对象441人,国家级352人'],
    ['a part larger than the whole', '奖扶对象41人,其中国家级352人'],
    ['a count of another kind', '奖扶对象441人,其中国家级352户'],
    ['births, whose breakdowns this tool reads only by their labels', '全年出生1000人,其中城镇600人'],
  ])('not %s', (_name, text) => {
    expect(found(text)).toHaveLength(1);
  });
});

describe('parity under policy', () => {
  it('一孩, 二孩, 多孩 in a bracket after 政策外 are out-of-policy births by parity', () => {
    expect(found('政策内110人,政策外47人(一孩30人、二孩15人、多孩2人)').map(([id, value]) => [id, value])).toEqual([
      ['births.inPolicy', 110],
      ['births.outOfPolicy', 47],
      ['births.first.outOfPolicy', 30],
      ['births.second.outOfPolicy', 15],
      ['births.thirdPlus.outOfPolicy', 2],
    ]);
  });
  it('but not a parity list that follows with a comma only', () => {
    expect(found('政策外出生25人,一孩300人,二孩200人').map(([id]) => id)).toEqual(['births.outOfPolicy', 'births.first', 'births.second']);
  });
});

describe('households and the persons in them', () => {
  it('the label names the persons', () => {
    expect(found('特殊家庭扶助对象确认39户53人')).toEqual([['subsidy.specialAssistance', 53, '特殊家庭扶助对象确认39户53人']]);
  });
  it('households alone are still read', () => {
    expect(found('特扶对象39户')).toEqual([['subsidy.specialAssistance', 39, '特扶对象39户']]);
  });
});
