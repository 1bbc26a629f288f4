/**
 * Splitting a file into the reports it holds. Web pages often carry several
 * reports (篇1, 篇2; "更多…延伸阅读" compilations; the same report pasted
 * twice) inside site debris. A section starts at a heading line: short, no
 * sentence punctuation, naming a report (总结, 汇报, 报告, 材料, 篇N, 安排…).
 * Each section gets its place, level and year where the text states them.
 */
import { mapObjects, type EveryField } from '../util/shape.js';
import { codeTable, isSpace } from './chars.js';
import { countAtOrBefore } from '../util/bisect.js';
import type { Section } from '../report.js';
import { normalized, sourceAt, sourceSpan, type Normalized } from './normalize/index.js';

const HEADING_WORD = /(?:总结|汇报|报告|材料|讲话|安排|要点|篇\s*[0-9一二三四五六七八九十]+)\s*(?:\.docx?|\.pdf)?\s*$/;
// 一、 (一) 1、 1. 2、 - : list items and keyword debris, not report headings.
const LIST_MARKER = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．]|[-•·*]|关\s*键\s*词)/;
const SENTENCE_PUNCT = /[。,;!?:]/;
const DEBRIS = /(?:延伸阅读|更多.{0,12}(?:范文|总结|推荐)|希望(?:能)?对(?:大家|您)有所帮助|www\.|\.com|\.cn|由会员分享|珍藏版|热门.{0,10}推荐)/i;
const MIN_BODY = 120;
const HEADING_MIN = 4;
const HEADING_MAX = 48;

const LEVELS = ['街道', '乡', '镇', '县', '区', '市', '州', '省'] as const;
const SUFFIX = '(?:自治县|自治州|街道|县|区|市|镇|乡|州)';
// A place name is found by what follows it (an agency, a geographic phrase),
// then read backwards: scanning forwards cannot tell where a name starts in
// unpunctuated Chinese (自查工作汇报盂县人口和计划生育局).
// A year in numerals (二〇一二年) and 办事处 (南湖街道办事处) anchor a name as digits and agencies do.
const TITLE_ANCHOR = new RegExp(`${SUFFIX}(?=\\s*(?:\\d|[〇零○一二]|年|人口|计生|计划生育|卫生|妇联|关于|工作|办事处))`, 'gu');
// A title that starts with the bare level (县2023年…).
const BARE_LEVEL = new RegExp(`^${SUFFIX}`);
const BODY_ANCHOR = new RegExp(`${SUFFIX}(?=人口和计划生育局|人口和计划生育委员会|人口计生局|人口计生委|卫生和计划生育局|卫计局|计生局|计生委|计生办|人民政府|位于|地处|辖|总人口)`, 'gu');
// Characters that do not occur inside the place names these reports use; the
// name starts after the last of them (作汇报盂县 → 盂县, 结合我市 → 市).
const NOT_IN_NAME = /^.*[我全本在的和与及是为由经各该对年作报告结查汇总工材料于到前合理配加强统筹等、xX\d]/u;
const SELF_PLACE = /(?:我|全|本)(街道|镇|乡|县|区|市|州)/gu;
const YEAR = /((?:19|20)\d{2})\s*年|((?:一九|二[〇零○])[〇零○一二三四五六七八九]{2})\s*年/u;
const YEAR_DIGITS: Record<string, string> = { 〇: '0', 零: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** 2013年 or 二〇一三年 → 2013. */
function yearOf(m: RegExpExecArray): number {
  return Number(m[1] ?? [...m[2]!].map((c) => YEAR_DIGITS[c]).join(''));
}
const REDACTED_YEAR = /(?:20|19)?(?:xx|XX|××|__|_|＿|\*\*)\s*年|X{2}年/u;
const PERIOD = /((?:19|20)(?:\d{2}|xx|XX)年\d{1,2}月\d{1,2}日\s*[—\-至到~]+\s*(?:19|20)(?:\d{2}|xx|XX)年\d{1,2}月\d{1,2}日)/u;
const AGENCY = /(?:人口和计划生育局|人口和计划生育委员会|人口计生局|人口计生委|卫生和计划生育局|卫计局|计生办|计生局|妇联)/u;

/** A heading line: where it starts, its trimmed text (normalised) and its title as printed. */
type HeadingLine = { at: number; title: string; printed: string };

/** Heading lines. Only lines of heading length are looked at. */
function headingLines(norm: Normalized): HeadingLine[] {
  const { text, source } = norm;
  const out: HeadingLine[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // Most lines are paragraphs longer than a heading: skip them without slicing,
    // unless whitespace at either end (a centred title) could trim them to length.
    const length = end - start;
    const padded = length > HEADING_MAX && (isSpace(text.charCodeAt(start)) || isSpace(text.charCodeAt(end - 1)));
    if (length >= HEADING_MIN && (length <= HEADING_MAX || padded)) {
      const line = text.slice(start, end);
      if (isHeading(line)) out.push({ at: start, title: line.trim(), printed: source.slice(...sourceSpan(norm, start, end)).trim() });
    }
    start = end + 1;
  }
  return out;
}

function isHeading(line: string): boolean {
  const t = line.trim();
  if (t.length < HEADING_MIN || t.length > HEADING_MAX) return false;
  if (SENTENCE_PUNCT.test(t.replace(/\.docx?$|\.pdf$/, ''))) return false;
  if (DEBRIS.test(t) || LIST_MARKER.test(t)) return false;
  return HEADING_WORD.test(t);
}

/** `redacted`: the redacted year as printed (20XX年), when the report's year is one. */
export type SectionInfo = Section & { redacted?: string };

/** At least MIN_BODY non-space characters in [from, to) beyond the title; stops counting once there. */
function hasBody(text: string, from: number, to: number, titleLength: number): boolean {
  let n = -titleLength;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c) && ++n >= MIN_BODY) return true;
  }
  return false;
}

