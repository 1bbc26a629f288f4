/**
 * Numerals written with Chinese multipliers, read exactly: 一千零八十三,
 * 三千零十, 四百零二万零五千零十一, 两千, 二〇一二, 八十七点八, 零点零零零一,
 * 一亿二千万, 五万亿, 三万五 (an elided lower unit), 千八, 壹仟贰佰, 三十几
 * (approximate), and Arabic digits among the multipliers: 2万800, 7万2千5百,
 * 3千零50万, 2百05, 3.15万亿.
 *
 * Integers are summed as BigInt and decimals moved as digit strings, so a
 * value is never rounded on its way: the digit string is exact, and `value` is
 * the nearest double to it. A string that is not a well-formed numeral (units
 * out of order or repeated, two digits in a row, a stray 零) gives null, never a
 * guess: a missing figure the user notices, a wrong one they do not.
 */
import { shiftDecimal } from './decimal.js';

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
// Powers of ten of the units within a section (below 万), and of the units above it.
const SMALL: Record<string, number> = { 十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3 };
const BIG: Record<string, number> = { 万: 4, 萬: 4, 亿: 8, 億: 8 };
const ZEROS = new Set(['零', '〇', '○']);

type Token =
  | { kind: 'digit'; value: number } // 一 … 九; 几 is a digit of unknown value
  | { kind: 'arabic'; text: string } // a run of Arabic digits, perhaps with a decimal point
  | { kind: 'zero' }
  | { kind: 'small'; exp: number }
  | { kind: 'big'; exp: number }
  | { kind: 'point' };

export type Numeral = { digits: string; value: number; approximate?: boolean };

class Unreadable extends Error {}
const fail = (): never => {
  throw new Unreadable();
};

function tokenize(s: string): { tokens: Token[]; approximate: boolean } {
  const tokens: Token[] = [];
  let approximate = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c >= '0' && c <= '9') {
      let j = i + 1;
      while (j < s.length && ((s[j]! >= '0' && s[j]! <= '9') || (s[j] === '.' && s[j + 1] !== undefined && s[j + 1]! >= '0' && s[j + 1]! <= '9'))) j++;
      const text = s.slice(i, j);
      if (text.indexOf('.') !== text.lastIndexOf('.')) fail();
      tokens.push({ kind: 'arabic', text });
      i = j - 1;
    } else if (ZEROS.has(c)) tokens.push({ kind: 'zero' });
    else if (DIGIT[c] !== undefined) tokens.push({ kind: 'digit', value: DIGIT[c]! });
    else if (c === '几') {
      // 三十几: a digit of unknown value, after a known one (几十 alone has none).
      if (!tokens.length) fail();
      approximate = true;
      tokens.push({ kind: 'digit', value: 0 });
    } else if (SMALL[c] !== undefined) tokens.push({ kind: 'small', exp: SMALL[c]! });
    else if (BIG[c] !== undefined) tokens.push({ kind: 'big', exp: BIG[c]! });
    else if (c === '点') tokens.push({ kind: 'point' });
    else fail();
  }
  return { tokens, approximate };
}

const TEN = 10n;
const pow10 = (e: number) => TEN ** BigInt(e);

/**
 * A section below 万: 三千零五十, 二百零五, 十五, 三百五 (elided: 350), 2千5百,
 * 3千零50, 2百05. `leading`: the section opens the numeral, where a unit may
 * stand without its digit (十五, 千八).
 */
