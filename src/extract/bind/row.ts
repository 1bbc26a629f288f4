/**
 * Table rows: a label opens its line and a bare number closes it
 * (出生人数\t1083), where a count's unit stands in the header, so a bare
 * number counts; never money (元 or 万元?). A unit in the label's bracket or
 * in a cell of its own is read: 总人口(万人)\t28.6 is 286000 persons.
 */
import { readWithUnit, type NumberMention } from '../numbers/scan.js';
import { labelFirst, type Binder } from './binding.js';
import { bindsTo } from './gap.js';

// What may open a table row before its label: nothing, or a list marker (1、 (一) 2.).
const ROW_OPENING = /^[ \t]*(?:(?:\d{1,2}[、.]|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\))[ \t]*)?$/;
// Or a few words of the label's own cell (年末总人口, 其中:政策内), when a cell break follows the label.
const CELL_OPENING = /^[ \t]*(?=\S)(?:其中:?)?[\u4e00-\u9fff]{0,4}$/u;
const ROW_OPENING_MAX = 12;

/** Whether a label and the bare number `n` open and close one line. */
export function isRow(text: string, label: { start: number; end: number }, n: NumberMention): boolean {
  if (n.unitClass !== 'none' || n.scaled) return false;
  // The line's start, looked for only as far back as an opening can reach: on a
  // long line a search to its start for every number would cost its square.
  let lineStart = label.start;
  while (lineStart > 0 && label.start - lineStart <= ROW_OPENING_MAX && text[lineStart - 1] !== '\n') lineStart--;
  if (lineStart > 0 && text[lineStart - 1] !== '\n') return false;
  const opening = text.slice(lineStart, label.start);
  if (!ROW_OPENING.test(opening) && !(CELL_OPENING.test(opening) && (text[label.end] === '\t' || text[label.end] === ' '))) return false;
  let j = n.end;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
  return j >= text.length || text[j] === '\n';
}

// A table row's unit: in its label's bracket (总人口(万人)\t28.6), or in a cell of
// its own between label and number (总人口\t万人\t28.6, as HTML tables give).
const ROW_UNIT = /\((万人|万元|亿元|元|万)\)/;
const CELL_UNIT = /^[ \t]*\t(万人|万元|亿元|元|万|人|名|例|对|户|%|‰)[ \t]*\t[ \t]*$/;

export const row: Binder = {
  name: 'row',
  near: true,
  bind(p, { n, prevEnd, before, listed, row }) {
    if (!before || !row || before.start < prevEnd || listed !== undefined) return undefined;
    const gap = p.text.slice(before.end, n.start);
    const word = (ROW_UNIT.exec(gap) ?? CELL_UNIT.exec(gap))?.[1];
    const read = word ? readWithUnit(n, word) : undefined;
    // A unit cell binds a row's label to its number as the grammar's gap would.
    if (!bindsTo(before, n, prevEnd, p.text, p.grammar) && !(read && CELL_UNIT.test(gap))) return undefined;
    return labelFirst('row', before, before.rules, read ?? n, prevEnd, true);
  },
};
