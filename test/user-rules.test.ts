/**
 * A researcher's own rule files (--patterns DIR) cannot hang a run or exhaust
 * its memory: their expressions run on a linear-time engine, label expansion
 * stops as soon as it passes its limit, and every mistake is a load error that
 * names the file and the field.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/pipeline.js';
import { loadRules, RuleFileError } from '../src/rules/load.js';
import { expandLabel, LabelSyntaxError, substitutePieces } from '../src/rules/expand.js';
import { scratchDir } from './helpers/scratch.js';

type Rule = Record<string, unknown>;
const rule = (extra: Rule = {}): Rule => ({
  id: 'other.villages',
  labels: ['行政村'],
  accepts: ['count', 'bare'],
  unit: '个',
  examples: [{ text: '辖行政村12个', expect: 12 }],
  ...extra,
});

/** A folder holding one user rule file with these rules; `raw` replaces the file's text. */
function folder(rules: Rule[], opts: { family?: string; raw?: string; pieces?: Record<string, string> } = {}): string {
  const dir = scratchDir('user-rules');
  const body = { family: opts.family ?? 'mine', ...(opts.pieces ? { pieces: opts.pieces } : {}), rules };
  writeFileSync(join(dir, 'mine.json'), opts.raw ?? JSON.stringify(body));
  return dir;
}

function loadError(dir: string): RuleFileError {
  try {
    loadRules({ extraDirs: [dir] });
  } catch (e) {
    if (e instanceof RuleFileError) return e;
    throw e;
  }
  throw new Error('loaded without an error');
}

describe('expressions in user rules run in linear time', () => {
  it('a nested quantifier that backtracks catastrophically in a backtracking engine answers at once', () => {
    const set = loadRules({ extraDirs: [folder([rule({ requires: '^(a+)+$' })])] });
    const text = `${'a'.repeat(40)}b。辖行政村12个`;
    const t0 = performance.now();
    const found = extract(text, { rules: set }).indicators.filter((r) => r.id === 'other.villages');
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(found).toEqual([]);
  });

  it.each([
    ['requires', '(?<=辖)行政村', /rules\[0\]\.requires/],
    ['forbids', '(社区)\\1', /rules\[0\]\.forbids/],
    ['requires', '辖(?!区)', /rules\[0\]\.requires/],
  ])('%s /%s/ (lookaround or backreference) is a load error naming the field', (field, pattern, where) => {
    const e = loadError(folder([rule({ [field]: pattern })]));
    expect(e.file).toMatch(/mine\.json$/);
    expect(e.message).toMatch(where);
    expect(e.reason).toMatch(/linear/);
  });

  it('still does what it says: requires and forbids with classes, \\p{Script=Han} and \\u escapes', () => {
    const needs = loadRules({ extraDirs: [folder([rule({ requires: '[\\u4e00-\\u9fff]{2}镇' })])] });
    expect(extract('全镇辖行政村12个', { rules: needs }).indicators.some((r) => r.id === 'other.villages')).toBe(false);
    expect(extract('城关镇辖行政村12个', { rules: needs }).indicators.find((r) => r.id === 'other.villages')?.value).toBe(12);
    const forbids = loadRules({ extraDirs: [folder([rule({ forbids: '\\p{Script=Han}区' })])] });
    expect(extract('城区辖行政村12个', { rules: forbids }).indicators.some((r) => r.id === 'other.villages')).toBe(false);
    expect(extract('全镇辖行政村12个', { rules: forbids }).indicators.find((r) => r.id === 'other.villages')?.value).toBe(12);
  });
});

describe('label expansion is bounded while it runs', () => {
  it('a product far past the limit stops at once, without building it', () => {
    const ten = `(?:${[...'0123456789'].join('|')})`;
    const t0 = performance.now();
    expect(() => expandLabel(ten.repeat(12))).toThrow(/more than 2000 expansions/);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('a long alternation of large groups stops at the limit', () => {
    const group = `(?:${[...'0123456789'].join('|')})(?:${[...'0123456789'].join('|')})(?:${[...'0123456789'].join('|')})`;
    expect(() => expandLabel(Array(30).fill(group).join('|'))).toThrow(/more than 2000 expansions/);
  });

  it('pieces that double at each level stop before the text grows past its limit', () => {
    const pieces: Record<string, string> = { P0: '(?:甲|乙)' };
    for (let i = 1; i < 40; i++) pieces[`P${i}`] = `{P${i - 1}}{P${i - 1}}`;
    expect(() => substitutePieces('{P39}', pieces)).toThrow(LabelSyntaxError);
  });

  it('through a rule file: a load error naming the label', () => {
    const ten = `(?:${[...'0123456789'].join('|')})`;
    const e = loadError(folder([rule({ labels: [ten.repeat(8)] })]));
    expect(e.message).toMatch(/rules\[0\]\.labels\[0\].*more than 2000 expansions/);
  });
});

describe('rule files as people save them', () => {
  it('a byte-order mark at the start (Windows Notepad) is accepted', () => {
    const dir = folder([], { raw: `\uFEFF${JSON.stringify({ family: 'mine', rules: [rule()] })}` });
    const set = loadRules({ extraDirs: [dir] });
    expect(extract('辖行政村12个', { rules: set }).indicators.find((r) => r.id === 'other.villages')?.value).toBe(12);
  });

  it('an unknown key is named, with where it stands', () => {
    const e = loadError(folder([rule({ lables: ['村'] })]));
    expect(e.message).toMatch(/rules\[0\]/);
    expect(e.message).toMatch(/lables/);
  });

  it('a rule named like a built-in rule is an error naming both', () => {
    const e = loadError(folder([rule({ id: 'births.total', name: 'births.total', labels: ['出生人口'], examples: [{ text: '出生人口12人', expect: 12 }] })]));
    expect(e.message).toMatch(/births\.total/);
    expect(e.message).toMatch(/patterns[/\\]births\.json/);
  });

  it('a family that a built-in file declares is an error: families are where a rule is looked up', () => {
    const e = loadError(folder([rule()], { family: 'births' }));
    expect(e.field).toBe('family');
    expect(e.message).toMatch(/patterns[/\\]births\.json/);
  });

  it('two rules with one name in the same file are an error', () => {
    const e = loadError(folder([rule({ name: 'villages' }), rule({ name: 'villages' })]));
    expect(e.message).toMatch(/rules\[1\]/);
  });
});
