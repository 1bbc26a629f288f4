/**
 * Finding and reading number expressions: 1,065 · 3.8万 · 4660余名 · 87.80% ·
 * 百分之八十七点八 · 千分之十一点二 · 一千零八十三人 · 107:100 · 约300人 · 10.10‰.
 *
 * One regular expression, tried in a single pass over the normalised text at
 * the characters a token can start with, finds candidates (a plain Arabic
 * figure, the common case, is read by hand as the expression would read it:
 * token.ts); `interpret` turns a
 * match into a value, and the boundary rules decide what is not a value at all
 * (years, dates, list markers, numerals in labels).
 * Boundaries are explicit character classes: JavaScript's \b treats every
 * Chinese character as a non-word character.
 */
import { charSet, codeAt, codeTable, isDigit } from '../chars.js';
import { decimalValue, decimalsOf, shiftDecimal } from './decimal.js';
import { normalize } from '../normalize/index.js';
import { readChineseNumeral, type Numeral } from './numerals.js';
import { CN_DIGIT, emptyToken, readArabic, tokenOf, UNIT_WORDS, type Token } from './token.js';

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
  /** Why the digits cannot be trusted, when the host site damaged them (a year run into a count). */
  damaged?: string | undefined;
  /** A range (30-40万, 100至500元, 百分之八十到九十): both ends, canonical; `value` is the lower end. */
  range?: [number, number] | undefined;
};

/**
 * A copy of `n` with every field, absent ones undefined, in one order: every
 * mention has one shape. A spread copy gets a hidden class of its own in V8,
 * and a few hundred of them (one per range) made every reader of mentions
 * megamorphic.
 */
function copyOf(n: NumberMention): NumberMention {
  return { start: n.start, end: n.end, numeralEnd: n.numeralEnd, printed: n.printed, digits: n.digits, value: n.value, unit: n.unit, unitClass: n.unitClass, scaled: n.scaled, decimals: n.decimals, approximate: n.approximate, bound: n.bound, damaged: n.damaged, range: n.range };
}

// Lengths are capped: no figure in a report has more than 15 digits or a
// 24-character numeral, and a capped token inside a longer run is rejected by
// its neighbours, so adversarial runs of digits or numerals cost linear time.
const ARABIC = String.raw`\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,15})?|\d{1,15}(?:\.\d{1,15})?|\.\d{1,15}`;
// Chinese numerals. Normalisation has made ○ 〇 and most formal numerals plain (壹仟 → 一千);
// the formal ones that are also other words (伍, 陆, 拾, 肆) are read after a plain first digit
// (一仟伍佰). 几 is a digit of unknown value (三十几万). The first character's class is kept
// small: every character added to it is a place the scan must try, and it costs.
const CHINESE = `[${CN_DIGIT}十][${CN_DIGIT}十百千万亿伍陆拾肆几]{0,23}(?:点[${CN_DIGIT}]{1,8})?`;
// Arabic digits among Chinese multipliers: 3千, 2百05, 5千万, 2万800, 7万2千5百, 18万4千 (a plain 2万 or 3.8万 is a scaled number).
const MIXED = String.raw`\d{1,4}(?:\.\d{1,8})?(?:[十百千]|[万亿](?=[\d${CN_DIGIT}]))[\d${CN_DIGIT}十百千万亿]{0,20}`;
const UNIT = [...UNIT_WORDS, String.raw`:100(?!\d)`].join('|');

// In running text a Chinese numeral is a figure only with a unit (一孩, 四术, 十件实事
// are labels): the scanner requires one ahead, so the numerals of prose (一是, 进一步)
// are not even candidates. On its own (parseNumber) a numeral needs none.
const tokenSource = (numeralNeedsUnit: boolean) =>
  `(?:(?<pct>百分之|千分之)(?<pctNum>${ARABIC}|${CHINESE}|百)|(?<mx>${MIXED})|(?<ar>${ARABIC})|(?<cn>${CHINESE})` +
  (numeralNeedsUnit ? `(?=(?:余|多)?(?:万|亿)?(?:余|多)?[ \\t]*(?:${UNIT}))` : '') +
  `)` +
  `(?<ap1>余|多)?(?<scale>万亿|万|亿)?(?<ap2>余|多)?` +
  `[ \\t]*(?<unit>${UNIT})?` +
  `(?<post>左右|上下|以上|以内|以下)?`;
