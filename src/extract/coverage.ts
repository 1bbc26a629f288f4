/**
 * Coverage: what became of every number in the text, so that a researcher
 * knows which figures to read by hand. Every number token is counted: the
 * numbers the scanner read (with their outcome from attach.ts) and the
 * candidates it passed over (years, dates, markers: scan.ts says which). A number with a unit of count, money or rate that became no
 * figure and that nothing classified is "unread", and listed with its span.
 */
import type { z } from 'zod';
import type { Coverage, CoverageClass } from '../report.js';
import type { Outcome } from './attach.js';
import { sourceSpan, type Normalized } from './normalize/index.js';
import type { NumberMention, Passed } from './numbers/scan.js';
import type { CompiledGrammar } from '../rules/load.js';
import { CLAUSE_BREAK, codeTable, isSpace } from './chars.js';
import { backTo } from './passage.js';

type Class = z.infer<typeof CoverageClass>;

// After a bare number, what makes it a numeral inside a label (1孩, 313工程) or a count of things outside the indicators.
const LABEL_AFTER = /^(?:孩|胎|术|查|非|项|大|种|次|篇|号文|工程|件实事|条)/u;

const WITH_UNIT = new Set(['count', 'money', 'rate', 'ratio']);
// Right before a number no label took: a change (比去年同期减少37人, 同比增加12人), or a comparison's baseline (比2002年的9.34‰).
const CHANGE_BEFORE = /(?:增加|减少|上升|下降|提高|降低|增长|回落|回升|多|少|增|减)了?\s*$/u;
const BASELINE_BEFORE = /(?:比|较|与)[^,;。]{0,12}的\s*$/u;
// 一名领导, 一起案件: the numeral one before a unit is an article, not a figure.
const ARTICLE = /^[一壹]$/u;

/** The kind of the grammar's clause filter that the clause before `at` matches (每人每年960元: a standard), if any. */
function filterKind(text: string, at: number, grammar: CompiledGrammar): string | undefined {
  const re = grammar.rejects.clause;
  if (!re) return undefined;
  const clause = text.slice(backTo(text, at, CLAUSE_BREAK, CLAUSE_WINDOW), at);
  if (!re.test(clause)) return undefined;
  return grammar.filters.find((f) => f.where === 'clause' && f.re.test(clause))?.kind;
}
const CLAUSE_WINDOW = 40;

/** Whether a word naming another quantity stands in the clause before `at` (grammar `others`). */
function namesOther(norm: Normalized, at: number, others: CompiledGrammar['others']): boolean {
  if (!others) return false;
  return others.words.occursIn(norm.units, backTo(norm.text, at, CLAUSE_BREAK, others.window), at);
}

/**
 * A change (同比增加12人) or a comparison's baseline (比2002年的9.34‰) that ends right before
 * `at`. Both expressions end in a word before spaces: the last character past spaces says
 * which can match, and neither is tried where it cannot end one (most numbers no label
 * took are neither, and each expression cost a tenth of a microsecond).
 */
function changeOrBaseline(text: string, at: number): 'change' | 'baseline' | undefined {
  let i = at - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  const last = i >= 0 ? text.charCodeAt(i) : 0;
  if (CHANGE_LAST[last] === 1 && CHANGE_BEFORE.test(text.slice(Math.max(0, at - 8), at))) return 'change';
  if (last === DE && BASELINE_BEFORE.test(text.slice(Math.max(0, at - 16), at))) return 'baseline';
  return undefined;
}
// The characters CHANGE_BEFORE's words end with, and 了; BASELINE_BEFORE's 的.
const CHANGE_LAST = codeTable([['加少升降高低长落多增减了', 1]]);
const DE = 0x7684; // 的

export function coverageOf(norm: Normalized, numbers: NumberMention[], passed: Passed[], outcomes: Outcome[], lineOf: (offset: number) => number, grammar: CompiledGrammar): Coverage {
  const others = grammar.others;
  // Counted in a map, made an object once: an object keyed by class names takes a new shape
  // with each file's first order of classes, and V8 reads such objects by its slowest path.
  const counts = new Map<string, number>();
  const tally = (c: string) => counts.set(c, (counts.get(c) ?? 0) + 1);
  const unread: Coverage['unread'] = [];
  let figures = 0;
  let withUnit = 0;
  let count = 0;
  let kind: string | undefined;
  numbers.forEach((n, k) => {
    count++;
    const unit = WITH_UNIT.has(n.unitClass);
    if (unit) withUnit++;
    const o = outcomes[k]!;
    if (o === 'figure') figures++;
    else if (o !== 'unbound') tally(o);
    else if (unit && ARTICLE.test(n.printed)) tally('bare');
    else if (unit && (kind = filterKind(norm.text, n.start, grammar))) tally(kind);
    else if (unit && (kind = changeOrBaseline(norm.text, n.start))) tally(kind);
    else if (unit && namesOther(norm, n.start, others)) tally('other');
    else if (unit) {
      const [start, end] = sourceSpan(norm, n.start, n.end);
      unread.push({ text: norm.source.slice(start, end), start, end, line: lineOf(start) });
    } else tally(LABEL_AFTER.test(norm.text.slice(n.end, n.end + 4)) ? 'label' : 'bare');
  });
  // Candidates the scanner passed over: years, dates, ages, markers, identifiers.
  for (const x of passed) {
    count++;
    tally(x.class);
  }
  const read = withUnit - unread.length;
  const classified: Record<string, number> = Object.fromEntries(counts);
  return { numbers: count, figures, withUnit, percent: withUnit ? Math.floor((100 * read) / withUnit) : 100, classified, unread };
}
