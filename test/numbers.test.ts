import { describe, expect, it } from 'vitest';
import { parseNumber, scanNumbers, type Passed } from '../src/extract/numbers/scan.js';
import fc from 'fast-check';
import { decimalValue, shiftDecimal } from '../src/extract/numbers/decimal.js';
import { normalize, normalized } from '../src/extract/normalize/index.js';

describe('parseNumber: one expression', () => {
  const table: [string, number, string | undefined, boolean?][] = [
    ['738', 738, undefined],
    ['1,065', 1065, undefined],
    ['1,083人', 1083, '人'],
    ['１２３', 123, undefined],
    ['3.8万', 38000, undefined],
    ['4.52万', 45200, undefined],
    ['88.07万', 880700, undefined],
    ['1.28万人', 12800, '人'],
    ['340.20万元', 3402000, '元'],
    ['9万余元', 90000, '元', true],
    ['4660余名', 4660, '名', true],
    ['1700余人次', 1700, '人次', true],
    ['2100多人', 2100, '人', true],
    ['约300人', 300, '人', true],
    ['大约300人', 300, '人', true],
    ['近五千人', 5000, '人', true],
    ['30左右', 30, undefined, true],
    ['87.8%', 87.8, '%'],
    ['87.80%', 87.8, '%'],
    ['91.5 %', 91.5, '%'],
    ['10.10‰', 10.1, '‰'],
    ['５０％', 50, '%'],
    ['百分之八十七点八', 87.8, '%'],
    ['百分之三十', 30, '%'],
    ['千分之十一点二', 11.2, '‰'],
    ['千分之5.6', 5.6, '‰'],
    ['一千零八十三', 1083, undefined],
    ['两千', 2000, undefined],
    ['二〇一二', 2012, undefined],
    ['零', 0, undefined],
    ['〇', 0, undefined],
    ['八十七点八', 87.8, undefined],
    ['一亿二千万', 120000000, undefined],
    ['三亿零五百万', 305000000, undefined],
    ['一万二千人', 12000, '人'],
    ['107:100', 107, 'ratio'],
    ['107.5∶100', 107.5, 'ratio'],
    ['1.03个百分点', 1.03, '个百分点'],
    ['1.2亿元', 120000000, '元'],
    // The forms of the numeral reader (test/numerals.test.ts) through the scanner's grammar.
    ['三千零十人', 3010, '人'],
    ['壹仟贰佰人', 1200, '人'],
    ['2万800人', 20800, '人'],
    ['7万2千5百人', 72500, '人'],
    ['3千零50万元', 30500000, '元'],
    ['5千万元', 50000000, '元'],
    ['3千人', 3000, '人'],
    ['3.15万亿元', 3150000000000, '元'],
    ['50万亿', 50000000000000, undefined],
    ['2,300万', 23000000, undefined],
    ['.25', 0.25, undefined],
    ['0.123456789012%', 0.123456789012, '%'],
    ['-0.66‰', -0.66, '‰'],
    ['负0.66', -0.66, undefined],
    ['百分之百', 100, '%'],
    ['三分之一', 33.33, '%', true],
    ['四分之一', 25, '%'],
    ['两成', 20, '%'],
    ['三十几万元', 300000, '元', true],
    ['100人上下', 100, '人', true],
    ['100:102', 102, 'ratio'],
    ['1.18:1', 118, 'ratio'],
    ['111.85 :100', 111.85, 'ratio'],
  ];
  it.each(table)('%s → %d %s', (expr, value, unit, approximate) => {
    const r = parseNumber(expr);
    expect(r).not.toBeNull();
    expect(r!.value).toBe(value);
    expect(r!.unit).toBe(unit);
    expect(Boolean(r!.approximate)).toBe(Boolean(approximate));
  });

  it('keeps the printed precision', () => {
    expect(parseNumber('87.80%')!.decimals).toBe(2);
    expect(parseNumber('87.8%')!.decimals).toBe(1);
    expect(parseNumber('110')!.decimals).toBeUndefined();
  });

  it.each(['二孩', '出生', '', '12a', '四术', '2012年'])('%s is not a number', (expr) => {
    expect(parseNumber(expr)).toBeNull();
  });
});

