/**
 * Coverage: every number token is a figure, classified as something else, or
 * left unread; the unread ones with a unit are listed with their spans, so a
 * researcher knows what to read by hand.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/pipeline.js';

const coverage = (text: string) => extract(text).coverage!;

describe('what every number is', () => {
  it.each([
    ['a figure', '全县共出生1083人', {}],
    ['a year and a date', '2013年5月15日,全县共出生1083人', { year: 1, date: 2 }],
    ['a list marker', '2、全县共出生1083人', { marker: 1 }],
    ['a change', '全县共出生1083人,同比增加12人,比上年上升1.03个百分点', { change: 2 }],
    ['a baseline', '出生人口性别比由上年的118.5下降到112.3', { baseline: 1 }],
    ['a target', '下一步,要把出生率控制在11‰以内', { target: 1 }],
    ['a per-head standard', '每人每年960元', { standard: 1 }],
    ['another sense', '已落实节育措施4120人,其中上环2030人', { meaning: 1 }],
    ['a list item without a label', '出生率、机械增长率分别为11.2‰、6.1‰', { listItem: 1 }],
    ['another quantity the grammar names', '全年死亡123人,培训干部60人', { other: 2 }],
    ['a numeral one as an article', '抽调一名领导专抓计生工作', { bare: 1 }],
    // The change and baseline words end right before the number, past spaces and 了.
    ['a change after 了 and spaces', '全县共出生1083人,同比增加了  12人', { change: 1 }],
    ['a baseline after spaces', '出生人口性别比由上年的 118.5下降到112.3', { baseline: 1 }],
    ['another quantity, its word two characters back', '全年死亡人员123人', { other: 1 }],
  ])('%s', (_name, text, classified) => {
    const c = coverage(text);
    const { marker, ...rest } = c.classified;
    expect({ ...rest, ...(marker ? { marker } : {}) }).toMatchObject(classified);
    expect(c.unread).toEqual([]);
    expect(c.percent).toBe(100);
  });
  it.each([
    // A change word not at the end (增加 … then other words), 的 not last, a word of `others` cut by the clause break.
    ['全县共出生1083人,增加后新办12人'],
    ['比上年的水平高出12人'],
    ['死亡,新办12人'],
  ])('leaves %s unread: no change, baseline or other quantity ends right before it', (text) => {
    expect(coverage(text).unread.map((u) => u.text)).toEqual(['12人']);
  });
  it('lists a number with a unit that nothing read, with its span in the source', () => {
    const text = '全县出生１０８３人,其中城镇户籍子女６５０人。';
    const c = coverage(text);
    expect(c.unread).toEqual([{ text: '６５０人', start: 18, end: 22, line: 1 }]);
    expect(text.slice(18, 22)).toBe('６５０人');
    expect(c).toMatchObject({ numbers: 2, figures: 1, withUnit: 2, percent: 50 });
  });
  it('counts the numbers of a clean report as figures', () => {
    const c = coverage('全县共出生1083人,其中政策内出生1021人,计划生育率为94.28%,出生婴儿性别比为107:100。');
    expect(c).toMatchObject({ numbers: 4, figures: 4, withUnit: 4, percent: 100, unread: [] });
  });
});

describe('shown where a user looks', () => {
  const bin = join(new URL('..', import.meta.url).pathname, 'bin/extract.js');
  const run = (args: string[], input: string) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  it('the table view', () => {
    const r = run(['-'], '全县出生1083人,其中城镇户籍子女650人。');
    expect(r.stdout).toContain('Coverage 50 %: 1 number with a unit left unread (read these by hand)\n  · line 1: 650人');
  });
  it('the closing summary of a batch', () => {
    const fixtures = join(new URL('..', import.meta.url).pathname, 'fixtures');
    const texts = ['annual-summary.txt', 'compilation.txt', 'contradiction.txt', 'county-report.txt'].map((f) => join(fixtures, f));
    const r = run([...texts, '--json'], '');
    expect(r.stderr).toMatch(/^extract: 4 inputs, 0 failed, \d+ flagged checks?, coverage \d+ %: \d+ numbers? with a unit left unread\n$/);
  });
  it('--json carries the list', () => {
    const r = JSON.parse(run(['-', '--json'], '全县出生1083人,其中城镇户籍子女650人。').stdout);
    expect(r.coverage.unread).toEqual([{ text: '650人', start: 18, end: 22, line: 1 }]);
  });
});
