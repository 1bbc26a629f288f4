import { describe, expect, it } from 'vitest';
import { headingAt, listHeadings } from '../src/extract/headings.js';

describe('listHeadings: the top-level list headings of a report body', () => {
  it.each([
    ['一、基本情况\n全年出生738人。\n二、存在问题\n', [0, 17], ['一、基本情况', '二、存在问题']],
    ['前言\n  三、下一步工作打算\n', [3], ['三、下一步工作打算']],
    ['\t十二、其他\n', [0], ['十二、其他']],
    ['一、基本情况\r\n二、存在问题', [0, 8], ['一、基本情况', '二、存在问题']],
    ['标题\u2028四、工作打算', [3], ['四、工作打算']],
  ])('%j', (text, starts, texts) => {
    expect(listHeadings(text)).toEqual({ starts, texts });
  });
  it.each([
    ['一、全年出生738人。二孩412人', 'a sentence'],
    ['全县一、二孩出生平稳', 'a list number inside a line'],
    ['(一)基本情况', 'a bracketed list number'],
    ['一二三四、太多', 'more than three numerals'],
    [`一、${'很'.repeat(41)}`, 'a line longer than a title'],
  ])('%j: %s is no heading', (text) => {
    expect(listHeadings(text).starts).toEqual([]);
  });
  it('gives the heading an offset lies under, none before the report', () => {
    const h = listHeadings('一、基本情况\n出生738人\n二、问题\n');
    expect(headingAt(h, 9)).toBe('一、基本情况');
    expect(headingAt(h, 20)).toBe('二、问题');
    expect(headingAt(h, 9, 5)).toBe('');
  });
});
