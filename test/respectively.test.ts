/** Lists paired in order (一孩、二孩分别为418人、295人), within bounds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIndicators } from '../src/extract/pipeline.js';

const pairs = (text: string) => findIndicators(text).map((i) => [i.id, i.value]);

describe('lists with 分别', () => {
  it('pairs labels and numbers in order, each figure spanning its label to its number', () => {
    const text = '男婴、女婴分别为390人和348人';
    const found = findIndicators(text);
    expect(found.map((i) => [i.id, i.value, i.text])).toEqual([
      ['births.male', 390, '男婴、女婴分别为390人'],
      ['births.female', 348, '女婴分别为390人和348人'],
    ]);
  });
  it('pairs a list of twelve, and gives nothing for a list longer than any report prints', () => {
    const twelve = `${Array(12).fill('上环').join('、')}分别为${Array.from({ length: 12 }, (_, i) => `${i + 1}例`).join('、')}`;
    expect(pairs(twelve)).toHaveLength(12);
    const thirteen = `${Array(13).fill('上环').join('、')}分别为${Array.from({ length: 13 }, (_, i) => `${i + 1}例`).join('、')}`;
    expect(pairs(thirteen)).toEqual([]);
  });
});

describe('lists that name things this tool has no label for', () => {
  it.each([
    // The migration rate (机械增长率, no indicator here) holds the second place: its number is not the natural increase rate.
    ['全县人口出生率、机械增长率、自然增长率分别为11.2‰、6.1‰、5.1‰', [['rate.birth', 11.2], ['rate.naturalIncrease', 5.1]]],
    ['人口出生率、机械增长率和自然增长率分别为11.2‰、6.1‰和5.1‰', [['rate.birth', 11.2], ['rate.naturalIncrease', 5.1]]],
    ['全年计划生育率、晚婚率分别为96.5%、65%', [['rate.policyCompliance', 96.5]]],
    // An unknown first item: before, 6.1‰ was read as the birth rate.
    ['人口机械增长率、出生率、自然增长率分别为6.1‰、11.2‰、5.1‰', [['rate.birth', 11.2], ['rate.naturalIncrease', 5.1]]],
    // A first item that runs into the words before it.
    ['在全县范围内机械增长率、出生率分别为6.1‰、11.2‰', [['rate.birth', 11.2]]],
    // A comma ends the clause before an unknown item: 出生1520人 is not part of the list.
    ['全年出生1520人,机械增长率、出生率分别为6.1‰、11.2‰', [['births.total', 1520], ['rate.birth', 11.2]]],
    // A page number glued on before the list.
    ['2、出生率、机械增长率分别为11.2‰、6.1‰', [['rate.birth', 11.2]]],
    // A comma joins two labels.
    ['上环,取环分别为2317例、865例', [['surgery.iudInsertion', 2317], ['surgery.iudRemoval', 865]]],
  ])('%s', (text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });

  it.each([
    // More numbers than items: which is which is not known, so nothing is paired.
    '一孩、二孩分别为418人、295人、25人',
    '出生率、机械增长率分别为11.2‰、6.1‰、5.1‰',
    // Fewer numbers than items.
    '出生率、机械增长率、自然增长率分别为11.2‰、6.1‰',
    // No item this tool knows.
    '机械增长率、晚婚率分别为6.1‰、65%',
  ])('pairs nothing in %s', (text) => {
    expect(pairs(text)).toEqual([]);
  });

  // Any list of known and unknown items, with as many numbers: each known item gets
  // the number in its place, and an unknown item's number goes to nobody.
  const known = [
    ['出生率', 'rate.birth', '‰'],
    ['自然增长率', 'rate.naturalIncrease', '‰'],
    ['计划生育率', 'rate.policyCompliance', '%'],
    ['综合节育率', 'rate.contraceptivePrevalence', '%'],
  ] as const;
  const unknown = ['机械增长率', '晚婚率', '晚育率', '婚检率'];
  const item = fc.oneof(
    fc.constantFrom(...known).map(([word, id, unit]) => ({ word, id, unit }) as { word: string; id?: string; unit: string }),
    fc.constantFrom(...unknown).map((word) => ({ word, unit: '%' }) as { word: string; id?: string; unit: string }),
  );
  const list = fc.record({
    items: fc.array(item, { minLength: 2, maxLength: 6 }),
    values: fc.array(fc.integer({ min: 10, max: 999 }), { minLength: 6, maxLength: 6 }),
    joins: fc.array(fc.constantFrom('、', '和', '及'), { minLength: 7, maxLength: 7 }),
    extra: fc.constantFrom(-1, 0, 1),
  });
  const joined = (parts: string[], joins: string[]) => parts.map((p, i) => (i ? joins[i]! : '') + p).join('');
  it('gives each known item the number in its place, and nothing when the counts differ', () => {
    fc.assert(
      fc.property(list, ({ items, values, joins, extra }) => {
        const numbers = items.map((it, i) => `${values[i]! / 10}${it.unit}`);
        if (extra === 1) numbers.push('5.5%');
        if (extra === -1) numbers.pop();
        const text = `全年${joined(items.map((i) => i.word), joins)}分别为${joined(numbers, joins)}。`;
        const expected = extra === 0 && items.some((i) => i.id) ? items.flatMap((it, i) => (it.id ? [[it.id, values[i]! / 10]] : [])) : [];
        expect(pairs(text)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('one label and several numbers: the measure of several years or places', () => {
  it.each([
    ['三个年度的综合节育率分别为88.1%、89.4%和90.2%', [['rate.contraceptivePrevalence', 88.1], ['rate.contraceptivePrevalence', 89.4], ['rate.contraceptivePrevalence', 90.2]]],
    ['两镇政策符合率分别为:东坝镇97.1%、西坝镇95.6%', [['rate.policyCompliance', 97.1], ['rate.policyCompliance', 95.6]]],
    ['近两年出生人口分别为2011年1902人、2012年1986人', [['births.total', 1902], ['births.total', 1986]]],
  ])('%s', (text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });
  it.each([
    ['changes after 分别 and no 为', '出生率、自然增长率分别比上年下降0.2和0.3个千分点'],
    ['changes after a single label', '出生率分别比上年下降0.21和0.3'],
    ['numbers of different units', '出生人口分别为1902人和96.2%'],
  ])('gives nothing for %s', (_name, text) => {
    expect(pairs(text)).toEqual([]);
  });
});
