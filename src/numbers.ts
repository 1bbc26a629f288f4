/**
 * Finding and reading number expressions: 1,065 · 3.8万 · 4660余名 · 87.80% ·
 * 百分之八十七点八 · 一千零八十三人 · 107:100 · 约300人 · 10.10‰.
 *
 * One regular expression finds candidates in a single pass over the normalised
 * text; `interpret` turns a match into a value, and the boundary rules decide
 * what is not a value at all (years, dates, list markers, numerals in labels).
 * Boundaries are explicit character classes: JavaScript's \b treats every
 * Chinese character as a non-word character.
 */
import { decimalValue, decimalsOf } from './decimal.js';
import { readChineseNumeral } from './numerals.js';

export type UnitClass = 'count' | 'money' | 'rate' | 'ratio' | 'delta' | 'none';

export type NumberMention = {
  /** [start, end) of the whole expression, approximation words and unit included. */
  start: number;
  end: number;
  /** End of the numeral and its scale, before approximation words and the unit. */
  numeralEnd: number;
  /** The numeral as printed: "87.80", "1,065", "八十七点八". */
  printed: string;
  /** The numeral in Arabic digits before any scale: "87.80", "1065", "87.8". */
  digits: string;
  /** Canonical value: persons, cases, yuan; rates as printed. */
  value: number;
  /** 人, 名, 人次, 例, 对, 户, 元, %, ‰, ratio, 个百分点; absent when none is printed. */
  unit?: string;
  unitClass: UnitClass;
  /** 万 or 亿 was printed. */
  scaled: boolean;
  decimals: number;
  approximate: boolean;
  /** 以上 → "min"; 以内, 以下 → "max". */
  bound?: 'min' | 'max';
};

// Lengths are capped: no figure in a report has more than 15 digits or a
// 24-character numeral, and a capped token inside a longer run is rejected by
// its neighbours, so adversarial runs of digits or numerals cost linear time.
const ARABIC = String.raw`\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,8})?|\d{1,15}(?:\.\d{1,8})?`;
const CHINESE = '[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]{0,23}(?:点[零〇一二三四五六七八九]{1,8})?';
const COUNT_UNITS = ['人次', '人', '名', '例', '对', '户', '宗', '起', '台'];
const UNIT = ['个百分点', '万元', '亿元', '元', ...COUNT_UNITS, '%', '‰', String.raw`:100(?!\d)`].join('|');

const TOKEN_SOURCE =
  `(?<pre>大约|约|近)?` +
  `(?:(?<pct>百分之)(?<pctNum>${ARABIC}|${CHINESE})|(?<ar>${ARABIC})|(?<cn>${CHINESE}))` +
  `(?<ap1>余|多)?(?<scale>万|亿)?(?<ap2>余|多)?` +
  `[ \\t]*(?<unit>${UNIT})?` +
  `(?<post>左右|以上|以内|以下)?`;

const SCAN = new RegExp(TOKEN_SOURCE, 'gu');
const WHOLE = new RegExp(`^\\s*(?:${TOKEN_SOURCE})\\s*$`, 'u');

type Groups = Partial<Record<'pre' | 'pct' | 'pctNum' | 'ar' | 'cn' | 'ap1' | 'scale' | 'ap2' | 'unit' | 'post', string>>;

/** The numeral as printed, whichever branch matched. */
function numeralOf(g: Groups): string {
  return g.pctNum ?? g.ar ?? g.cn ?? '';
}

type Interpreted = Omit<NumberMention, 'start' | 'end' | 'numeralEnd'> & { fromChinese: boolean };

