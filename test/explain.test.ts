/**
 * Binders and refiners, seen through --explain: for each sentence, the
 * candidates found for a number (binder and label) and the refiner that
 * dropped each rejected one.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/pipeline.js';
import type { Explained } from '../src/report.js';

const explain = (text: string) => extract(text, { explain: true }).explain!;
/** The entry for the number printed as `number`; `[binder, label, kept or refiner]` for each candidate. */
function traced(text: string, number: string): { outcome: string; id?: string; candidates: [string, string, string][]; refiner?: string } {
  const e = explain(text).find((x) => x.number === number);
  expect(e, `${number} in ${text}`).toBeDefined();
  const out: ReturnType<typeof traced> = { outcome: e!.outcome, candidates: e!.candidates.map((c) => [c.binder, c.label, c.kept ? 'kept' : c.refiner!]) };
  if (e!.id) out.id = e!.id;
  if (e!.refiner) out.refiner = e!.refiner;
  return out;
}

describe('binders: which way of reading found the label', () => {
  it.each([
    ['adjacent', '全县共出生1083人', '1083人', 'births.total', [['adjacent', '出生', 'kept']]],
    ['list', '一孩率、二孩率分别为56.64%、39.97%', '39.97%', 'rate.second', [['list', '二孩率', 'kept']]],
    ['row', '出生人数(人)\t1083\n', '1083', 'births.total', [['row', '出生人数', 'kept']]],
    ['bracketed', '出生人口性别比(男:女)为108.5', '108.5', 'sexRatio.atBirth', [['bracketed', '出生人口性别比', 'kept']]],
    ['fromTo', '出生人口性别比由上年的118.5下降到112.3', '112.3', 'sexRatio.atBirth', [['fromTo', '出生人口性别比', 'kept']]],
    ['after', '为4660余名妇女做了妇科检查', '4660余名', 'healthCheck.gynecological', [['after', '妇女做了妇科检查', 'kept']]],
  ] as const)('%s: %s', (_binder, text, number, id, candidates) => {
    expect(traced(text, number)).toEqual({ outcome: 'figure', id, candidates });
  });
});

describe('refiners: which one dropped a candidate, and why', () => {
  it.each([
    ['rule: no rule of the label takes the unit', '全县出生300例', '300例', 'rule'],
    ['clause-filter: a target', '今年要完成全县已婚育龄妇女总数30%的目标任务', '30%', undefined],
    ['clause-filter: a plan modal', '下一步,要把出生率控制在11‰以内', '11‰以内', 'clause-filter'],
    ['sentence-filter: a plan word earlier in the sentence', '明年,计划生育率稳定在95%以上', '95%以上', 'sentence-filter'],
    ['clause-filter: a per-head standard', '每人每年960元的奖励扶助金', '960元', undefined],
  ] as const)('%s', (_name, text, number, refiner) => {
    const t = traced(text, number);
    expect(t.outcome).not.toBe('figure');
    if (refiner) expect(t.candidates.map((c) => c[2])).toContain(refiner);
  });

  it('names the filter and the words it saw', () => {
    const e = explain('下一步,要把出生率控制在11‰以内').find((x) => x.number === '11‰以内')!;
    expect(e.outcome).toBe('dropped');
    expect(e.candidates[0]).toMatchObject({ binder: 'adjacent', label: '出生率', kept: false, refiner: 'clause-filter', id: 'rate.birth' });
    expect(e.candidates[0]!.reason).toMatch(/^plan-modal: .*«要把»/);
  });

  it('a rule refused for its unit says what it takes', () => {
    const e = explain('全县出生300例').find((x) => x.number === '300例')!;
    expect(e.candidates).toEqual([expect.objectContaining({ binder: 'adjacent', label: '出生', refiner: 'rule' })]);
    expect(e.candidates[0]!.reason).toMatch(/takes count\/scaled in 人\/名, not 例/);
  });

  it('a figure refiner drops a figure after its binding was kept: a standard named after the number', () => {
    const e = explain('独生子女保健费120元/年').find((x) => x.number === '120元')!;
    expect(e).toMatchObject({ outcome: 'dropped', id: 'subsidy.onlyChildHealthFee.amount', refiner: 'after-filter' });
    expect(e.candidates[0]!.kept).toBe(true);
  });

  it('a figure under a plan heading is dropped by the heading filter', () => {
    const e = explain('四、2020年工作打算\n计划生育率稳定在95%以上').find((x) => x.number === '95%以上')!;
    expect(e).toMatchObject({ outcome: 'dropped', refiner: 'heading-filter' });
    expect(e.reason).toMatch(/四、2020年工作打算/);
  });

  it('a part that only reads after its total is dropped without one', () => {
    const e = explain('全县已婚育龄妇女2000人,男800人').find((x) => x.number === '800人')!;
    expect(e).toMatchObject({ outcome: 'dropped', refiner: 'only-with-parent' });
  });

  it('a change and a list item without a label are said to be what they are', () => {
    const outcomes = explain('计划生育率比上年上升1.03个百分点;出生率、机械增长率、自然增长率分别为11.2‰、6.1‰、5.1‰').map((e: Explained) => [e.number, e.outcome]);
    expect(outcomes).toEqual([
      ['1.03个百分点', 'change'],
      ['11.2‰', 'figure'],
      ['6.1‰', 'taken'],
      ['5.1‰', 'figure'],
    ]);
  });

  it('offsets and quotes are the source text, full-width characters and all', () => {
    const text = '全县共出生１０８３人';
    const e = explain(text)[0]!;
    expect(text.slice(e.start, e.end)).toBe(e.number);
    expect(e.number).toBe('１０８３人');
    expect(e.candidates[0]).toMatchObject({ label: '出生', labelStart: 3, labelEnd: 5 });
  });

  it('without the option the report carries no explain list', () => {
    expect(extract('全县共出生1083人').explain).toBeUndefined();
  });
});

describe('extract --explain', () => {
  const bin = join(new URL('..', import.meta.url).pathname, 'bin/extract.js');
  const run = (args: string[], input: string) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });

  it('prints each number with its candidates and the refiner that dropped each', () => {
    const r = run(['-', '--explain'], '全年出生1520人\n下一步,要把出生率控制在11‰以内\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('line 1 [4, 9) «1520人»  → births.total');
    expect(r.stdout).toContain('✓ adjacent «出生» births.total');
    expect(r.stdout).toMatch(/line 2 .*«11‰以内»  ✗ dropped \(rate\.birth\)\n +✗ adjacent «出生率» rate\.birth .*: dropped by clause-filter — plan-modal/);
  });
  it('--line shows one line only', () => {
    const r = run(['-', '--explain', '--line', '2'], '全年出生1520人\n下一步,要把出生率控制在11‰以内\n');
    expect(r.stdout).not.toContain('1520');
    expect(r.stdout).toContain('11‰以内');
  });
  it('with --json the report carries the list', () => {
    const r = run(['-', '--explain', '--json'], '全年出生1520人\n');
    expect(JSON.parse(r.stdout).explain).toEqual([expect.objectContaining({ number: '1520人', outcome: 'figure', id: 'births.total' })]);
  });
  it.each([
    [['--explain', '--csv'], '--explain goes with the table view, --json or --jsonl, not --csv'],
    [['--line', '2'], '--line goes with --explain'],
  ])('%j is a usage error', (args, message) => {
    const r = run(['-', ...args], '出生1520人');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`extract: ${message}\n`);
  });
});
