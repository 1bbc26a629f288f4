/**
 * The numeral reader (src/extract/numbers/numerals.ts): every written form of
 * the genre, exactly, and never a number where the string is no numeral.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readChineseNumeral } from '../src/extract/numbers/numerals.js';

const digitsOf = (s: string) => readChineseNumeral(s)?.digits ?? null;

describe('forms, each read exactly', () => {
  it.each([
    // 零 before 十, where a converter read 三千零十 as 3000.
    ['三千零十', '3010'],
    ['五千零十', '5010'],
    ['二万零十七', '20017'],
    ['三百零十万', '3100000'],
    ['三百零十', '310'],
    ['四百零二万零五千零十一', '4025011'],
    ['一千零八十三', '1083'],
    ['一万零五百', '10500'],
    // 两, 〇 and ○, positional years.
    ['两千', '2000'],
    ['两万三千', '23000'],
    ['二〇一二', '2012'],
    ['二○一二', '2012'],
    ['一九八四', '1984'],
    // An elided lower unit, and a unit with its 一 left out.
    ['三万五', '35000'],
    ['一亿五', '150000000'],
    ['三百五', '350'],
    ['百五', '150'],
    ['千八', '1800'],
    ['十五', '15'],
    ['十', '10'],
    ['百', '100'],
    // 亿 with 万 below and above it.
    ['一亿二千万', '120000000'],
    ['三亿零五百万', '305000000'],
    ['五万亿', '5000000000000'],
    ['一千二百三十四万五千六百七十八亿九千零一十二万三千四百五十六', '1234567890123456'],
    ['九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九', '9999999999999999'],
    // Formal numerals.
    ['壹仟贰佰叁拾肆', '1234'],
    ['伍万零捌佰', '50800'],
    // Decimals with 点, of any length, in Chinese or Arabic digits, and before 万.
    ['八十七点八', '87.8'],
    ['八十七点八零', '87.80'],
    ['二十点四五六', '20.456'],
    ['零点零零零一', '0.0001'],
    ['二十点45', '20.45'],
    ['三点五万', '35000'],
    // Arabic digits among the multipliers.
    ['2万800', '20800'],
    ['2万零8', '20008'],
    ['12亿零34', '1200000034'],
    ['6万3000', '63000'],
    ['7万2千5百', '72500'],
    ['18万4千', '184000'],
    ['3千零50万', '30500000'],
    ['2百05', '205'],
    ['6千300', '6300'],
    ['3.15万亿', '3150000000000'],
    ['50万亿', '50000000000000'],
    ['5千万', '50000000'],
  ])('%s → %s', (numeral, digits) => {
    expect(digitsOf(numeral)).toBe(digits);
  });
  it('marks a numeral with 几 approximate, at its lower bound', () => {
    expect(readChineseNumeral('三十几万')).toEqual({ digits: '300000', value: 300000, approximate: true });
    expect(readChineseNumeral('一百几十')).toEqual({ digits: '100', value: 100, approximate: true });
  });
  it.each([
    ['units out of order', '五百千'],
    ['a unit twice', '十十'],
    ['万 twice', '三万万'],
    ['two digits in a row, no positional reading', '三五'],
    ['a positional run that opens with 零', '零五'],
    ['零 before a unit of the next place', '三千零五百'],
    ['a place skipped without 零', '三千六十九'],
    ['零 between 十 and the ones', '十零二'],
    ['零 before the next place’s digit', '五千零一百'],
    ['零 before the next place’s unit', '九千零百'],
    ['a lower part after 万 that skips a place without 零', '三万五百'],
    ['零 at the end', '三百零'],
    ['a digit after a unit without 零 when an Arabic run does not fill the places', '2千5'],
    ['a short Arabic run alone after 万: elided or not?', '10万2'],
    ['an Arabic run alone after 亿', '12亿34'],
    ['几 with no digit before it', '几十'],
    ['a 0 before a unit', '0千'],
    ['a unit after 十 with nothing between', '十百'],
    ['点 twice', '一点二点三'],
    ['亿 over 亿 (10^16 and above)', '一亿五亿'],
    ['点 with nothing after it', '三点'],
    ['not a numeral', '二孩'],
    ['empty', ''],
  ])('gives null for %s: %s', (_what, numeral) => {
    expect(readChineseNumeral(numeral)).toBeNull();
  });
});

// ---- a standard writer, for the properties -------------------------------------------------

const CN = '零一二三四五六七八九';
const PLACES = ['', '十', '百', '千'];

/** 1 ≤ n ≤ 9999 in standard form; `first`: it opens the numeral, where 10–19 are written 十…. */
function section(n: number, first: boolean): string {
  const d = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let zero = false;
  let started = false;
  for (let i = 0; i < 4; i++) {
    const place = 3 - i;
    if (d[i] === 0) {
      if (started) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    const leadTen = place === 1 && d[i] === 1 && first && !started;
    out += (leadTen ? '' : CN[d[i]!]) + PLACES[place];
    started = true;
  }
  return out;
}

function below1e8(n: number, first: boolean): string {
  if (n < 1e4) return section(n, first);
  const hi = Math.floor(n / 1e4);
  const lo = n % 1e4;
  return section(hi, first) + '万' + (lo ? (lo < 1000 ? '零' : '') + section(lo, false) : '');
}

/** Any 0 ≤ n < 10^16, as a report writes it: 四百零二万五千零一十一. */
function chinese(n: bigint): string {
  if (n === 0n) return '零';
  if (n < 100000000n) return below1e8(Number(n), true);
  const hi = Number(n / 100000000n);
  const lo = Number(n % 100000000n);
  return below1e8(hi, true) + '亿' + (lo ? (lo < 1e7 ? '零' : '') + below1e8(lo, false) : '');
}

/**
 * The same number with Arabic digits between the multipliers, as reports mix them: 1234万5678,
 * 12亿3456万. A run alone after a unit that does not fill its places (2万8, 12亿34) reads as elided,
 * so it is written after 零 (2万零8) or, with `pad`, with its zeros (2万0008).
 */
function mixed(n: bigint, pad: boolean): string {
  const [g0, g1, g2, g3] = [n / 10n ** 12n, (n / 10n ** 8n) % 10000n, (n / 10n ** 4n) % 10000n, n % 10000n];
  const after = (g: bigint, fills: boolean) => (fills ? g.toString() : pad ? g.toString().padStart(4, '0') : `零${g}`);
  let out = '';
  if (g0 || g1) out = (g0 ? `${g0}万` : '') + (g1 ? (g0 ? after(g1, g1 >= 100n) : g1.toString()) : '') + '亿';
  if (g2) out += `${g2}万` + (g3 ? after(g3, g3 >= 100n) : '');
  // After 亿 with no 万 below, the run never fills the places: always 零.
  else if (g3) out += out ? `零${g3}` : g3.toString();
  return out || '0';
}

// 10 000 each; NUMERAL_RUNS=1000000 for a deeper search.
const RUNS = Number(process.env.NUMERAL_RUNS ?? 10000);

describe('properties', () => {
  const big = fc.bigInt({ min: 0n, max: 10n ** 16n - 1n });
  it('reads back every integer up to 10^16 written in the standard way, with 两 where reports use it, exactly', () => {
    fc.assert(
      fc.property(big, fc.boolean(), (n, liang) => {
        let text = chinese(n);
        // 两 for 二 before 千, 百, 万 and 亿 (两千, 两百, 两万, 两亿): the same number.
        if (liang) text = text.replace(/二(?=[千百万亿])/g, '两');
        expect(digitsOf(text), text).toBe(n.toString());
      }),
      { numRuns: RUNS },
    );
  });
  it('reads back every integer written with Arabic digits between the multipliers, exactly', () => {
    fc.assert(
      fc.property(big, fc.boolean(), (n, pad) => {
        const text = mixed(n, pad);
        expect(digitsOf(text), text).toBe(n.toString());
      }),
      { numRuns: RUNS },
    );
  });
  it('reads back decimals written with 点, every printed place kept', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99999999 }), fc.stringMatching(/^[0-9]{1,8}$/), (int, frac) => {
        const text = `${chinese(BigInt(int))}点${[...frac].map((d) => CN[Number(d)]).join('')}`;
        expect(digitsOf(text), text).toBe(`${int}.${frac}`);
      }),
      { numRuns: RUNS },
    );
  });

  // The documented spellings besides the standard one, mapped back to it: elided lower
  // units (三万五), a unit without its 一 (百五, 零十) or with it (一十五), and a redundant 零 (万零五千).
  function standardSpelling(s: string): string {
    return s
      .replace(/两/g, '二')
      .replace(/^([百千])/, '一$1')
      .replace(/^一十/, '十')
      .replace(/零([十百千])/g, '零一$1')
      .replace(/百零一十/g, '百一十')
      .replace(/万零(?=[一二三四五六七八九]千)/g, '万')
      .replace(/亿零(?=[一二三四五六七八九]千[^万亿]*万)/g, '亿')
      .replace(/千([一二三四五六七八九])(?=万|亿|$)/g, '千$1百')
      .replace(/百([一二三四五六七八九])(?=万|亿|$)/g, '百$1十')
      .replace(/万([一二三四五六七八九])(?=亿|$)/g, '万$1千')
      .replace(/亿([一二三四五六七八九])$/g, '亿$1千万');
  }
  it('never reads a numeral cut and spliced from two others as anything but its own value: a spelling of it, or null', () => {
    const numeral = big.map((n) => chinese(n));
    fc.assert(
      fc.property(numeral, numeral, fc.nat(), fc.nat(), (a, b, i, j) => {
        const s = a.slice(0, i % (a.length + 1)) + b.slice(j % (b.length + 1));
        const read = readChineseNumeral(s);
        if (read === null) return;
        // Digits alone are read one for one (二〇一二).
        if (s.length > 1 && /^[零一二三四五六七八九]+$/.test(s)) {
          expect(read.digits, s).toBe([...s].map((c) => CN.indexOf(c)).join(''));
          return;
        }
        // Else what it read must be what the string spells: the number's standard writing, up to the documented variants.
        expect(chinese(BigInt(read.digits)), s).toBe(standardSpelling(s));
      }),
      { numRuns: RUNS },
    );
  });
});