function interpret(g: Groups): Interpreted | null {
  const printed = numeralOf(g);
  let digits: string;
  const fromChinese = g.ar === undefined && !(g.pctNum !== undefined && /^\d/.test(g.pctNum));
  if (fromChinese) {
    const read = readChineseNumeral(printed);
    if (!read) return null;
    digits = read.digits;
  } else {
    digits = printed.replace(/,/g, '');
  }
  let exponent = g.scale === '万' ? 4 : g.scale === '亿' ? 8 : 0;
  let unit: string | undefined;
  let unitClass: UnitClass = 'none';
  const u = g.unit;
  if (g.pct) {
    unit = '%';
    unitClass = 'rate';
  } else if (u === '%' || u === '‰') {
    unit = u;
    unitClass = 'rate';
  } else if (u === '个百分点') {
    unit = u;
    unitClass = 'delta';
  } else if (u === '万元' || u === '亿元' || u === '元') {
    exponent += u === '万元' ? 4 : u === '亿元' ? 8 : 0;
    unit = '元';
    unitClass = 'money';
  } else if (u && u.startsWith(':')) {
    unit = 'ratio';
    unitClass = 'ratio';
  } else if (u) {
    unit = u;
    unitClass = 'count';
  }
  const post = g.post;
  return {
    printed,
    digits,
    value: decimalValue(digits, exponent),
    ...(unit !== undefined ? { unit } : {}),
    unitClass,
    scaled: exponent > 0,
    decimals: decimalsOf(digits),
    approximate: Boolean(g.pre || g.ap1 || g.ap2 || post === '左右'),
    ...(post === '以上' ? { bound: 'min' as const } : post === '以内' || post === '以下' ? { bound: 'max' as const } : {}),
    fromChinese,
  };
}

export type ParsedNumber = { value: number; unit?: string; approximate?: boolean; decimals?: number };

/**
 * Reads one number expression on its own: "3.8万" → 38000, "百分之八十七点八" →
 * { value: 87.8, unit: "%" }, "一千零八十三" → 1083. Returns null when the
 * whole expression is not a number.
 */
export function parseNumber(expression: string): ParsedNumber | null {
  const m = WHOLE.exec(expression.normalize('NFKC'));
  if (!m?.groups) return null;
  const r = interpret(m.groups as Groups);
  if (!r) return null;
  return {
    value: r.value,
    ...(r.unit !== undefined ? { unit: r.unit } : {}),
    ...(r.approximate ? { approximate: true } : {}),
    ...(r.decimals ? { decimals: r.decimals } : {}),
  };
}

const LEFT_REJECT = /[0-9A-Za-z_.,\/第]/;
const DATE_AFTER = /^[ \t]*(?:年|月|日|号|时|岁|周岁)/;

/**
 * Every number expression in `text` (normalised: see normalize.ts), in order.
 * Not numbers: years and dates, times, list and page markers (2、 (3) 1.),
 * numerals inside labels (一孩, 四术: a Chinese numeral needs a unit), parts
 * of identifiers (GZ85, S320, 20xx).
 */
export function scanNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  SCAN.lastIndex = 0;
  for (let m = SCAN.exec(text); m; m = SCAN.exec(text)) {
    const g = m.groups as Groups;
    const start = m.index;
    const end = start + m[0].length;
    const numeralStart = start + (g.pre?.length ?? 0) + (g.pct?.length ?? 0);
    const printed = numeralOf(g);
    const numeralEnd = numeralStart + printed.length + (g.ap1?.length ?? 0) + (g.scale?.length ?? 0);
    if (!accept(text, g, start, numeralStart, numeralEnd, end)) continue;
    const r = interpret(g);
    if (!r) continue;
    const { fromChinese: _ignored, ...rest } = r;
    out.push({ start, end, numeralEnd, ...rest });
  }
  return out;
}

function accept(text: string, g: Groups, start: number, numeralStart: number, numeralEnd: number, end: number): boolean {
  const before = text[numeralStart - 1] ?? '';
  const prev = text[start - 1] ?? '';
  if (start > 0 && LEFT_REJECT.test(prev)) return false;
  // 10:08:49 and 2022-02-16: parts of times and dates.
  if ((before === ':' || before === '-') && /\d/.test(text[numeralStart - 2] ?? '')) return false;
  const after = text.slice(numeralEnd, numeralEnd + 3);
  if (/^[A-Za-z_]/.test(after)) return false;
  if (!g.ap1 && !g.scale && /^[\d零〇一二两三四五六七八九十百千万亿]/.test(text[numeralStart + numeralOf(g).length] ?? '')) return false; // inside a longer run
  if (/^[:\-]\d/.test(after) && !g.unit) return false;
  if (DATE_AFTER.test(after)) return false;
  const bare = !g.unit && !g.scale && !g.pct;
  if (g.cn !== undefined && !g.unit) return false; // 一孩, 四术, 十件实事: labels, not values
  if (bare && /^\d{1,2}$/.test(g.ar ?? '') && /^[、.)]/.test(text[end] ?? '')) return false; // 2、 1. (3)
  return true;
}
