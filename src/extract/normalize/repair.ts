/**
 * Repairs that change the text's length: what document-sharing sites and
 * PDF-to-text conversion put inside words and numbers. Each is a stretch to
 * delete; index.ts keeps a map from the repaired text back to the original,
 * so every span still points into what the user has.
 *
 * - a pinyin note after a character on converted copies: 鎮(zhèn);
 * - a line break, with a page number on the next line, inside a label or
 *   between a number and its unit: 其中政⏎2、策内出生, 避孕节⏎育手术,
 *   政策外出生800⏎人 (only where the join makes a label or a unit: a
 *   paragraph that simply ends is left alone);
 * - a space inside a digit group: 5 393人;
 * - zero-width characters and soft hyphens.
 */
import type { LiteralTrie } from '../../rules/trie.js';

/** [start, end) pairs, in order and disjoint. */
export type Deletions = number[];

const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/g;
// A break between two characters, and what a page-numbered copy puts after it (2、, 12 ).
const BREAK = /[ \t]*\r?\n[ \t]*(?:\d{1,3}[、.]?[ \t]*)?/g;
const DIGIT_GROUPS = /(?<![\d.])\d{1,3}(?: \d{3})+(?![\d.])/g;
const INVISIBLE = /[\u200b\u200c\u200d\u2060\u00ad]+/g;
const INVISIBLE_CHAR = /[\u200b\u200c\u200d\u2060\u00ad]/;
// What may follow a number as its unit, so that a break between them is no paragraph's end.
const UNIT_START = /^(?:人|名|例|对|户|元|万|亿|%|‰|个)/;
// A list marker opening a short line: a heading, whose end is a real break.
const HEADING_START = /^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[、.])/;
const SHORT_LINE = 24;
// How far a label may reach over a junction, either side.
const REACH = 10;

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;
const isDigit = (c: number) => c >= 48 && c <= 57;

export function findDeletions(text: string, units: Uint16Array, labels?: LiteralTrie): Deletions {
  const found: Deletions = [];
  const add = (start: number, end: number) => found.push(start, end);
  if (text.includes('(')) {
    PINYIN.lastIndex = 0;
    let noteEnd = -1;
    for (let m = PINYIN.exec(text); m; m = PINYIN.exec(text)) {
      // After a character (invisible ones aside), or after the note before it.
      let before = m.index - 1;
      while (before >= 0 && INVISIBLE_CHAR.test(text[before]!)) before--;
      if (!isHan(text.charCodeAt(before)) && m.index !== noteEnd && before + 1 !== noteEnd) continue;
      noteEnd = m.index + m[0].length;
      add(m.index, noteEnd);
    }
  }
  if (labels) {
    BREAK.lastIndex = 0;
    for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) {
      const end = m.index + m[0].length;
      if (joins(text, units, m.index, end, labels)) add(m.index, end);
    }
  }
  if (text.includes(' ')) {
    DIGIT_GROUPS.lastIndex = 0;
    for (let m = DIGIT_GROUPS.exec(text); m; m = DIGIT_GROUPS.exec(text)) {
      // A count in groups of three (5 393人): followed by a unit, so two numbers in a row are not joined.
      if (!UNIT_START.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3).trimStart())) continue;
      for (let i = m.index; i < m.index + m[0].length; i++) if (text.charCodeAt(i) === 32) add(i, i + 1);
    }
  }
  INVISIBLE.lastIndex = 0;
  for (let m = INVISIBLE.exec(text); m; m = INVISIBLE.exec(text)) add(m.index, m.index + m[0].length);
  return sortPairs(found);
}

/** Whether deleting text[from, to) (a break) joins a label, or a number and its unit. */
function joins(text: string, units: Uint16Array, from: number, to: number, labels: LiteralTrie): boolean {
  const before = text.charCodeAt(from - 1);
  const after = text.charCodeAt(to);
  if (isDigit(before)) return UNIT_START.test(text.slice(to, to + 1));
  if (!isHan(before) || !isHan(after)) return false;
  // The line before: a short heading ends where it ends.
  let lineStart = from;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && from - lineStart <= SHORT_LINE) lineStart--;
  if (from - lineStart <= SHORT_LINE && HEADING_START.test(text.slice(lineStart, from))) return false;
  // The characters either side of the break, joined, and a label across the junction.
  const left = Math.max(lineStart, from - REACH);
  const window = new Uint16Array(from - left + REACH);
  window.set(units.subarray(left, from), 0);
  const right = units.subarray(to, Math.min(units.length, to + REACH));
  window.set(right, from - left);
  const junction = from - left;
  const length = junction + right.length;
  for (let s = 0; s < junction; s++) {
    const literal = labels.longestAt(window, s, length);
    // A label of two characters across a line (人⏎流动人口 reads 人流) is more often chance than a broken word.
    if (literal && literal.length > 2 && s + literal.length > junction) return true;
  }
  return false;
}

function sortPairs(pairs: number[]): Deletions {
  const list: [number, number][] = [];
  for (let i = 0; i < pairs.length; i += 2) list.push([pairs[i]!, pairs[i + 1]!]);
  list.sort((a, b) => a[0] - b[0]);
  const out: Deletions = [];
  for (const [s, e] of list) {
    if (out.length && s < out[out.length - 1]!) {
      out[out.length - 1] = Math.max(out[out.length - 1]!, e);
      continue;
    }
    out.push(s, e);
  }
  return out;
}
