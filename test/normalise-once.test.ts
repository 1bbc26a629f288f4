/**
 * Every stage reads the normalised text: a sentence gives one result whichever
 * punctuation (full-width or ASCII) the page used.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/pipeline.js';

const body = '全县共出生1083人,其中政策内出生1021人。'.repeat(10);

describe('one result whatever the punctuation', () => {
  it.each([';', '；'])('a semicolon (%s) ends the parts listed before a total stated last', (semicolon) => {
    const r = extract(`上年多孩13人${semicolon}一孩618人,二孩452人,出生总数1083人`);
    const check = r.checks.find((c) => c.subject.id === 'births.total')!;
    expect(check.status).toBe('unaccounted');
    expect(check.arithmetic).toBe('618 + 452 = 1070 ≠ 1083 (13 unaccounted)');
  });
  it.each([',', '，'])('a line with a comma (%s) is a sentence, not the heading of a new report', (comma) => {
    const r = extract(`${body}\n今年${comma}全县认真做好年度工作总结\n${body}`);
    expect(r.sections).toHaveLength(1);
  });
  it('a heading keeps its title as printed, full-width characters and all', () => {
    const r = extract(`${body}\n青石县２０１９年人口和计划生育工作總結\n${body}`);
    expect(r.sections!.map((s) => s.title)).toEqual(['', '青石县２０１９年人口和计划生育工作總結']);
    expect(r.sections![1]!.year).toBe(2019);
  });
});
