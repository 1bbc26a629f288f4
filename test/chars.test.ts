/**
 * Character tables are read with code units only: past either end of a string
 * a read gives 0, which no table marks, never charCodeAt's NaN (a table read
 * with NaN sends V8 down its slowest path at that place for good).
 */
import { describe, expect, it } from 'vitest';
import { BREAKS, charSet, codeAt, codeTable, isDigit, isSpace, unitAt } from '../src/extract/chars.js';

describe('codeAt', () => {
  it.each([
    ['出生12人', 0, 0x51fa],
    ['出生12人', 2, 0x31],
    ['出生12人', 4, 0x4eba],
    ['出生12人', -1, 0],
    ['出生12人', 5, 0],
    ['', 0, 0],
  ])('codeAt(%j, %i) is %i', (text, i, code) => {
    expect(codeAt(text, i)).toBe(code);
    expect(Number.isInteger(codeAt(text, i))).toBe(true);
  });

  it('reads as 0 what no table marks', () => {
    expect(BREAKS[codeAt('。', 1)]).toBe(0);
    expect(codeTable([['\n。', 1]])[codeAt('x', -1)]).toBe(0);
  });
});

describe('unitAt, for a text as its code units', () => {
  const units = Uint16Array.from('出生12人', (c) => c.charCodeAt(0));
  it.each([
    [0, 0x51fa],
    [2, 0x31],
    [4, 0x4eba],
    [-1, 0],
    [5, 0],
  ])('unitAt(出生12人, %i) is %i', (i, code) => expect(unitAt(units, i)).toBe(code));
});

describe('isDigit', () => {
  it('is true of the ASCII digits only', () => {
    expect([...'0123456789'].every((c) => isDigit(c.charCodeAt(0)))).toBe(true);
    expect([...'/:.,０一a '].some((c) => isDigit(c.charCodeAt(0)))).toBe(false);
    expect(isDigit(codeAt('1', 1))).toBe(false);
  });
});

describe('isSpace', () => {
  it('is true of every code unit that \\s matches, and of control characters', () => {
    for (let c = 0; c < 0x10000; c++) if (/\s/u.test(String.fromCharCode(c))) expect(isSpace(c), c.toString(16)).toBe(true);
    expect([0, 0x1f, 0x20, 0x3000, 0xfeff].every(isSpace)).toBe(true);
  });
  it.each([['出'], ['了'], ['的'], ['a'], ['1'], ['。']])('is false of %s', (c) => expect(isSpace(c.charCodeAt(0))).toBe(false));
});

describe('charSet', () => {
  const set = charSet('-~至到');
  it.each([
    ['-', true],
    ['至', true],
    ['到', true],
    ['x', false],
    ['出', false],
  ])('has(%j) is %s', (c, member) => expect(set.has(c.charCodeAt(0))).toBe(member));

  it('has no member past either end of a string (NaN) or at none (undefined)', () => {
    expect(set.has('至'.charCodeAt(1))).toBe(false);
    expect(set.has('至'.charCodeAt(-1))).toBe(false);
    expect(set.has(undefined as unknown as number)).toBe(false);
  });
});