/** Sections in order; a file with no heading is one section. */
export function splitSections(text: string): SectionInfo[] {
  const norm = normalized(text);
  const sections = sectionsOf(norm);
  for (const s of sections) [s.start, s.end] = [sourceAt(norm, s.start), sourceAt(norm, s.end)];
  return sections;
}

/** Sections of a normalised text: found in `text`, titles quoted from `source`. */
export function sectionsOf(norm: Normalized): SectionInfo[] {
  const { text } = norm;
  const starts = headingLines(norm);
  if (!starts.length || starts[0]!.at > 0) starts.unshift({ at: 0, title: '', printed: '' });
  // A heading followed by too little body (a page title repeated above its report) merges into the next.
  const merged: HeadingLine[] = [];
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    const next = starts[i + 1]?.at ?? text.length;
    if (!hasBody(text, s.at, next, s.title.length) && i + 1 < starts.length) {
      const later = starts[i + 1]!;
      starts[i + 1] = later.title ? { ...later, at: s.at } : { ...s };
      continue;
    }
    merged.push(s);
  }
  // Trailing debris after the last report (keywords, download notices) stays with it.
  while (merged.length > 1) {
    const last = merged[merged.length - 1]!;
    if (hasBody(text, last.at, text.length, last.title.length)) break;
    merged.pop();
  }
  const sections: SectionInfo[] = mapObjects(merged, (s, i) => {
    const end = merged[i + 1]?.at ?? text.length;
    return describe(text, s, end);
  });
  markDuplicates(norm.units, sections);
  return sections;
}

function describe(text: string, { at: start, title, printed }: HeadingLine, end: number): SectionInfo {
  const head = text.slice(start, Math.min(end, start + 600));
  let redacted: string | undefined;
  const titleYear = YEAR.exec(title);
  const bodyYear = YEAR.exec(head);
  let year: number | null = null;
  if (titleYear) year = yearOf(titleYear);
  else if (REDACTED_YEAR.test(title) || (!bodyYear && REDACTED_YEAR.test(head))) {
    redacted = (REDACTED_YEAR.exec(title) ?? REDACTED_YEAR.exec(head))![0];
  } else if (bodyYear) year = yearOf(bodyYear);

  const place = findPlace(title, head, text.slice(start, end));
  const level = place ? (LEVELS.find((l) => place.endsWith(l)) ?? null) : null;
  const period = PERIOD.exec(head)?.[1];
  const issuer = issuerOf(title) ?? issuerOf(head.slice(0, 120));
  // Every field in one literal, absent ones undefined: one shape for every section (util/shape.ts).
  // The report's own sections (pipeline.ts) leave the absent ones out.
  return { title: printed, place, level, year, period, issuer, start, end, duplicateOf: undefined, redacted } satisfies EveryField<SectionInfo>;
}

function issuerOf(s: string): string | undefined {
  const m = AGENCY.exec(s);
  if (!m) return undefined;
  // 在县人口计生局的具体指导下: the agency that guided, not the one that reports.
  if (/在|由|经|受|按照|接受|配合|协调/u.test(s.slice(Math.max(0, m.index - 6), m.index))) return undefined;
  const suffix = /(?:县|区|市|镇|乡|州)$/u.exec(s.slice(0, m.index));
  const place = suffix ? nameEndingAt(s, m.index - 1, 1) : '';
  return place + m[0];
}

/** The name before the suffix at `at`: up to four Han characters, less words that cannot begin a name. */
function nameEndingAt(text: string, at: number, suffixLength: number): string {
  let from = at;
  while (from > 0 && at - from < 4 && /[\u4e00-\u9fa5]/u.test(text[from - 1]!)) from--;
  return text.slice(from, at).replace(NOT_IN_NAME, '') + text.slice(at, at + suffixLength);
}

function named(text: string, anchor: RegExp): string | null {
  anchor.lastIndex = 0;
  for (let m = anchor.exec(text); m; m = anchor.exec(text)) {
    const name = nameEndingAt(text, m.index, m[0].length);
    if (name.length > m[0].length) return name;
  }
  return null;
}

