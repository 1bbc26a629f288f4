/**
 * Label wordings built from parts: a qualifier (政策内, 合法, 符合法定, 计外 …),
 * a parity (一孩, 第一胎, 壹孩, 二孩及以上 …) and the event (出生, 生育) compose in
 * either order, and a new piece multiplies through every rule that uses it.
 * Measures, operations and benefits are named in the genre's several ways.
 */
import { describe, expect, it } from 'vitest';
import { findIndicators } from '../src/extract/pipeline.js';

const ids = (text: string) => findIndicators(text).map((i) => [i.id, i.value]);

describe('births: qualifier × parity × event, in either order', () => {
  it.each([
    ['合法生育一胎202人', 'births.first.inPolicy', 202],
    ['符合法定生育二孩38人', 'births.second.inPolicy', 38],
    ['计外出生二孩7人', 'births.second.outOfPolicy', 7],
    ['政策外生育二胎3人', 'births.second.outOfPolicy', 3],
    ['违法生育三孩2人', 'births.thirdPlus.outOfPolicy', 2],
    ['计划内第一胎出生120人', 'births.first.inPolicy', 120],
    ['政策内壹孩出生50人', 'births.first.inPolicy', 50],
    ['符合法定生育74人', 'births.inPolicy', 74],
    ['其中的政策内生育326人', 'births.inPolicy', 326],
    ['计外出生5人', 'births.outOfPolicy', 5],
    ['二孩及以上19人', 'births.secondPlus', 19],
    ['二孩及多孩出生12人', 'births.secondPlus', 12],
    ['全年共出生新生儿74人', 'births.total', 74],
    ['本年度内新生婴儿15人', 'births.total', 15],
    ['全区总出生1070人', 'births.total', 1070],
    ['第一个孩子出生90人', 'births.first', 90],
  ])('%s', (text, id, value) => {
    expect(ids(text)).toContainEqual([id, value]);
  });
});

describe('measures, operations, benefits', () => {
  it.each([
    ['出生水平为5.78‰', 'rate.birth', 5.78],
    ['符合法定生育率100%', 'rate.policyCompliance', 100],
    ['出生政策符合率96.8%', 'rate.policyCompliance', 96.8],
    ['合法生育率为97.2%', 'rate.policyCompliance', 97.2],
    ['计生符合率99.35%', 'rate.policyCompliance', 99.35],
    ['一孩出生率为86.74%', 'rate.first', 86.74],
    ['多孩控制率0', 'rate.thirdPlus', 0],
    ['避孕节育措施落实率为 98%', 'rate.contraceptivePrevalence', 98],
    ['已婚至49周岁育龄妇女3358人', 'population.marriedWomen', 3358],
    ['现已落实三术人数为25人', 'surgery.total', 25],
    ['参加优生健康检查761对', 'healthCheck.preconception', 761],
    ['享受独生子女父母奖励金1608人', 'subsidy.onlyChildParentReward', 1608],
    ['年兑现独生子女保健费127人', 'subsidy.onlyChildHealthFee', 127],
    ['特别扶助人员94人', 'subsidy.specialAssistance', 94],
  ])('%s', (text, id, value) => {
    expect(ids(text)).toContainEqual([id, value]);
  });
  it.each([
    ['a long-acting measure is not all contraception', '长效节育措施落实率89.6%'],
    ['the money of a benefit in 万元 is no count of its recipients', '发放独生子女父母奖励金8.5万元'],
  ])('%s', (_name, text) => {
    const found = ids(text).map(([id]) => id);
    expect(found).not.toContain('rate.contraceptivePrevalence');
    expect(found).not.toContain('subsidy.onlyChildParentReward');
  });
});
