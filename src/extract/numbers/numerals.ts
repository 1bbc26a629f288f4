/**
 * Chinese numerals: 一千零八十三, 两千, 二〇一二, 八十七点八, 一亿二千万.
 *
 * chinese-numbers-converter reads integer numerals below 亿 correctly and is
 * used for those. It is known to get three forms wrong, which this module
 * handles itself (each is pinned by a test in test/numerals.test.ts):
 *   - 亿 combined with 万 (一亿二千万 → 1000020000000): split on 亿 here;
 *   - decimals with 点 (八十七点八 → 158): the fraction digits are read here;
 *   - 百分之 prefixes (百分之八十 → 258): stripped by the number scanner.
 * It must only ever see a numeral token, never a sentence (it turns 二孩 into 2孩).
 */
import ChineseNumber from 'chinese-numbers-converter';

const DIGITS: Record<string, string> = {
  零: '0', 〇: '0', 一: '1', 二: '2', 两: '2', 三: '3', 四: '4',
  五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};

function integerBelowYi(numeral: string): number {
  if (numeral === '') return 0;
  const value = new ChineseNumber(numeral).toInteger();
  if (!Number.isFinite(value)) throw new Error(`unreadable numeral: ${numeral}`);
  return value;
}

function integerPart(numeral: string): number {
  const yi = numeral.lastIndexOf('亿');
  if (yi < 0) return integerBelowYi(numeral);
  const high = numeral.slice(0, yi);
  const low = numeral.slice(yi + 1).replace(/^零+/, '');
  return (high === '' ? 1 : integerPart(high)) * 1e8 + integerBelowYi(low);
}

export type Numeral = { digits: string; value: number };

/**
 * Reads one Chinese numeral token. Returns its value and an equivalent Arabic
 * digit string (so that decimals survive: 八十七点八 → "87.8").
 */
export function readChineseNumeral(numeral: string): Numeral | null {
  const [whole = '', fraction, extra] = numeral.split('点');
  if (extra !== undefined) return null;
  let fracDigits = '';
  if (fraction !== undefined) {
    for (const ch of fraction) {
      const d = DIGITS[ch];
      if (d === undefined) return null;
      fracDigits += d;
    }
    if (!fracDigits) return null;
  }
  let int: number;
  try {
    int = integerPart(whole);
  } catch {
    return null;
  }
  if (!Number.isSafeInteger(int)) return null;
  const digits = fracDigits ? `${int}.${fracDigits}` : String(int);
  return { digits, value: Number(digits) };
}