describe('decimalValue', () => {
  // Digit strings as the scanner makes them: up to 15 integer digits, up to 8 decimals, zeros anywhere.
  const digitString = fc
    .tuple(fc.stringMatching(/^[0-9]{1,15}$/), fc.option(fc.stringMatching(/^[0-9]{1,8}$/), { nil: undefined }))
    .map(([int, frac]) => (frac === undefined ? int : `${int}.${frac}`));
  it('is exactly the printed decimal moved by the scale, as if the shifted digits were read', () => {
    fc.assert(
      fc.property(digitString, fc.integer({ min: 0, max: 12 }), (digits, exponent) => {
        expect(decimalValue(digits, exponent)).toBe(Number(shiftDecimal(digits, exponent)));
      }),
      { numRuns: 5000 },
    );
  });
  it.each([
    ['4.52', 4, 45200],
    ['340.20', 4, 3402000],
    ['0.0001', 4, 1],
    ['1.23456', 4, 12345.6],
    ['12345678901234.5', 8, 1234567890123450000000],
    ['87.80', 0, 87.8],
  ])('%s × 10^%d = %d', (d, e, v) => {
    expect(decimalValue(d, e)).toBe(v);
  });
});

describe('shiftDecimal', () => {
  it.each([
    ['4.52', 4, '45200'],
    ['0.5', 4, '5000'],
    ['340.20', 4, '3402000'],
    ['15.8', 4, '158000'],
    ['1.23456', 4, '12345.6'],
    ['3', 0, '3'],
    ['87.80', 0, '87.8'],
  ])('%s × 10^%d = %s', (d, e, out) => {
    expect(shiftDecimal(d, e)).toBe(out);
  });
});

type Seen = { text: string; value: number; unit?: string };
/** What the scan reads, as the pipeline runs it (with the code units: plain Arabic figures read by hand), checked against the expression alone. */
function scan(sentence: string): Seen[] {
  const t = normalize(sentence);
  const found = scanNumbers(t, undefined, unitsOf(t));
  expect(found).toEqual(scanNumbers(t));
  return found.map((n) => ({ text: sentence.slice(n.start, n.end), value: n.value, ...(n.unit ? { unit: n.unit } : {}) }));
}

