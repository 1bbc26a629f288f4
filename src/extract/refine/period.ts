/**
 * The period a figure's own clause names, when it names one: a year
 * (2012年出生男孩128人), years (2012至2014年三个年度共出生…), part of a year
 * (1-10月, 上半年, 截至10月底). Carried to the figures after it in the same
 * sentence (2012年出生男孩128人,出生女孩141人;2013年…). The figure is still a
 * mention; the wide CSV takes only figures of the report's own period.
 */
import { CLAUSE_BREAK, SENTENCE_BREAK } from '../chars.js';
import { backTo, type Passage } from '../passage.js';
import type { Drop, Figure } from './figure.js';

const YEAR = String.raw`(?:19|20)(?:\d{2}|[xX×]{2}|\d[xX])`;
const PART = String.raw`截[至止]\s*(?:${YEAR}年)?\s*\d{1,2}\s*月[底末]?|\d{1,2}\s*[-—~至到]\s*\d{1,2}\s*月份?|[上下]半年|前三季度|第?[一二三四1-4]季度`;
/** A part of a year on its own (上半年, 1-10月, 截至9月底): the period a report's title names, as well. */
export const PART_OF_YEAR = new RegExp(PART, 'u');
const YEARS = String.raw`${YEAR}(?:年度?)?\s*[-—~至到]\s*${YEAR}年度?|${YEAR}年度?`;
/** The periods in a clause (the last one counts); a year right before a single month (2015年3月) is a date, not a period. */
const PERIOD = new RegExp(String.raw`(?:(?:${YEARS})[底末]?(?!\s*\d{1,2}\s*月(?!\s*[-—~至到]))\s*(?:${PART})?|${PART}|全年(?!龄))`, 'gu');

/** How far back in its clause a period is looked for, and how far it carries to the next figure. */
const REACH = 40;
const CARRY_REACH = 80;

export function period(p: Passage, f: Figure): Drop | undefined {
  const own = periodAt(p.text, f.start);
  // 全年 names the report's own whole period: nothing is carried over it (1-10月出生150人,全年出生171人).
  const found = own === WHOLE ? undefined : (own ?? carried(p, f.start));
  if (found) f.period = found;
  return undefined;
}
const WHOLE = '全年';

function periodAt(text: string, at: number): string | undefined {
  const from = backTo(text, at, CLAUSE_BREAK, REACH);
  const clause = text.slice(from, at);
  // Most clauses name no year or month: a cheap test first.
  if (!/年|月|季度/u.test(clause)) return undefined;
  let last: string | undefined;
  PERIOD.lastIndex = 0;
  for (let m = PERIOD.exec(clause); m; m = PERIOD.exec(clause)) {
    if (m[0].trim()) last = m[0].trim();
    if (m[0].length === 0) PERIOD.lastIndex++;
  }
  return last;
}

/** The period of the figure before, in the same sentence (no full stop, semicolon or line between). */
function carried(p: Passage, at: number): string | undefined {
  const prev = p.lastFigure();
  if (!prev?.period) return undefined;
  if (at - prev.end > CARRY_REACH) return undefined;
  const noBreak = backTo(p.text, at, SENTENCE_BREAK, at - prev.end) === prev.end;
  return noBreak ? prev.period : undefined;
}

/** The year a period names when it is one whole year (2015年, 2015年度, 2015年底), else undefined. */
export function wholeYear(period: string): number | undefined {
  const m = /^((?:19|20)\d{2})年(?:度|底|末)?$/u.exec(period);
  return m ? Number(m[1]) : undefined;
}