const TOKEN_SOURCE = tokenSource(true);

// Numbered groups, in the order of TOKEN_SOURCE's names: a named-group object per
// candidate costs more than the regex itself on long reports.
const NAMES = [...TOKEN_SOURCE.matchAll(/\(\?<(\w+)>/g)].map((m) => m[1]!);
const numbered = (source: string) => source.replace(/\(\?<\w+>/g, '(');
const G = Object.fromEntries(NAMES.map((n, i) => [n, i + 1])) as Record<'pct' | 'pctNum' | 'mx' | 'ar' | 'cn' | 'ap1' | 'scale' | 'ap2' | 'unit' | 'post', number>;

// Every character in the token is in the Basic Multilingual Plane: no 'u' flag needed.
// Sticky: the scan tries it only where a token can start (TOKEN_FIRST), found by a table
// read per character, cheaper than the expression's own search (22 against 30 ms on 10 MB of reports).
const SCAN = new RegExp(numbered(TOKEN_SOURCE), 'y');
/** Every character a token can start with: the first of each branch (百分之, 千分之, a digit, a point, a numeral). */
const TOKEN_FIRST = codeTable([['0123456789.百千十' + CN_DIGIT, 1]]);
const WHOLE = new RegExp(`^\\s*(?:${numbered(tokenSource(false))})\\s*$`);

// Approximation words before a number (约300人) are looked up behind a match,
// not matched by the token: an optional prefix in front of the token slows the
// scan over prose by a third.
const APPROX_BEFORE = ['大约', '约', '近']; // longest first
/** The last characters of those words: most numbers have none of them before, and need no further look. */
const APPROX_LAST = codeTable([[APPROX_BEFORE.map((w) => w[w.length - 1]).join(''), 1]]);
/** The length of the approximation word right before `at`, or 0. */
function approxBefore(text: string, at: number): number {
  if (APPROX_LAST[codeAt(text, at - 1)] !== 1) return 0;
  for (const w of APPROX_BEFORE) if (text.startsWith(w, at - w.length)) return w.length;
  return 0;
}

// One token object, refilled for each candidate: the scan keeps none of it.
const TOKEN = emptyToken();

/** What a scale (万, 亿) and a printed unit make of a numeral: its power of ten, canonical unit and class. */
function unitReading(scale: string | undefined, u: string | undefined): { exponent: number; unit: string | undefined; unitClass: UnitClass } {
  const exponent = scale === '万' ? 4 : scale === '亿' ? 8 : scale === '万亿' ? 12 : 0;
  if (u === '%' || u === '‰') return { exponent, unit: u, unitClass: 'rate' };
  if (u === '个百分点') return { exponent, unit: u, unitClass: 'delta' };
  if (u === '万元' || u === '亿元' || u === '元') return { exponent: exponent + (u === '万元' ? 4 : u === '亿元' ? 8 : 0), unit: '元', unitClass: 'money' };
  if (u && u.startsWith(':')) return { exponent, unit: 'ratio', unitClass: 'ratio' };
  if (u) return { exponent, unit: u, unitClass: 'count' };
  return { exponent, unit: undefined, unitClass: 'none' };
}

const UNIT_WORD = new RegExp(`^(万|亿)?(${UNIT})?$`);

/**
 * A bare number read as if `word` (a scale, a unit, or both: 万人, 万元, %) were
 * printed after it, as a table gives it in a header cell or bracket. Undefined
 * when the number has a unit or scale of its own, or `word` is neither.
 */
export function readWithUnit(n: NumberMention, word: string): NumberMention | undefined {
  if (n.unitClass !== 'none' || n.scaled) return undefined;
  const w = UNIT_WORD.exec(word);
  if (!w || !word) return undefined;
  const { exponent, unit, unitClass } = unitReading(w[1], w[2]);
  const r = copyOf(n);
  r.value = decimalValue(n.digits, exponent);
  r.unit = unit;
  r.unitClass = unitClass;
  r.scaled = exponent > 0;
  return r;
}

/** The numeral as printed, whichever branch matched. */
function numeralOf(t: Token): string {
  return t.pctNum ?? t.mx ?? t.ar ?? t.cn ?? '';
}

/** A numeral of either script, as digits: Arabic as printed, others through the numeral reader. */
function digitsOf(numeral: string): Numeral | null {
  const c = numeral.charCodeAt(0);
  // Arabic digits (the token's branches never mix them with numerals but in MIXED, which holds a multiplier).
  if ((isDigit(c) || c === 46) && !MULTIPLIER.test(numeral)) {
    const digits = numeral.includes(',') ? numeral.replace(/,/g, '') : numeral;
    return { digits: digits.startsWith('.') ? `0${digits}` : digits, value: Number(digits) };
  }
  return readChineseNumeral(numeral);
}

const MULTIPLIER = /[十百千万亿零〇]/;

/** 三分之一 as a share in per cent: exact where it ends within eight places, else rounded to two and marked approximate. */
function fraction(denominator: string, numerator: string): Numeral | null {
  const d = digitsOf(denominator);
  const n = digitsOf(numerator);
  if (!d || !n || d.value === 0 || !/^\d+$/.test(d.digits) || !/^\d+$/.test(n.digits)) return null;
  const places = 10n ** 8n;
  const scaled = (BigInt(n.digits) * 100n * places) / BigInt(d.digits);
  if ((BigInt(n.digits) * 100n * places) % BigInt(d.digits) === 0n) {
    const digits = shiftDecimal(scaled.toString(), -8);
    return { digits, value: Number(digits) };
  }
  const cents = (scaled + places / 200n) / (places / 100n);
  const digits = shiftDecimal(cents.toString(), -2);
  return { digits, value: Number(digits), approximate: true };
}

/** The mention `m` makes, or null when its numeral cannot be read; `start` to `numeralEnd` as scanNumbers found them. */
function interpret(m: Token, printed: string, approxWord: boolean, start: number, end: number, numeralEnd: number): NumberMention | null {
  const pct = m.pct;
  let digits: string;
  let read: Numeral | null = null;
  if (m.ar !== undefined || (m.pctNum !== undefined && isDigit(printed.charCodeAt(printed.length - 1)))) {
    // Arabic digits, as printed (the common case, without the reader).
    digits = printed.includes(',') ? printed.replace(/,/g, '') : printed;
    if (digits.charCodeAt(0) === 46) digits = `0${digits}`;
  } else {
    // 百分之百 is a hundred per cent.
    read = pct && printed === '百' ? { digits: '100', value: 100 } : readChineseNumeral(printed);
    if (!read) return null;
    digits = read.digits;
  }
  const { exponent, unit, unitClass } = pct ? { exponent: 0, unit: pct === '千分之' ? '‰' : '%', unitClass: 'rate' as const } : unitReading(m.scale, m.unit);
  // A numeral with 万 or 亿 among its multipliers is scaled, as 3.8万 is (18万4千).
  const scaled = exponent > 0 || (m.ar === undefined && /[万亿]/.test(printed));
  const post = m.post;
  // Every field in one literal, absent ones as undefined: one shape for every mention
  // keeps the code that reads them monomorphic (fields added later make several shapes).
  return {
    start,
    end,
    numeralEnd,
    printed,
    digits,
    value: decimalValue(digits, exponent),
    unit,
    unitClass,
    scaled,
    decimals: decimalsOf(digits),
    approximate: Boolean(approxWord || m.ap1 || m.ap2 || post === '左右' || post === '上下' || read?.approximate),
    bound: post === '以上' ? 'min' : post === '以内' || post === '以下' ? 'max' : undefined,
    damaged: undefined,
    range: undefined,
  };
}

export type ParsedNumber = { value: number; unit?: string; approximate?: boolean; decimals?: number; range?: [number, number] };

/**
 * Reads one number expression on its own: "3.8万" → 38000, "百分之八十七点八" →
 * { value: 87.8, unit: "%" }, "一千零八十三" → 1083, "30-40万" → { value: 300000,
 * range: [300000, 400000] }. Returns null when the whole expression is not a number.
 */
export function parseNumber(expression: string): ParsedNumber | null {
  // Digit groups separated by a space (12 345): the repair that joins them in a text, here on its own.
  const normal = normalize(expression.normalize('NFKC')).trim().replace(/(?<=\d) (?=\d{3}(?!\d))/g, '');
  const word = APPROX_BEFORE.find((w) => normal.startsWith(w))?.length ?? 0;
  const whole = WHOLE.exec(normal.slice(word));
  const m = whole ? tokenOf(whole, G, emptyToken()) : null;
  let r: NumberMention | null = m ? interpret(m, numeralOf(m), word > 0, 0, 0, 0) : null;
  if (!m) {
    // Forms read across tokens (ranges, ratios): one mention spanning the whole expression.
    const found = scanNumbers(normal);
    r = found.length === 1 && found[0]!.start === 0 && found[0]!.end === normal.length ? found[0]! : null;
  }
  if (!r) return null;
  return {
    value: r.value,
    ...(r.unit !== undefined ? { unit: r.unit } : {}),
    ...(r.approximate ? { approximate: true } : {}),
    ...(r.decimals ? { decimals: r.decimals } : {}),
    ...(r.range ? { range: r.range } : {}),
  };
}

const code = (c: string) => c.charCodeAt(0);
const isLatin = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
// The neighbour tests below read code tables directly (TABLE[c] === 1): they run several
// times for every candidate, and a set's has() was a call V8 did not inline there.
/** Characters a numeral run is made of: a token next to one is part of a longer run. */
const RUN_CHARS = codeTable([['0123456789零〇一二两三四五六七八九十百千万亿伍陆拾肆', 1]]);
/** Before a number: parts of identifiers and ordinals (GZ85, 第3). */
const LEFT_REJECT = codeTable([['0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_第', 1]]);
/** Between a digit and a number: the rest of a decimal, a bad grouping or a fraction (1.5, 12,34, 2/3). */
const DIGIT_JOINERS = codeTable([['.,/', 1]]);
/** After a number: a date, a time or an age, not a figure. */
const DATE_AFTER = codeTable([['年月日号时岁', 1]]);
/** The last character of a unit: a '-' after one joins a range. */
const UNIT_LAST = codeTable([['%‰人名例对户元万亿', 1]]);
const SPACE = code(' ');
const TAB = code('\t');
const COLON = code(':');
const MINUS = code('-');
const FU = code('负');
const ZHOU = code('周');
const SUI = code('岁');
const NIAN = code('年');
const DI = code('第');

/**
 * Every number expression in `text` (normalised: see normalize.ts), in order;
 * with `passed`, the candidates that are no numbers to read (years, dates,
 * markers) are pushed there with what they are.
 * Not numbers: years and dates, times, list and page markers (2、 (3) 1.),
 * numerals inside labels (一孩, 四术: a Chinese numeral needs a unit), parts
 * of identifiers (GZ85, S320, 20xx).
 */
export function scanNumbers(text: string, passed?: Passed[], units?: Uint16Array): NumberMention[] {
  const out: NumberMention[] = [];
  for (let at = nextFirst(text, units, 0); at < text.length; at = nextFirst(text, units, at)) {
    // A plain Arabic figure, read by hand (token.ts); any other form, by the expression.
    let m = TOKEN;
    if (!units || !readArabic(text, units, at, m)) {
      SCAN.lastIndex = at;
      const found = SCAN.exec(text);
      if (!found) {
        at++;
        continue;
      }
      m = tokenOf(found, G, TOKEN);
    }
    at = m.end;
    const word = approxBefore(text, m.index);
    const start = m.index - word;
    // Spaces the token took looking for a unit are not part of a number that has none.
    let end = m.end;
    while (end > m.index && (text.charCodeAt(end - 1) === SPACE || text.charCodeAt(end - 1) === TAB)) end--;
    const numeralStart = m.index + (m.pct?.length ?? 0);
    const printed = numeralOf(m);
    const numeralEnd = numeralStart + printed.length + (m.ap1?.length ?? 0) + (m.scale?.length ?? 0);
    const rejected = rejection(text, m, printed, start, numeralStart, numeralEnd, end);
    if (rejected !== undefined) {
      // What coverage counts: a token of its own that is no figure to read.
      if (rejected && passed) passed.push({ start: numeralStart, end: numeralEnd, class: rejected });
      continue;
    }
    const r = interpret(m, printed, word > 0, start, end, numeralEnd);
    if (!r) continue;
    if (!word && signedNegative(text, m.index, r)) {
      r.value = -r.value;
      r.digits = `-${r.digits}`;
      r.start = start - 1;
    }
    out.push(r);
  }
  return markDamaged(text, withRatioForms(text, withRanges(text, out)));
}

/** The first place from `at` where a token can start (text.length if none); `units`, the text's code units, when the caller has them (a typed-array read is cheaper than charCodeAt). */
function nextFirst(text: string, units: Uint16Array | undefined, at: number): number {
  const n = text.length;
  if (units) while (at < n && !TOKEN_FIRST[units[at]!]) at++;
  else while (at < n && !TOKEN_FIRST[codeAt(text, at)]) at++;
  return at;
}

// What joins the two ends of a range: 30-40万, 100至500元, 10‰~12‰.
const RANGE_CHARS = charSet('-~～—至到');
const RANGE_JOIN = /^\s*(?:-|~|～|—|至|到)\s*$/u;
// The upper end of a per-cent range written once (百分之八十到九十), read after the lower.
const PCT_TAIL = new RegExp(`(?:-|~|至|到)(?:百分之|千分之)?(${CHINESE}|${ARABIC})`, 'y');

/**
 * Ranges, kept whole: two numbers joined by - 至 到 ~, the first bare or in the
 * unit of the second, become one mention whose value is the lower end, marked
 * approximate, with both ends in `range`. Never one end read alone as the figure.
 */
function withRanges(text: string, found: NumberMention[]): NumberMention[] {
  // Most texts hold no range: a look at the character after each number finds that without a copy.
  let any = false;
  for (let i = 0; i < found.length && !any; i++) any = RANGE_CHARS.has(codeAt(text, found[i]!.end)) || RANGE_CHARS.has(codeAt(text, found[i]!.end + 1));
  if (!any) return found;
  let merged = false;
  const out: NumberMention[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i]!;
    const b = found[i + 1];
    if (a.unitClass === 'rate' && /^[百千]分之/.test(text.slice(a.start, a.end))) {
      PCT_TAIL.lastIndex = a.end;
      const t = PCT_TAIL.exec(text);
      const high = t ? digitsOf(t[1]!) : null;
      if (t && high && high.value >= a.value && !(b && b.start < a.end + t[0].length)) {
        const r = copyOf(a);
        r.end = r.numeralEnd = a.end + t[0].length;
        r.approximate = true;
        r.range = [a.value, high.value];
        out.push(r);
        merged = true;
        continue;
      }
    }
    if (!b || !RANGE_JOIN.test(text.slice(a.end, b.start)) || b.unitClass === 'delta' || b.unitClass === 'ratio') {
      out.push(a);
      continue;
    }
    // The lower end in the upper end's scale (30-40万: 30万) when it has no unit or scale of its own.
    const bare = a.unitClass === 'none' && !a.scaled;
    if (!bare && a.unit !== b.unit) {
      out.push(a);
      continue;
    }
    const exponent = bare && Number(b.digits) ? Math.round(Math.log10(b.value / Number(b.digits))) : 0;
    const low = bare ? decimalValue(a.digits, exponent) : a.value;
    if (low > b.value) {
      out.push(a);
      continue;
    }
    const r = copyOf(b);
    r.start = a.start;
    r.printed = text.slice(a.start, b.numeralEnd);
    r.digits = bare ? shiftDecimal(a.digits, exponent) : a.digits;
    r.value = low;
    r.decimals = a.decimals;
    r.approximate = true;
    r.range = [low, b.value];
    out.push(r);
    merged = true;
    i++;
  }
  return merged ? out : found;
}

// A month past December after a year: the mark of a site that ran a year into the text
// (年1-6月 printed as 2023年16月). The same year inside other numbers (72023名) is then damage.
const YEAR_RUN_IN = /((?:19|20)\d{2})年(\d{1,2})月/g;

/** Numbers whose digits hold a year the site ran into the text: not figures, whatever their label. */
function markDamaged(text: string, found: NumberMention[]): NumberMention[] {
  const years = new Set<string>();
  // A year before 年 and two digits: looked for at each 年 (indexOf), then read where it stands.
  for (let at = text.indexOf('年'); at >= 0; at = text.indexOf('年', at + 1)) {
    if (!isDigit(codeAt(text, at - 1)) || !isDigit(codeAt(text, at + 1)) || !isDigit(codeAt(text, at + 2))) continue;
    YEAR_RUN_IN.lastIndex = Math.max(0, at - 4);
    const m = YEAR_RUN_IN.exec(text);
    if (m && m.index === at - 4 && Number(m[2]) > 12) years.add(m[1]!);
  }
  if (!years.size) return found;
  for (const n of found) {
    const digits = n.digits.replace(/^-/, '');
    for (const y of years) {
      if (digits !== y && digits.includes(y)) n.damaged = `its digits hold ${y}, a year this page runs into its text (${y}年 before a month past December)`;
    }
  }
  return found;
}

// Ratios the token does not read (it takes a digit after a colon for a time):
// 100:102, the girls' side written first, is 102 boys per 100 girls; 1.18:1 is 118.
// And shares in tenths: 两成 is 20%.
const RATIO_FORMS = /(?<![\d.])100\s*:\s*(\d{2,3}(?:\.\d{1,4})?)(?![\d.:])|(?<![\d.:])(\d\.\d{1,4})\s*:\s*1(?![\d.:])|(?<![零〇一二两三四五六七八九十百千万亿\d])([两三四五六七八九])成(?!员|立|绩|果|本|为|熟|功|长|效|就)/g;
const TENTHS: Record<string, number> = { 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const TENTH_DIGITS = charSet(Object.keys(TENTHS).join(''));

/** The ratio and tenths forms in `text`, merged into the scanned numbers in order. */
function withRatioForms(text: string, found: NumberMention[]): NumberMention[] {
  const extra: NumberMention[] = [];
  // Looked for where they can stand: a colon after a digit, or 成 after a numeral (indexOf, not a pass of the expression).
  const places: number[] = [];
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) if (isDigit(codeAt(text, at - 1)) || codeAt(text, at - 1) === SPACE) places.push(at);
  for (let at = text.indexOf('成'); at >= 0; at = text.indexOf('成', at + 1)) if (TENTH_DIGITS.has(codeAt(text, at - 1))) places.push(at);
  for (let at = text.indexOf('分之'); at >= 0; at = text.indexOf('分之', at + 2)) {
    const f = fractionAt(text, at);
    if (f) extra.push(f);
  }
  if (!places.length && !extra.length) return found;
  let taken = -1;
  for (const place of places.sort((x, y) => x - y)) {
    // Read in a window around the place, so that a place without a form costs a few characters, not the rest of the text.
    const from = Math.max(taken, place - 12, 0);
    RATIO_FORMS.lastIndex = 0;
    const m = RATIO_FORMS.exec(text.slice(from, place + 12));
    if (!m) continue;
    const start = from + m.index;
    const end = start + m[0].length;
    // What the window cut off before the form must not be part of it (1100:102 is no 100:102).
    if (start > place || end <= place || /[\d.:零〇一二两三四五六七八九十百千万亿]/.test(text[start - 1] ?? '')) continue;
    taken = end;
    let digits: string;
    let unit = 'ratio';
    let unitClass: UnitClass = 'ratio';
    if (m[1] !== undefined) digits = m[1];
    else if (m[2] !== undefined) digits = shiftDecimal(m[2], 2);
    else {
      digits = String(TENTHS[m[3]!]! * 10);
      unit = '%';
      unitClass = 'rate';
    }
    extra.push({ start, end, numeralEnd: end, printed: m[0], digits, value: decimalValue(digits), unit, unitClass, scaled: false, decimals: decimalsOf(digits), approximate: false, bound: undefined, damaged: undefined, range: undefined });
  }
  if (!extra.length) return found;
  // A form replaces what the token read of its parts (3分之2: the 3 and the 2), and the list stays disjoint.
  const kept = found.filter((n) => !extra.some((x) => n.start < x.end && n.end > x.start));
  const all = kept.concat(extra).sort((a, b) => a.start - b.start);
  return all.filter((x, i) => i === 0 || x.start >= all[i - 1]!.end);
}

// The numerals either side of 分之: 三分之一, 3分之2 (百分之 and 千分之 are read by the token).
const FRACTION_LEFT = new RegExp(`(?:\\d{1,4}|${CHINESE})$`);
const FRACTION_RIGHT = new RegExp(`(?:${ARABIC}|${CHINESE})`, 'y');

/** The fraction whose 分之 stands at `at`, as a share in per cent, or undefined. */
function fractionAt(text: string, at: number): NumberMention | undefined {
  const left = FRACTION_LEFT.exec(text.slice(Math.max(0, at - 24), at));
  FRACTION_RIGHT.lastIndex = at + 2;
  const right = FRACTION_RIGHT.exec(text);
  if (!left || !right || left[0] === '百' || left[0] === '千') return undefined;
  const start = at - left[0].length;
  const end = at + 2 + right[0].length;
  if (RUN_CHARS[codeAt(text, start - 1)] === 1 || RUN_CHARS[codeAt(text, end)] === 1) return undefined;
  const read = fraction(left[0], right[0]);
  if (!read) return undefined;
  return { start, end, numeralEnd: end, printed: text.slice(start, end), digits: read.digits, value: read.value, unit: '%', unitClass: 'rate', scaled: false, decimals: decimalsOf(read.digits), approximate: Boolean(read.approximate), bound: undefined, damaged: undefined, range: undefined };
}

/**
 * A rate printed below zero: 自然增长率为-0.52‰, 负0.52‰. Only rates and bare
 * numbers take a sign (a count cannot be negative), and not after a digit,
 * where '-' joins a range or a date (2022-02).
 */
function signedNegative(text: string, at: number, r: NumberMention): boolean {
  const c = codeAt(text, at - 1);
  if (c !== MINUS && c !== FU) return false;
  // After a digit or a unit, '-' joins a range (12-15人, 10‰-12‰) or a date.
  if (isDigit(codeAt(text, at - 2)) || UNIT_LAST[codeAt(text, at - 2)] === 1) return false;
  return r.unitClass === 'rate' || r.unitClass === 'none';
}

// After the '-' of a range, the upper end with its unit or scale: 30-40万, 12-15人.
const RANGE_END = /^\d{1,15}(?:\.\d{1,15})?\s*(?:万|亿|人|名|例|对|户|元|%|‰)/;

/**
 * What a candidate is when it is no number to read (undefined: a number): a year,
 * a date or time, an age, a list or page marker, part of an identifier, or a
 * piece of a longer run (not a token of its own: null).
 */
export type PassedClass = 'year' | 'date' | 'age' | 'marker' | 'identifier';
export type Passed = { start: number; end: number; class: PassedClass };

function rejection(text: string, m: Token, printed: string, start: number, numeralStart: number, numeralEnd: number, end: number): PassedClass | null | undefined {
  const left = codeAt(text, start - 1);
  if (LEFT_REJECT[left] === 1) return left === DI ? 'marker' : isDigit(left) ? null : 'identifier';
  if (DIGIT_JOINERS[left] === 1 && isDigit(codeAt(text, start - 2))) return null;
  // A Chinese numeral cut out of a longer run (the scanner caps token length).
  if (m.cn !== undefined && RUN_CHARS[left] === 1) return null;
  // 10:08:49 and 2022-02-16: parts of times and dates.
  const before = codeAt(text, numeralStart - 1);
  // The upper end of a range (30-40万) has a unit or scale; a date's parts (2022-02-16) have none.
  if ((before === COLON || (before === MINUS && !m.unit && !m.scale)) && isDigit(codeAt(text, numeralStart - 2))) return 'date';
  const next = codeAt(text, numeralEnd);
  if (isLatin(next)) return 'identifier';
  if (!m.ap1 && !m.scale && RUN_CHARS[codeAt(text, numeralStart + printed.length)] === 1) return null; // inside a longer run
  const unit = m.unit;
  if ((next === COLON || (next === MINUS && !RANGE_END.test(text.slice(numeralEnd + 1, numeralEnd + 24)))) && isDigit(codeAt(text, numeralEnd + 1)) && !unit) return 'date';
  let k = numeralEnd;
  while (codeAt(text, k) === SPACE || codeAt(text, k) === TAB) k++;
  const a = codeAt(text, k);
  if (a === NIAN) return 'year';
  if (a === SUI || (a === ZHOU && codeAt(text, k + 1) === SUI)) return 'age';
  if (DATE_AFTER[a] === 1) return 'date';
  // 2、 1. (3): list and page markers.
  const ar = m.ar;
  if (ar !== undefined && !unit && !m.scale && !m.pct && ar.length <= 2 && isDigit(ar.charCodeAt(ar.length - 1))) {
    const c = text[end];
    if (c === '、' || c === '.' || c === ')') return 'marker';
  }
  return undefined;
}