function unitsOf(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

describe('scanNumbers: what is a value in a sentence', () => {
  it('reads counts with their units and spans', () => {
    expect(scan('我镇共出生738人(一孩418人,其中政策内418人;多孩 25 人)')).toEqual([
      { text: '738人', value: 738, unit: '人' },
      { text: '418人', value: 418, unit: '人' },
      { text: '418人', value: 418, unit: '人' },
      { text: '25 人', value: 25, unit: '人' },
    ]);
  });
  it('reads rates, ratios and scaled money', () => {
    expect(scan('计划生育率 87.8%,出生婴儿性别比为107:100,征收340.20万元')).toEqual([
      { text: '87.8%', value: 87.8, unit: '%' },
      { text: '107:100', value: 107, unit: 'ratio' },
      { text: '340.20万元', value: 3402000, unit: '元' },
    ]);
  });
  it('reads Chinese numerals only with a unit', () => {
    expect(scan('全年出生一千零八十三人,二孩政策,四术到位,十件实事')).toEqual([
      { text: '一千零八十三人', value: 1083, unit: '人' },
    ]);
  });
  it('reads full-width digits at their original offsets', () => {
    expect(scan('出生１２３人')).toEqual([{ text: '１２３人', value: 123, unit: '人' }]);
  });
  it.each([
    ['2012年以来', 'years'],
    ['5月15日前完成', 'dates'],
    ['时间:2022-02-16 10:08:49', 'timestamps'],
    ['2、总人口', 'page markers'],
    ['(三)加强领导', 'Chinese list markers'],
    ['GZ85.cOm更多', 'identifiers'],
    ['20xx年', 'redacted years'],
    ['20_年', 'redacted years'],
    ['第3名', 'ordinals'],
    ['年满59周岁', 'ages'],
    ['年满59 周岁', 'ages after a space'],
    ['一二三四五六七八九一二三四五六七八九一二三四五六七八三千人', 'the tail of an overlong numeral run'],
    ['99999999999999999999人', 'the tail of an overlong digit run'],
  ])('%s: %s are not values', (sentence) => {
    expect(scan(sentence)).toEqual([]);
  });
  it('includes an approximation word before a number in its span', () => {
    const found = scanNumbers(normalize('培训约300人,大约1.2万元,近五千人次'));
    expect(found.map((n) => [n.start, n.end, n.value, n.approximate])).toEqual([
      [2, 7, 300, true], // 约300人
      [8, 15, 12000, true], // 大约1.2万元
      [16, 21, 5000, true], // 近五千人次
    ]);
  });
  it('leaves the spaces after a number without a unit out of its span', () => {
    expect(scan('出生率为3.41 \t其中')).toEqual([{ text: '3.41', value: 3.41 }]);
    expect(scan('出生 25 人')).toEqual([{ text: '25 人', value: 25, unit: '人' }]);
  });
  it('reads a rate below zero, and no sign after a digit (ranges, dates)', () => {
    expect(scan('自然增长率为-0.52‰,负1.2‰,−0.3‰')).toEqual([
      { text: '-0.52‰', value: -0.52, unit: '‰' },
      { text: '负1.2‰', value: -1.2, unit: '‰' },
      { text: '−0.3‰', value: -0.3, unit: '‰' },
    ]);
    expect(scan('出生12-15人,负责300人')).toEqual([{ text: '12-15人', value: 12, unit: '人' }, { text: '300人', value: 300, unit: '人' }]);
  });
  it('keeps the glued number after a page marker', () => {
    expect(scan('2、总人口316842人')).toEqual([{ text: '316842人', value: 316842, unit: '人' }]);
  });
});

describe('scanNumbers: where a token can start', () => {
  // The scan tries its expression only at characters a token can start with: one of each
  // kind, first in the text and after prose, must still be read.
  it.each([
    ['百分之八十七点八', { text: '百分之八十七点八', value: 87.8, unit: '%' }],
    ['千分之十一点二', { text: '千分之十一点二', value: 11.2, unit: '‰' }],
    ['.5%', { text: '.5%', value: 0.5, unit: '%' }],
    ['十二人', { text: '十二人', value: 12, unit: '人' }],
    ['两千人', { text: '两千人', value: 2000, unit: '人' }],
    ['〇点五%', { text: '〇点五%', value: 0.5, unit: '%' }],
    ['3千人', { text: '3千人', value: 3000, unit: '人' }],
    ['９人', { text: '９人', value: 9, unit: '人' }],
  ])('%s', (token, expected) => {
    expect(scan(token)).toEqual([expected]);
    expect(scan(`全年共计${token},完成`)).toEqual([expected]);
  });
  // With the code units, plain Arabic figures are read by hand (token.ts): at every kind of boundary, as the expression reads them.
  it('reads the same with the code units as without', () => {
    const piece = fc.constantFrom('出生', '人', '万', '%', '‰', '.', ',', '一', '十', '百分之', '千分之', '零', '两', '年', '3', '07', '元', ' ', '-', ':100', '余', '第', '\n',
      '0', '5', '100', '亿', '百', '千', '多', '\t', '个百分点', '万元', '人次', '名', '户', ':', '左右', '以上', '以下', 'A');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        // The text and its code units as the pipeline has them.
        const { text, units } = normalized(pieces.join(''));
        const passed: Passed[] = [];
        const passedWith: Passed[] = [];
        expect(scanNumbers(text, passedWith, units)).toEqual(scanNumbers(text, passed));
        expect(passedWith).toEqual(passed);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('scanNumbers: plain Arabic figures, read by hand', () => {
  // token.ts reads these without the expression, in its order of choices; where the
  // expression could read a multiplier form, it gives the token back.
  it.each([
    ['1,065人', { text: '1,065人', value: 1065, unit: '人' }],
    ['1,234,567元', { text: '1,234,567元', value: 1234567, unit: '元' }],
    ['87.80%', { text: '87.80%', value: 87.8, unit: '%' }],
    ['3.8万人', { text: '3.8万人', value: 38000, unit: '人' }],
    ['12.5万元', { text: '12.5万元', value: 125000, unit: '元' }],
    ['3 万元', { text: '3 万元', value: 30000, unit: '元' }],
    ['4660余名', { text: '4660余名', value: 4660, unit: '名' }],
    ['300人左右', { text: '300人左右', value: 300, unit: '人' }],
    ['2.5亿元', { text: '2.5亿元', value: 250000000, unit: '元' }],
    ['1.2万亿元', { text: '1.2万亿元', value: 1200000000000, unit: '元' }],
    ['56人次', { text: '56人次', value: 56, unit: '人次' }],
    ['2万800人', { text: '2万800人', value: 20800, unit: '人' }],
    ['18万4千人', { text: '18万4千人', value: 184000, unit: '人' }],
    ['3千人', { text: '3千人', value: 3000, unit: '人' }],
    ['5万一千人', { text: '5万一千人', value: 51000, unit: '人' }],
  ])('%s', (token, expected) => {
    expect(scan(`全县${token},完成`)).toEqual([expected]);
  });
  // Where the expression stops, the hand reader stops: four groups of thousands, fifteen decimals, a comma after at most three digits, :100 not followed by a digit.
  // Every place of a run of digits is a candidate: a reader that counted each to the run's end would not finish this within the test's time.
  it('reads a run of a million digits as the expression does', () => {
    const text = `共${'7'.repeat(1_000_000)}人`;
    expect(scanNumbers(text, undefined, unitsOf(text))).toEqual(scanNumbers(text));
  });
  it.each([
    ['1,234,567,890,123,456元', [{ text: '1,234,567,890,123', value: 1234567890123 }]],
    ['1234,567元', [{ text: '1234', value: 1234 }]],
    ['0.1234567890123456%', []],
    ['107:1000', []],
  ])('%s', (token, expected) => {
    expect(scan(`全县${token},完成`)).toEqual(expected);
  });
});

describe('ratio and share forms', () => {
  const read = (text: string) => scanNumbers(normalize(text)).map((n) => [text.slice(n.start, n.end), n.value, n.unit]);
  it.each([
    ['性别比为100:102', ['100:102', 102, 'ratio']],
    ['性别比为100：98.5', ['100：98.5', 98.5, 'ratio']],
    ['性别比为1.18:1', ['1.18:1', 118, 'ratio']],
    ['性别比107:100', ['107:100', 107, 'ratio']],
    ['流动人口约占两成', ['两成', 20, '%']],
    ['八成以上', ['八成', 80, '%']],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual([expected]);
  });
  it.each([
    ['a time', '会议于10:30召开'],
    ['a score that is no ratio to 100', '以3:1获胜'],
    ['a verb, not a share', '组织一成不变,完成任务,两成员'],
    ['a ratio to a base other than one or a hundred', '比例为3:2'],
  ])('not %s', (_name, text) => {
    expect(read(text)).toEqual([]);
  });
});

describe('ranges: both ends, never one alone', () => {
  it.each([
    ['30-40万', 300000, [300000, 400000], undefined],
    ['100至500元', 100, [100, 500], '元'],
    ['百分之八十到九十', 80, [80, 90], '%'],
    ['10‰-12‰', 10, [10, 12], '‰'],
    ['3000~5000元', 3000, [3000, 5000], '元'],
    ['12-15人', 12, [12, 15], '人'],
  ] as const)('%s', (expr, value, range, unit) => {
    expect(parseNumber(expr)).toMatchObject({ value, range, approximate: true, ...(unit ? { unit } : {}) });
  });
  it.each([
    ['a date', '2022-02-16'],
    ['a change from one level to another', '由100人增加到500人'],
    ['ends in different units', '100人至500元'],
    ['a lower end above the upper', '500至100元'],
  ])('not for %s', (_what, text) => {
    expect(scanNumbers(normalize(text)).some((n) => n.range)).toBe(false);
  });
});

describe('one shape for every mention', () => {
  // The readers of mentions (attach, coverage, the refiners) stay fast only while every
  // mention has the same fields in the same order: each kind of mention below was once
  // made with fields of its own (a range's by a spread, a damaged count's added later).
  const kinds: [string, string][] = [
    ['plain count', '出生738人'],
    ['range with a scale', '约30-40万人'],
    ['range of money', '补助100至500元'],
    ['per-cent range written once', '百分之八十到九十'],
    ['ratio, girls first', '性别比100:108'],
    ['tenths', '增长两成'],
    ['fraction', '占三分之一'],
    ['damaged by a year run in', '2023年16月出生72023名'],
    ['negative rate', '自然增长率为-0.52‰'],
  ];
  const fields = Object.keys(scanNumbers('出生738人')[0]!);

  it.each(kinds)('%s: %s', (_kind, sentence) => {
    const found = scanNumbers(sentence);
    expect(found.length).toBeGreaterThan(0);
    for (const n of found) expect(Object.keys(n)).toEqual(fields);
  });

  it('a damaged count and a range say so in the fields every mention has', () => {
    const damaged = scanNumbers('2023年16月出生72023名').find((n) => n.digits === '72023')!;
    expect(damaged.damaged).toMatch(/2023/);
    const [range] = scanNumbers('补助100至500元');
    expect(range!.range).toEqual([100, 500]);
    expect(scanNumbers('出生738人')[0]).toMatchObject({ damaged: undefined, range: undefined });
  });
});
