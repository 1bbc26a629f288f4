/**
 * Filters by meaning: the same words in another sense are no mentions (women
 * counted by parity, methods in use, changes, plans and projections, target
 * lists, damaged digits), and the same words in the sense of a result are.
 */
import { describe, expect, it } from 'vitest';
import { extract, findIndicators } from '../src/extract/pipeline.js';

const ids = (text: string) => findIndicators(text).map((i) => [i.id, i.value]);

describe('not mentions', () => {
  it.each([
    ['women by parity under 育龄妇女', '全村育龄妇女77人,其中一孩19人,二孩及多孩58人', [['births.first', 19], ['births.secondPlus', 58]]],
    ['women by parity under 女职工, across a ;', '女职工470人,其中(1)未婚23人;(2)一孩390人;(3)二孩34人', [['births.first', 390], ['births.second', 34]]],
    ['women by parity, named so', '已婚育龄妇女10823人,其中一孩妇女5953人', [['births.first', 5953]]],
    ['pregnancies by parity', '当年怀孕618人,其中一孩怀孕数为259人', [['births.first', 259]]],
    ['methods in use', '应采取措施的393人,全部采取了节育措施,其中带环347例,结扎32例,药具14例', [['surgery.sterilization', 32], ['surgery.iudInsertion', 347]]],
    ['methods in use by the due women', '在应采取节育措施的75人中,带环14人、结扎50人、用药2人', [['surgery.sterilization', 50]]],
    ['a change stated before the label', '全区总出生1070人,比去年同期多出生140人', [['births.total', 140]]],
    ['a projection', '全乡共完成四术278例(指导数276例:上环77例、结扎199例)', [['surgery.sterilization', 199], ['surgery.iudInsertion', 77]]],
    ['money still to be paid', '将发放奖励扶助金共计772.6万元', [['subsidy.rewardAssistance.amount', 7726000]]],
    ['methods in use broken down under the users', '已落实各类避孕节育措施4120人,其中:上环2030人,结扎1460人,皮埋25人', [['surgery.iudInsertion', 2030], ['surgery.sterilization', 1460], ['surgery.implant', 25]]],
    ['methods in use after the prevalence rate', '已婚育龄妇女5200人,综合节育率88.2%,其中上环2310人,结扎1510人', [['surgery.iudInsertion', 2310], ['surgery.sterilization', 1510]]],
    ['methods in use in a bracket', '采取各种避孕措施3092人(上环1800人,结扎1100人)', [['surgery.iudInsertion', 1800]]],
    ['money still to be paid, the verb in the money’s wording', '奖扶对象1200人,将发放奖励金共计115.2万元', [['subsidy.rewardAssistance.amount', 1152000]]],
    ['a target list under its heading', '二、计生工作指标\n2、已婚育龄妇女综合避孕率达88%以上;\n3、出生统计准确率达95%以上', [['rate.contraceptivePrevalence', 88]]],
  ])('%s', (_name, text, absent) => {
    const found = ids(text);
    for (const a of absent) expect(found).not.toContainEqual(a);
  });
  it('digits into which the site ran a year (72023名 on a page that prints 2023年16月)', () => {
    const text = '2023年16月,全区奖扶对象2153名;特别扶助对象72023名(其中伤残标准298人,死亡标准42023人)';
    expect(ids(text)).toEqual([['subsidy.rewardAssistance', 2153], ['subsidy.specialAssistance.disabled', 298]]);
    expect(extract(text, { explain: true }).explain!.filter((e) => e.outcome === 'damaged').map((e) => e.number)).toEqual(['72023名', '42023人']);
  });
});

describe('the same words in the sense of a result are mentions', () => {
  it.each([
    ['operations done in the period after methods in use', '其中带环347例,结扎32例,(本年度放环一孩17例,二孩结扎3例)', [['surgery.iudInsertion', 17], ['surgery.sterilization', 3]]],
    ['births in a paragraph that first counts women', '已婚育龄妇女1865人。全年共出生74人,其中一孩32人,二孩38人', [['births.first', 32], ['births.second', 38]]],
    ['operations of the year after the married women, with no 其中', '已婚育龄妇女6812人,全年落实上环320例,结扎41例', [['surgery.iudInsertion', 320], ['surgery.sterilization', 41]]],
    ['operations of the year in a bracket after the methods in use', '已落实节育措施5931人,其中上环2874人(本年度放环120例,结扎31例)', [['surgery.iudInsertion', 120], ['surgery.sterilization', 31]]],
    ['operations broken down under their own total', '全年落实各种避孕措施205例,其中女扎43例,上环158例', [['surgery.sterilizationFemale', 43], ['surgery.iudInsertion', 158]]],
    ['a heading of the main targets’ achievement (实现状况)', '一、主要目标实现状况\n全镇出生302人', [['births.total', 302]]],
    ['money already paid', '奖扶对象1200人,已发放奖励金共计115.2万元', [['subsidy.rewardAssistance.amount', 1152000]]],
    ['married women among the migrants (a mention with its scope)', '流动人口中已婚育龄妇女2100人', [['population.marriedWomen', 2100]]],
    ['目标人群确认 (the programme’s own words for who qualifies)', '奖励扶助对象累计目标人群确认392人', [['subsidy.rewardAssistance', 392]]],
    ['a heading that reports the targets’ completion', '一、主要指标完成情况\n计划生育率为98.89%', [['rate.policyCompliance', 98.89]]],
    ['a count in a year whose digits hold no run-in year', '2023年6月,特别扶助对象72023名', [['subsidy.specialAssistance', 72023]]],
  ])('%s', (_name, text, present) => {
    const found = ids(text);
    for (const a of present) expect(found).toContainEqual(a);
  });
});