/**
 * The place a report speaks for: a name in its title, a name before its
 * agency or in its geographic opening (桂阳县位于…), the bare level a title
 * starts with (县2023…), or the level it calls itself by (我镇).
 */
function findPlace(title: string, head: string, body: string): string | null {
  const fromTitle = named(title, TITLE_ANCHOR);
  if (fromTitle) return fromTitle;
  const fromBody = named(head, BODY_ANCHOR);
  if (fromBody) return fromBody;
  const bare = BARE_LEVEL.exec(title.trim());
  if (bare) return bare[0];
  const counts = new Map<string, number>();
  SELF_PLACE.lastIndex = 0;
  for (let m = SELF_PLACE.exec(body); m; m = SELF_PLACE.exec(body)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  let best: string | null = null;
  for (const [k, v] of counts) if (best === null || v > counts.get(best)!) best = k;
  return best;
}

/**
 * The sentences of text[start, end) of 12 characters or more, each as a number
 * (a 30-bit hash of its characters): whitespace other than line breaks left out,
 * split at 。;!? and line breaks. Numbers, not strings: one pass over the code units,
 * with no copy of the section, no slices and no string hashing; and small integers,
 * which V8 keeps unboxed (a wider key was a heap number per sentence). Two different
 * sentences share a key with odds of about 2^-30, and a repeat needs 80 % of a
 * section's sentences to match: no chance collision comes near that.
 */
function sentencesOf(units: Uint16Array, start: number, end: number): Set<number> {
  const sentences = new Set<number>();
  let h1 = FNV_SEED;
  let h2 = 0x9e3779b9;
  let length = 0;
  for (let i = start; i <= end; i++) {
    const c = i < end ? units[i]! : 0x0a;
    if (SPACE_OR_BREAK[c] === 1) continue;
    if (SPACE_OR_BREAK[c] === 2) {
      if (length >= 12) sentences.add((h1 ^ Math.imul(h2, 0x27d4eb2d)) & 0x3fffffff);
      h1 = FNV_SEED;
      h2 = 0x9e3779b9;
      length = 0;
      continue;
    }
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    length++;
  }
  return sentences;
}
const FNV_SEED = 0x811c9dc5;
// 1: whitespace left out of a sentence (what \s matches but the line break); 2: what ends one.
const SPACE_OR_BREAK = codeTable([
  ['\t\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff', 1],
  ['。;!?\n', 2],
]);

/**
 * A later section whose sentences mostly repeat an earlier one is that report
 * again. Sentences are indexed to the sections holding them. An original that
 * holds 80 % of a section's sentences holds at least one of any fifth of them
 * plus one: so the candidates are the holders of the fifth whose sentences are
 * held least often, and boilerplate that every section of a compilation shares
 * (一、基本情况 …) is never walked section by section — a page of many sections
 * costs about the number of its sentences, not their square.
 */
function markDuplicates(units: Uint16Array, sections: SectionInfo[]): void {
  if (sections.length < 2) return;
  const holders = new Map<number, number[]>(); // sentence → originals (not duplicates) holding it, in order
  const held: Set<number>[] = [];
  sections.forEach((section, j) => {
    const sentences = sentencesOf(units, section.start, section.end);
    held[j] = sentences;
    if (j > 0 && sentences.size >= 2) {
      const rarest = [...sentences].map((x) => holders.get(x) ?? []).sort((a, b) => a.length - b.length);
      const candidates = new Set<number>();
      for (const list of rarest.slice(0, Math.floor(0.2 * sentences.size) + 1)) for (const i of list) candidates.add(i);
      let first: number | undefined;
      for (const i of candidates) {
        if (first !== undefined && i > first) continue;
        let n = 0;
        for (const x of sentences) if (held[i]!.has(x)) n++;
        if (n / sentences.size >= 0.8) first = i;
      }
      if (first !== undefined) {
        section.duplicateOf = first;
        return;
      }
    }
    for (const x of sentences) {
      const list = holders.get(x);
      if (list) list.push(j);
      else holders.set(x, [j]);
    }
  });
}

/** The sections' start offsets, in order: what finding the section of an offset needs (a plain array of numbers, one shape however the sections differ). */
export function sectionStarts(sections: Pick<Section, 'start'>[]): number[] {
  const starts: number[] = [];
  for (const s of sections) starts.push(s.start);
  return starts;
}

/** Where the section holding `offset` begins (0 when there is none). */
export function sectionStartAt(starts: number[], offset: number): number {
  const n = countAtOrBefore(starts.length, (i) => starts[i]!, offset);
  return n ? starts[n - 1]! : 0;
}

/** Index of the section holding `offset`. */
export function sectionAt(starts: number[], offset: number): number {
  return Math.max(0, countAtOrBefore(starts.length, (i) => starts[i]!, offset) - 1);
}
