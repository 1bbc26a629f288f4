/**
 * Numbers without a label of their own that the topic before them names:
 * the money right after a count of a benefit's recipients (独保费109人,
 * 11.75万元 is that benefit's money), the recipients in a bracket right after
 * a benefit's money (奖扶资金41.28万元(430人)), and counts of recipients broken down
 * under 其中 by a word this tool has no label for (奖扶441人,其中国家级352人,
 * 省级59人: each is a count of the same recipients).
 */
import type { CompiledRule } from '../../rules/load.js';
import type { Passage } from '../passage.js';
import { benefitBefore } from '../refine/topic.js';
import { binding, type Binder } from './binding.js';

// What may stand between the recipients and their money: 109人,11.75万元 · 2人累计0.24万元.
const TO_MONEY = /^[\s,、]*(?:累计|共计|共|合计|计|金额|资金)?[\s:为]*$/u;
// 其中 and a qualifier word before a count: 其中国家级352人 · 其中城镇无业2人.
const FIRST_PART = /^[\s,、;]*其中[:,]?\s*([\u4e00-\u9fff]{1,6})$/u;
// A further part of the same breakdown: ,省级59人 · 、市级3人.
const NEXT_PART = /^[\s,、]*([\u4e00-\u9fff]{1,6})$/u;
const MAX_LINK = 14;
// A standard per head between the recipients and their total, which 共计 (or its kin) announces.
const STANDARD_THEN_TOTAL = /^[\s,、]*[^,;。!?\d]{0,12}\d{1,6}(?:\.\d{1,2})?元(?:\s*[/·]\s*(?:人|户|对|年|月))*(?:的标准)?[\s,、]*(?:累计|共计|共|合计|总计|计)(?:发放|兑现|拨付)?(?:资金|金额)?[\s:为达]*$/u;
const MAX_STANDARD_LINK = 40;
// What opens a bracket of recipients after their money: (430人) · (涉及430人).
const IN_BRACKET = /^\s*\(\s*(?:共|涉及|惠及|受益)?\s*$/u;
const NOT_A_PART = /新增|净增|增加|减少|退出|取消|死亡/u;

function moneyRules(p: Passage, id: string): CompiledRule[] {
  return p.set.rules.filter((r) => r.id === id && r.accepts.includes('money'));
}

export const topic: Binder = {
  name: 'topic',
  bind(p, { n, prevEnd }) {
    const prev = p.lastFigure();
    if (!prev) return undefined;
    // The total paid after a standard per head: 为4215名奖扶对象每人每年发放960元,共计404.64万元.
    if (n.unitClass === 'money' && prev.end !== prevEnd && n.start - prev.end <= MAX_STANDARD_LINK && STANDARD_THEN_TOTAL.test(p.text.slice(prev.end, n.start))) {
      const amount = benefitBefore(p, n.start) === prev ? p.set.registry.byId.get(prev.id)?.amount : undefined;
      if (amount) return binding('topic', prev.label, moneyRules(p, amount), n, prev.label.start, n.end, prev.label.start, prev.label.start);
    }
    if (prev.end !== prevEnd || n.start - prev.end > MAX_LINK) return undefined;
    const between = p.text.slice(prev.end, n.start);
    if (n.unitClass === 'money' && TO_MONEY.test(between)) {
      const benefit = benefitBefore(p, n.start);
      const amount = benefit === prev ? p.set.registry.byId.get(prev.id)?.amount : undefined;
      if (!amount) return undefined;
      return binding('topic', prev.label, moneyRules(p, amount), n, prev.label.start, n.end, prev.label.start, prev.label.start);
    }
    // Recipients in a bracket right after their money: 奖扶资金41.28万元(430人).
    if (n.unitClass === 'count' && prev.number.unitClass === 'money' && IN_BRACKET.test(between)) {
      const recipients = p.set.registry.recipientsOf.get(prev.id);
      const rules = recipients ? p.set.rules.filter((r) => r.id === recipients && r.accepts.includes('count') && !r.topic) : [];
      if (!rules.length) return undefined;
      return binding('topic', prev.label, rules, n, prev.label.start, n.end, prev.label.start, prev.label.start);
    }
    if (n.unitClass !== 'count' || n.unit !== prev.number.unit) return undefined;
    // The first part of a breakdown needs 其中; its siblings follow it.
    const part = (prev.binder === 'topic' ? NEXT_PART : FIRST_PART).exec(between);
    if (!part || !p.set.registry.byId.get(prev.id)?.amount) return undefined;
    // 其中当年新增97人 is a change, not a part.
    if (NOT_A_PART.test(part[1]!) || p.grammar.looseGap?.forbiddenRe.test(part[1]!)) return undefined;
    if (n.value > (prev.whole ?? prev).number.value) return undefined;
    const wordStart = n.start - part[1]!.length;
    const label = { start: wordStart, end: n.start, literal: part[1]! };
    return binding('topic', label, [prev.rule], n, wordStart, n.end, wordStart, wordStart, false, false, prev.whole ?? prev);
  },
};
