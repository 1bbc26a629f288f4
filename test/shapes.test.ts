/**
 * Figures have one shape: every field of the contract in one order, absent ones
 * undefined, so that the checks and the writers that read thousands of them stay
 * monomorphic; JSON leaves the absent ones out, as the contract says.
 */
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/pipeline.js';
import { normalized } from '../src/extract/normalize/index.js';
import { mapObjects, objectList } from '../src/util/shape.js';

// V8's own test of two objects' hidden classes (an array's tells its elements kind), compiled once the flag allows it.
setFlagsFromString('--allow-natives-syntax');
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: unknown, b: unknown) => boolean;

// A count, a rate with decimals, an approximate figure with a scope, a range with a period, a bound; on two pages.
const TEXT = '全县出生人口5000人，其中一孩3000人，二孩2000人，出生率9.60‰。流动人口出生约120人。1-6月出生300-400人。政策外出生12人以上。';

describe('one shape for every figure', () => {
  const { indicators } = extract(TEXT, { pages: [0, 30] });

  it('finds the seven figures, each with its own optional fields', () => {
    expect(indicators.map((i) => i.text)).toEqual(['出生人口5000人', '一孩3000人', '二孩2000人', '出生率9.60‰', '出生约120人', '出生300-400人', '政策外出生12人以上']);
    expect(indicators[3]).toMatchObject({ decimals: 2, page: 2 });
    expect(indicators[4]).toMatchObject({ approximate: true, scope: '流动人口' });
    expect(indicators[5]).toMatchObject({ period: '1-6月', range: [300, 400] });
    expect(indicators[6]).toMatchObject({ bound: 'min' });
  });

  it('gives every figure the same fields in the same order', () => {
    const fields = Object.keys(indicators[0]!);
    for (const ind of indicators) expect(Object.keys(ind)).toEqual(fields);
  });

  it('writes only the fields a figure has, in the contract order', () => {
    expect(JSON.stringify(indicators[0])).toBe('{"id":"births.total","value":5000,"unit":"人","text":"出生人口5000人","start":2,"end":11,"line":1,"printed":"5000","label":"出生人口","rule":"births.total","section":0,"page":1}');
    expect(Object.keys(JSON.parse(JSON.stringify(indicators[5])))).toEqual(['id', 'value', 'unit', 'text', 'start', 'end', 'line', 'approximate', 'period', 'printed', 'range', 'label', 'rule', 'section', 'page']);
  });
});

describe('one elements kind for every list of objects, empty or not', () => {
  const full = [{ id: 'births.total' }].map((x) => x);
  it('is how V8 tells the kinds apart (the test can fail)', () => {
    expect(sameMap([], full)).toBe(false);
    expect(sameMap([1], full)).toBe(false);
  });
  it('gives an empty objectList and mapObjects of nothing the kind of a full list', () => {
    expect(sameMap(objectList(), full)).toBe(true);
    expect(sameMap(mapObjects([], (x: object) => x), full)).toBe(true);
    expect(sameMap(mapObjects([1, 2], (n) => ({ n })), full)).toBe(true);
    expect(mapObjects([1, 2], (n, i) => ({ n, i }))).toEqual([{ n: 1, i: 0 }, { n: 2, i: 1 }]);
  });
  it('gives a report with no figures, checks or warnings the lists a full report has', () => {
    const empty = extract('本年度无统计数字。');
    const full = extract(TEXT);
    expect(empty.indicators).toEqual([]);
    for (const key of ['indicators', 'checks', 'warningDetails', 'sections'] as const) expect(sameMap(empty[key], full[key]), key).toBe(true);
  });
});

describe('one kind of string for every normalised text', () => {
  // A flat two-byte string, made in one piece; what the pipeline reads should be one like it.
  const flat = '出生人口'.split('').join('');
  const rope = (() => {
    let s = '';
    for (const c of '全县出生人口5393人，其中') s += c;
    return s;
  })();
  it('is how V8 tells a rope from a flat string (the test can fail)', () => {
    expect(sameMap(rope, flat)).toBe(false);
  });
  it('gives a text with a repair that deletes (a space in a digit group) a flat string', () => {
    const n = normalized('全县出生人口5 393人，其中一孩3 000人。');
    expect(n.text).toBe('全县出生人口5393人,其中一孩3000人。'); // the full-width comma read as ASCII's
    expect(n.offsets).toBeDefined();
    expect(sameMap(n.text, flat)).toBe(true);
  });
  it('gives a text without one a flat string too', () => {
    expect(sameMap(normalized('全县出生人口5393人。').text, flat)).toBe(true);
  });
});
