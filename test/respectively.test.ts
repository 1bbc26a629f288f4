/** Lists paired in order (一孩、二孩分别为418人、295人), within bounds. */
import { describe, expect, it } from 'vitest';
import { findIndicators } from '../src/extract.js';

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
