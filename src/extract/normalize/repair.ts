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
 *   paragraph that simply ends is left alone), or after a decimal point: 94.⏎87%;
 * - a line break after a comma, where a wrapped sentence runs on;
 * - a space inside a digit group: 5 393人;
 * - zero-width characters and soft hyphens (U+200B by the time they get here).
 */
import type { LiteralTrie } from '../../rules/trie.js';
import { codeAt, isDigit } from '../chars.js';

/** [start, end) pairs, in order and disjoint. */
export type Deletions = number[];

// Each repair is looked for only where its first character stands (indexOf is far cheaper than a
// regular expression over the whole text), then read with a sticky expression at that place.
const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/y;
// What a page-numbered copy puts after a break (2、, 12 ).
const PAGE_NUMBER = /[ \t]*(?:\d{1,3}[、.]?[ \t]*)?/y;
const DIGIT_GROUPS = /\d{1,3}(?: \d{3})+(?![\d.])/y;
const INVISIBLE_CHAR = /\u200b/;
// What may follow a number as its unit, so that a break between them is no paragraph's end.
const UNIT_START = /^(?:人|名|例|对|户|元|万|亿|%|‰|个)/;
// A list marker opening a short line: a heading, whose end is a real break.
const HEADING_START = /^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[、.])/;
const SHORT_LINE = 24;
// How far a label may reach over a junction, either side.
const REACH = 10;

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;
const isBlank = (c: number) => c === 32 || c === 9 || c === 13;

export function findDeletions(text: string, units: Uint16Array, labels?: LiteralTrie): Deletions {
  const found: Deletions = [];
  const add = (start: number, end: number) => found.push(start, end);
  // Each repair is looked for at its first character with indexOf (native, a few microseconds
  // a report), then read with a sticky expression there.
  let noteEnd = -1;
  for (let at = text.indexOf('('); at >= 0; at = text.indexOf('(', at + 1)) {
    PINYIN.lastIndex = at;
    const m = PINYIN.exec(text);
    if (!m) continue;
    // After a character (invisible ones aside), or after the note before it.
    let before = at - 1;
    while (before >= 0 && INVISIBLE_CHAR.test(text[before]!)) before--;
    if (!isHan(codeAt(text, before)) && at !== noteEnd && before + 1 !== noteEnd) continue;
    noteEnd = at + m[0].length;
    add(at, noteEnd);
  }
  if (labels) {
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
      let from = nl;
      while (from > 0 && isBlank(text.charCodeAt(from - 1))) from--;
      const before = codeAt(text, from - 1);
      // A number broken after its decimal point (94.⏎87%): its digits run on.
      if (before === 46 && isDigit(codeAt(text, from - 2)) && isDigit(codeAt(text, nl + 1))) {
        add(from, nl + 1);
        continue;
      }
      // A line that ends in a comma is wrapped, not ended (8216例,⏎其中:上环…): its sentence runs on.
      if (before === 44 || before === 0x3001) {
        let to = nl + 1;
        while (to < text.length && isBlank(text.charCodeAt(to))) to++;
        if (to < text.length && text.charCodeAt(to) !== 10) add(from, to);
        continue;
      }
      // Most lines end with a full stop: no word and no number runs on over them.
      if (!isHan(before) && !isDigit(before)) continue;
      PAGE_NUMBER.lastIndex = nl + 1;
      const end = nl + 1 + PAGE_NUMBER.exec(text)![0].length;
      if (joins(text, units, from, end, labels)) add(from, end);
    }
  }
  for (let sp = text.indexOf(' '); sp >= 0; sp = text.indexOf(' ', sp + 1)) {
    if (!isDigit(codeAt(text, sp - 1)) || !isDigit(codeAt(text, sp + 1))) continue;
    // The start of the first group: one to three digits, no digit or point before.
    let start = sp - 1;
    while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
    if (sp - start > 3 || codeAt(text, start - 1) === 46) continue;
    DIGIT_GROUPS.lastIndex = start;
    const m = DIGIT_GROUPS.exec(text);
    if (!m) continue;
    const end = start + m[0].length;
    sp = end;
    // A count in groups of three (5 393人): followed by a unit, so two numbers in a row are not joined.
    if (!UNIT_START.test(text.slice(end, end + 3).trimStart())) continue;
    for (let i = start; i < end; i++) if (text.charCodeAt(i) === 32) add(i, i + 1);
  }
  // Invisible characters are all U+200B by now (characters.ts).
  for (let at = text.indexOf('\u200b'); at >= 0; at = text.indexOf('\u200b', at + 1)) add(at, at + 1);
  return sortPairs(found);
}

/** Whether deleting text[from, to) (a break) joins a label, or a number and its unit. */
function joins(text: string, units: Uint16Array, from: number, to: number, labels: LiteralTrie): boolean {
  const before = codeAt(text, from - 1);
  const after = codeAt(text, to);
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
