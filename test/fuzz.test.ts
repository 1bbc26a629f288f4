/**
 * Fuzzing over whole reports: the project's own reports (fixtures/ and
 * test/corpus/), cut, concatenated and mutated the ways collected copies are
 * damaged — characters dropped, doubled or replaced by the genre's troublesome
 * ones (numerals, 万, %, ‰, full-width digits, carriage returns, zero-width and
 * bidi marks, a byte-order mark, half a surrogate pair), slices repeated and
 * swapped. Every result must hold the contract's invariants: it validates
 * against the output schema, every span quotes its text and its line, every
 * value is finite, every index points at a figure, sections are in order, and
 * each output format renders it.
 *
 * Small here; `npm run fuzz` runs it long (FUZZ_RUNS, default 20 000).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../src/extract/pipeline.js';
import { prepareFormats, reporterFor } from '../src/output/select.js';

beforeAll(() => prepareFormats(['table']));
import { layoutFor } from '../src/batch/process.js';
import { ReportSchema, type Report } from '../src/report.js';

const RUNS = Number(process.env.FUZZ_RUNS || 200);
const root = new URL('..', import.meta.url).pathname;
const texts = [join(root, 'fixtures'), join(root, 'test', 'corpus')].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(d, f), 'utf8')),
);

const TROUBLE = [
  '0', '1', '5', '9', '.', ',', '万', '亿', '%', '‰', '、', '。', ':', '(', ')', '\n', '\r', '\r\n', '\t', ' ',
  '一', '二', '十', '百', '〇', '两', '余', '约', '１', '２', '．', '％', '-', '—', '~', ':', '其中', '分别为', '人', '例', '元',
  '\u200b', '\u200d', '\u200e', '\u202e', '\ufeff', '\u3000', '\ud800', '\udfff', '𠀀',
];

type Edit =
  | { kind: 'insert'; at: number; s: string }
  | { kind: 'delete'; at: number; n: number }
  | { kind: 'replace'; at: number; s: string }
  | { kind: 'repeat'; at: number; n: number }
  | { kind: 'swap'; at: number; n: number; to: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), s: fc.constantFrom(...TROUBLE) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), s: fc.constantFrom(...TROUBLE) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 200 }), to: fc.nat() }),
);

function apply(text: string, e: Edit): string {
  if (!text.length) return e.kind === 'insert' ? e.s : text;
  const at = e.at % (text.length + 1);
  switch (e.kind) {
    case 'insert':
      return text.slice(0, at) + e.s + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.n);
    case 'replace':
      return text.slice(0, at) + e.s + text.slice(at + 1);
    case 'repeat':
      return text.slice(0, at + e.n) + text.slice(at, at + e.n) + text.slice(at + e.n);
    case 'swap': {
      const piece = text.slice(at, at + e.n);
      const rest = text.slice(0, at) + text.slice(at + e.n);
      const to = e.to % (rest.length + 1);
      return rest.slice(0, to) + piece + rest.slice(to);
    }
  }
}

/** A report built from up to three of the project's reports, each cut to a slice, then edited. */
const damagedReport: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.tuple(fc.nat({ max: texts.length - 1 }), fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }),
    fc.array(edit, { maxLength: 12 }),
  )
  .map(([pieces, edits]) => {
    let text = pieces
      .map(([k, a, b]) => {
        const t = texts[k]!;
        const from = a % (t.length + 1);
        return t.slice(from, from + 200 + (b % 3000));
      })
      .join('');
    for (const e of edits) text = apply(text, e);
    return text;
  });

// Lines end at \n, \r\n, or a carriage return alone.
const lineAt = (text: string, offset: number) => 1 + (text.slice(0, offset).match(/\r\n|\r|\n/g)?.length ?? 0);

function holds(text: string): void {
  const r: Report = extract(text, { source: 'fuzz.txt' });
  expect(() => ReportSchema.parse(r)).not.toThrow();
  r.indicators.forEach((ind, k) => {
    expect(ind.start, `figure ${k}`).toBeLessThanOrEqual(ind.end);
    expect(ind.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(ind.start, ind.end)).toBe(ind.text);
    expect(ind.line).toBe(lineAt(text, ind.start));
    // Not ≥ 0: a natural growth rate can be negative (-0.5‰).
    expect(Number.isFinite(ind.value)).toBe(true);
    expect(ind.text).toContain(ind.label);
    if (ind.partOf !== undefined) expect(ind.partOf).toBeLessThan(r.indicators.length);
    if (ind.section !== undefined) expect(ind.section).toBeLessThan(r.sections!.length);
    if (ind.range) expect(ind.range[0]).toBeLessThanOrEqual(ind.range[1]);
  });
  for (const c of r.checks) {
    expect(Number.isFinite(c.subject.value)).toBe(true);
    for (const i of c.inputs) expect(i).toBeLessThan(r.indicators.length);
  }
  let last = 0;
  for (const s of r.sections ?? []) {
    expect(s.start).toBeGreaterThanOrEqual(last);
    expect(s.end).toBeGreaterThanOrEqual(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    last = s.end;
  }
  for (const u of r.coverage?.unread ?? []) expect(text.slice(u.start, u.end)).toBe(u.text);
  for (const f of ['json', 'jsonl', 'csv', 'wide', 'table', 'checks-csv'] as const) {
    expect(typeof reporterFor(f, layoutFor()).report(r)).toBe('string');
  }
  expect(JSON.parse(reporterFor('jsonl', layoutFor()).report(r))).toMatchObject({ source: 'fuzz.txt' });
}

describe('fuzzing over damaged and concatenated reports', () => {
  it('has reports to start from', () => {
    expect(texts.length).toBeGreaterThan(20);
  });
  it(`holds the output's invariants (${RUNS} runs)`, () => {
    fc.assert(fc.property(damagedReport, holds), { numRuns: RUNS });
  }, 600_000_000);
});