function section(tokens: Token[], leading: boolean): bigint {
  if (!tokens.length) fail();
  // A section that is a single number: 五, 3000.
  if (tokens.length === 1) {
    const t = tokens[0]!;
    if (t.kind === 'digit') return BigInt(t.value);
    if (t.kind === 'arabic' && !t.text.includes('.') && t.text.length <= 4) return BigInt(t.text);
    if (t.kind === 'small' && leading) return pow10(t.exp);
    fail();
  }
  let value = 0n;
  let lastExp = 4;
  let pending: Extract<Token, { kind: 'digit' | 'arabic' }> | undefined;
  let afterZero = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'digit' || t.kind === 'arabic') {
      if (pending) fail();
      pending = t;
    } else if (t.kind === 'zero') {
      // 零 stands between two places, never first, last or twice.
      if (pending || afterZero || i === 0 || i === tokens.length - 1) fail();
      afterZero = true;
    } else if (t.kind === 'small') {
      if (t.exp >= lastExp) fail();
      let d: number;
      const implicit = !pending;
      if (!pending) {
        // 十五, 千八, 三千零十: a unit without its digit, at the start or after 零.
        if (!(i === 0 && leading) && !afterZero) fail();
        d = 1;
      } else if (pending.kind === 'digit') d = pending.value;
      else if (/^[1-9]$/.test(pending.text)) d = Number(pending.text);
      else d = fail();
      // 零 marks a skipped place, and only 零 may skip one: 三千零六十, not 三千六十 or 三千零五百.
      // (零十 is written for 零一十 even where no place is skipped: 三百零十万.)
      if (lastExp !== 4 && (afterZero ? t.exp >= lastExp - 1 && !(implicit && t.exp === 1) : t.exp !== lastExp - 1)) fail();
      value += BigInt(d) * pow10(t.exp);
      lastExp = t.exp;
      pending = undefined;
      afterZero = false;
    } else fail();
  }
  if (pending) value += tail(pending, lastExp, afterZero);
  return value;
}

/** The digits after the last unit of a section: 三十五's 五, 三百五's 五 (elided: 50), 3千零50's 50, 2百05's 05. */
function tail(t: Token, lastExp: number, afterZero: boolean): bigint {
  if (t.kind === 'digit') {
    // 零 stands only where a place is skipped: not between 十 and the ones (十零二).
    if (afterZero) return lastExp >= 2 ? BigInt(t.value) : fail();
    if (lastExp === 1) return BigInt(t.value);
    // 三百五, 千八: the unit below the last is left out.
    return BigInt(t.value) * pow10(lastExp - 1);
  }
  if (t.kind !== 'arabic' || t.text.includes('.')) return fail();
  const v = BigInt(t.text);
  // After 零 the rest fills the lower places; without it, the digits fill every lower place (6千300, 2百05).
  if (afterZero) return v < pow10(lastExp - 1) ? v : fail();
  return t.text.length === lastExp ? v : fail();
}

/** An integer below 10^limit (Infinity: below 10^16), from tokens with no point. `leading`: it opens the numeral. */
function integer(tokens: Token[], limit: number, leading: boolean): bigint {
  // 亿 splits the numeral: what stands before the last one is a number of 亿 (五万亿: 5万 of them).
  let yi = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.kind === 'big' && t.exp === 8) {
      yi = i;
      break;
    }
  }
  if (yi >= 0) {
    if (limit <= 8) fail();
    // At most 万亿 (below 10^16): 亿 inside what stands before 亿 would mean 亿亿, which no report prints.
    const high = integer(tokens.slice(0, yi), 8, leading);
    if (high === 0n) fail();
    return high * pow10(8) + lower(tokens.slice(yi + 1), 8);
  }
  const wan = tokens.findIndex((t) => t.kind === 'big' && t.exp === 4);
  if (wan >= 0) {
    if (limit <= 4) fail();
    const high = section(tokens.slice(0, wan), leading);
    if (high === 0n) fail();
    return high * pow10(4) + lower(tokens.slice(wan + 1), 4);
  }
  return section(tokens, leading);
}

