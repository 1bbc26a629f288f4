/**
 * One number token, as the scan reads it (scan.ts): where it starts and ends
 * and the text of each of its parts. The token expression reads every form;
 * most tokens in reports are plain Arabic figures (1,065 · 87.80% · 3.8万人 ·
 * 4660余名), and `readArabic` reads those by hand, in the expression's own
 * order of choices, without a match array or its substrings. It gives up
 * (and the expression reads the token) wherever the expression could read a
 * multiplier form (3千, 2万800) or where the text starts with a point.
 */
import { codeTable, isDigit, unitAt } from '../chars.js';

/** The parts of a token, each its text or undefined: the expression's named groups. */
export type Token = {
  index: number;
  /** Just after the token, spaces before a missing unit included (as the expression takes them). */
  end: number;
  pct: string | undefined;
  pctNum: string | undefined;
  mx: string | undefined;
  ar: string | undefined;
  cn: string | undefined;
  ap1: string | undefined;
  scale: string | undefined;
  ap2: string | undefined;
  unit: string | undefined;
  post: string | undefined;
};

export const emptyToken = (): Token => ({ index: 0, end: 0, pct: undefined, pctNum: undefined, mx: undefined, ar: undefined, cn: undefined, ap1: undefined, scale: undefined, ap2: undefined, unit: undefined, post: undefined });

export const CN_DIGIT = '零〇一二两三四五六七八九';
const COUNT_UNITS = ['人次', '人', '名', '例', '对', '户', '宗', '起', '台'];
/** The units a token may end with, in the expression's order (a longer one before its prefix); then :100, a ratio. */
export const UNIT_WORDS = ['个百分点', '万元', '亿元', '元', ...COUNT_UNITS, '%', '‰'];
const POST_WORDS = ['左右', '上下', '以上', '以内', '以下'];

const [COMMA, POINT, SPACE, TAB, COLON] = [44, 46, 32, 9, 58];
const [YU, DUO, WAN, YI] = ['余', '多', '万', '亿'].map((c) => c.charCodeAt(0)) as [number, number, number, number];
/** 十百千 after the digits: a multiplier form. */
const MULTIPLIER = codeTable([['十百千', 1]]);
/** After 万 or 亿, what makes them a multiplier (2万800) rather than a scale (2万人). */
const AFTER_MULTIPLIER = codeTable([['0123456789' + CN_DIGIT, 1]]);
const UNIT_FIRST = codeTable([[UNIT_WORDS.map((w) => w[0]).join('') + ':', 1]]);
const POST_FIRST = codeTable([[POST_WORDS.map((w) => w[0]).join(''), 1]]);
// At most this many digits in a part of an Arabic numeral, as in the expression.
const MAX_DIGITS = 15;

/**
 * Reads the token at `at` into `t` when it is a plain Arabic figure, as the token
 * expression would; false (and `t` untouched) when the expression must read it.
 */
export function readArabic(text: string, u: Uint16Array, at: number, t: Token): boolean {
  const n = u.length;
  let i = at;
  // Counted no further than the expression reads: on a long run of digits every place is a candidate, and a count to the run's end would cost its square.
  while (i < n && i - at <= MAX_DIGITS && isDigit(u[i]!)) i++;
  const run = i - at;
  if (run === 0) return false;
  // \d{1,3}(?:,\d{3}){1,4}: a run of up to three digits, then one to four groups of a comma and three digits.
  let end = at;
  if (run <= 3) {
    let j = i;
    for (let g = 0; g < 4 && unitAt(u, j) === COMMA && isDigit(unitAt(u, j + 1)) && isDigit(unitAt(u, j + 2)) && isDigit(unitAt(u, j + 3)); g++) j += 4;
    if (j > i) end = j;
  }
  // Else \d{1,15}: fifteen digits at most; a longer run leaves a digit next, and no decimals.
  if (end === at) end = at + Math.min(run, MAX_DIGITS);
  if (unitAt(u, end) === POINT && isDigit(unitAt(u, end + 1))) {
    let k = end + 1;
    while (k < n && k - end - 1 < MAX_DIGITS && isDigit(u[k]!)) k++;
    end = k;
  }
  // The multiplier form comes first in the expression: 3千, 2百05, 2万800, 18万4千.
  const next = unitAt(u, end);
  if (MULTIPLIER[next] === 1 || ((next === WAN || next === YI) && AFTER_MULTIPLIER[unitAt(u, end + 1)] === 1)) return false;
  t.index = at;
  t.pct = t.pctNum = t.mx = t.cn = undefined;
  t.ar = text.slice(at, end);
  let k = end;
  t.ap1 = approximation(unitAt(u, k));
  if (t.ap1) k++;
  const c = unitAt(u, k);
  t.scale = c === WAN ? (unitAt(u, k + 1) === YI ? '万亿' : '万') : c === YI ? '亿' : undefined;
  if (t.scale) k += t.scale.length;
  t.ap2 = approximation(unitAt(u, k));
  if (t.ap2) k++;
  while (unitAt(u, k) === SPACE || unitAt(u, k) === TAB) k++;
  t.unit = UNIT_FIRST[unitAt(u, k)] === 1 ? unitWordAt(text, k) : undefined;
  if (t.unit) k += t.unit.length;
  t.post = POST_FIRST[unitAt(u, k)] === 1 ? postAt(text, k) : undefined;
  if (t.post) k += t.post.length;
  t.end = k;
  return true;
}

const approximation = (c: number): string | undefined => (c === YU ? '余' : c === DUO ? '多' : undefined);

function unitWordAt(text: string, k: number): string | undefined {
  for (const w of UNIT_WORDS) if (text.startsWith(w, k)) return w;
  // :100, not followed by a digit: a ratio (107:100).
  return text.charCodeAt(k) === COLON && text.startsWith('100', k + 1) && !isDigit(text.charCodeAt(k + 4)) ? ':100' : undefined;
}

function postAt(text: string, k: number): string | undefined {
  for (const w of POST_WORDS) if (text.startsWith(w, k)) return w;
  return undefined;
}

/** `t` filled from a match of the token expression, whose groups are numbered as `g` says. */
export function tokenOf(m: RegExpExecArray, g: Record<Exclude<keyof Token, 'index' | 'end'>, number>, t: Token): Token {
  t.index = m.index;
  t.end = m.index + m[0].length;
  t.pct = m[g.pct];
  t.pctNum = m[g.pctNum];
  t.mx = m[g.mx];
  t.ar = m[g.ar];
  t.cn = m[g.cn];
  t.ap1 = m[g.ap1];
  t.scale = m[g.scale];
  t.ap2 = m[g.ap2];
  t.unit = m[g.unit];
  t.post = m[g.post];
  return t;
}