/** What follows a big unit of 10^exp: nothing, 零 and the rest, a lone digit (三万五: 5000), or a number below it. */
function lower(tokens: Token[], exp: number): bigint {
  if (!tokens.length) return 0n;
  if (tokens[0]!.kind === 'zero') {
    if (tokens.length === 1) fail();
    // 二万零十七: after 零 a unit may stand without its digit, as at the start.
    return integer(tokens.slice(1), exp, true);
  }
  const only = tokens[0]!;
  if (tokens.length === 1 && only.kind === 'digit') return BigInt(only.value) * pow10(exp - 1);
  // A short run of Arabic digits alone after 万 or 亿 could be elided (2万8 for 28000) or not: read
  // only runs that fill the places below the unit (2万800, 6万3000).
  if (tokens.length === 1 && only.kind === 'arabic' && only.text.length < exp - 1) fail();
  const v = integer(tokens, exp, false);
  // In Chinese digits a lower part that skips the place below the unit needs 零 (三万零五百, not
  // 三万五百); Arabic digits go without it (2万800).
  if (only.kind !== 'arabic' && v < pow10(exp - 1)) fail();
  return v;
}

/** Digits read one for one: 二〇一二, 一九八四 (at least three, or with a zero: 三五 is "three or five"). */
function positional(tokens: Token[]): string | undefined {
  if (tokens.length < 2 || tokens[0]!.kind !== 'digit' || !tokens.every((t) => t.kind === 'digit' || t.kind === 'zero')) return undefined;
  if (tokens.length === 2 && !tokens.some((t) => t.kind === 'zero')) return undefined;
  return tokens.map((t) => (t.kind === 'digit' ? String(t.value) : '0')).join('');
}

/** Fraction digits after 点: Chinese digits one for one, or Arabic digits. */
function fractionDigits(tokens: Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'digit') out += String(t.value);
    else if (t.kind === 'zero') out += '0';
    else if (t.kind === 'arabic' && !t.text.includes('.')) out += t.text;
    else fail();
  }
  return out || fail();
}

/** Trailing big units (万, 亿, 万亿) as one power of ten. */
function bigUnits(tokens: Token[]): number {
  let exp = 0;
  for (const t of tokens) exp += t.kind === 'big' ? t.exp : fail();
  return exp;
}

function read(s: string): Numeral | null {
  const { tokens, approximate } = tokenize(s);
  if (!tokens.length) return null;
  let digits: string;
  const point = tokens.findIndex((t) => t.kind === 'point');
  const first = tokens[0]!;
  if (point >= 0) {
    // 八十七点八, 零点零五, 三点五万: a whole, its fraction, and perhaps a big unit after them.
    const whole = tokens.slice(0, point);
    let end = tokens.length;
    while (end > point + 1 && tokens[end - 1]!.kind === 'big') end--;
    const exp = bigUnits(tokens.slice(end));
    const frac = fractionDigits(tokens.slice(point + 1, end));
    const int = whole.length === 1 && whole[0]!.kind === 'zero' ? 0n : integer(whole, exp ? 4 : Infinity, true);
    // Unmoved, the fraction keeps the places printed (八十七点八零 is 87.80, as Arabic digits would be).
    digits = exp ? shiftDecimal(`${int}.${frac}`, exp) : `${int}.${frac}`;
  } else if (first.kind === 'arabic' && first.text.includes('.')) {
    // 3.15万亿, 1.5千: a decimal times the units after it.
    let exp = 0;
    for (const t of tokens.slice(1)) exp += t.kind === 'big' || t.kind === 'small' ? t.exp : fail();
    digits = shiftDecimal(first.text, exp);
  } else {
    digits = positional(tokens) ?? (tokens.length === 1 && first.kind === 'zero' ? '0' : integer(tokens, Infinity, true).toString());
  }
  return approximate ? { digits, value: Number(digits), approximate } : { digits, value: Number(digits) };
}

/**
 * Reads one numeral token (no unit, no sentence around it). Returns its exact
 * digits in Arabic form and their value, or null when it is no well-formed numeral.
 */
export function readChineseNumeral(numeral: string): Numeral | null {
  try {
    return read(numeral);
  } catch (e) {
    if (e instanceof Unreadable) return null;
    throw e;
  }
}
