/**
 * The CLI battery, outputs and encodings: the built command, spawned as a user
 * runs it (failures and hostile inputs: cli-failures.test.ts).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliScratch, fixture, root, run, runToFile } from './helpers/cli.js';

let dir: string;
let texts: string;
beforeAll(() => {
  ({ dir, texts } = cliScratch('cli'));
});

describe('outputs', () => {
  it('--json prints one valid Report for one file', () => {
    const { code, out } = run([fixture('county-report.txt'), '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.source).toBe(fixture('county-report.txt'));
    expect(r.encoding).toBe('utf-8');
    expect(r.indicators.find((i: { id: string }) => i.id === 'births.total').value).toBe(2961);
  });
  it('--json over a folder prints an array in path order', () => {
    const r = JSON.parse(run([texts, '--json', '-j', '2']).out);
    expect(r.map((x: { source: string }) => x.source.split('/').pop())).toEqual(['annual-summary.txt', 'compilation.txt', 'contradiction.txt', 'county-report.txt']);
  });
  it('--jsonl prints one Report per line', () => {
    const lines = run([texts, '--jsonl']).out.trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(JSON.parse(l).indicators.length).toBeGreaterThan(0);
  });
  it('--csv --wide --out writes a file a CSV parser reads back, one row per report section, with a BOM', () => {
    const out = join(dir, 'data.csv');
    const { code } = run([texts, '--csv', '--wide', '--out', out]);
    expect(code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    // compilation.txt holds three sections, one a repeat: two rows; the other three one each.
    expect(rows).toHaveLength(5);
    const county = rows.find((r) => r.source.endsWith('county-report.txt'))!;
    expect(county).toMatchObject({ place: '东川县', year: '2015', 'births.total': '2961', 'rate.policyCompliance': '94.22', checks_flagged: '0' });
  });
  it('a folder of documents and text: one report per document, and the summary counts each kind, the failed and the skipped', () => {
    const { code, out, err } = run([join(root, 'fixtures', 'documents'), '--jsonl']);
    expect(code).toBe(3);
    const reports = out.trim().split('\n').map((l) => JSON.parse(l) as { source: string; format?: string; error?: string; indicators: unknown[] });
    expect(reports.map((r) => [r.source.split('/').pop(), r.format ?? 'text', r.error ?? r.indicators.length])).toEqual([
      ['cid-font.pdf', 'pdf', 21],
      ['embedded-font.pdf', 'pdf', 21],
      ['encrypted.pdf', 'text', 'is an encrypted PDF: it needs a password to open'],
      ['report.doc', 'doc', 21],
      ['report.docx', 'docx', 21],
      ['report.txt', 'text', 21],
      ['scanned.pdf', 'text', 'has no text layer: a scanned PDF needs OCR first'],
    ]);
    expect(err).toContain('scanned.pdf: has no text layer: a scanned PDF needs OCR first\n');
    expect(err).toContain('extract: 3 files skipped, not reports by their names: .py, .xls, .xlsx\n');
    expect(err).toMatch(/extract: 7 inputs \(2 pdf, 1 doc, 1 docx, 1 text\), 2 failed, 0 flagged checks/);
  });
  describe('a byte-order mark for Excel whenever CSV goes to a file, none down a pipe', () => {
    const BOM = [0xef, 0xbb, 0xbf];
    const starts = (b: Buffer) => [...b.subarray(0, 3)];
    it.each([
      ['--csv > file', ['--csv'], true],
      ['--csv --wide > file', ['--csv', '--wide'], true],
      ['--csv --no-bom > file', ['--csv', '--no-bom'], false],
      ['--json > file', ['--json'], false],
    ])('%s', (_what, args, bom) => {
      const { code, bytes } = runToFile([fixture('county-report.txt'), ...args], join(dir, 'redirected.out'));
      expect(code).toBe(0);
      if (bom) expect(starts(bytes)).toEqual(BOM);
      else expect(starts(bytes)).not.toEqual(BOM);
    });
    it('down a pipe: none, unless --bom', () => {
      expect(run([fixture('county-report.txt'), '--csv']).out.startsWith('\ufeff')).toBe(false);
      expect(run([fixture('county-report.txt'), '--csv', '--bom']).out.startsWith('\ufeff')).toBe(true);
    });
    it('--out of any name, and --checks-csv', () => {
      const out = join(dir, 'figures.txt.out');
      const checks = join(dir, 'checks.out');
      expect(run([fixture('contradiction.txt'), '--csv', '--out', out, '--checks-csv', checks]).code).toBe(0);
      expect(starts(readFileSync(out))).toEqual(BOM);
      expect(starts(readFileSync(checks))).toEqual(BOM);
    });
  });
  it('--csv --wide --names stata: every column a valid Stata and R variable, read back with numbers as numbers', () => {
    const { code, out } = run([fixture('county-report.txt'), '--csv', '--wide', '--names', 'stata']);
    expect(code).toBe(0);
    const [row] = parse(out, { columns: true, cast: true }) as Record<string, unknown>[];
    for (const name of Object.keys(row!)) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,31}$/);
    expect(row).toMatchObject({ place: '东川县', year: 2015, births_total: 2961, births_total_unit: '人', births_total_n: 1, rate_policyCompliance: 94.22 });
  });
  it.each([
    ['csv', []],
    ['markdown', ['markdown']],
  ])('--codebook %s prints every indicator', (_f, extra) => {
    const { code, out } = run(['--codebook', ...extra]);
    expect(code).toBe(0);
    const ids = JSON.parse(readFileSync(join(root, 'patterns/indicators.json'), 'utf8')).indicators.map((i: { id: string }) => i.id);
    for (const id of ids) expect(out).toContain(id);
  });
  it('--csv quotes text with commas and quotes', () => {
    const rows = parse(run([fixture('county-report.txt'), '--csv']).out, { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.id === 'surgery.total')!.text).toBe('四术"3120例');
  });
  it('--checks-csv writes every check', () => {
    const out = join(dir, 'checks.csv');
    run([fixture('contradiction.txt'), '--json', '--checks-csv', out]);
    const rows = parse(readFileSync(out, 'utf8').replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.status)).toEqual(['unaccounted', 'inconsistent', 'inconsistent']);
  });
  it('the table view shows the arithmetic', () => {
    const { out } = run([fixture('contradiction.txt')]);
    expect(out).toContain('236 + 120 + 31 = 387 ≠ 412 (25 unaccounted)');
    expect(out).not.toMatch(/\x1b\[/);
  });
  it('reads standard input with "-"', () => {
    const r = JSON.parse(run(['-', '--json'], '全县共出生1083人').out);
    expect(r.source).toBe('-');
    expect(r.indicators[0]).toMatchObject({ id: 'births.total', value: 1083 });
  });
});

describe('encodings', () => {
  const text = readFileSync(fixture('county-report.txt'), 'utf8');
  const figures = (args: string[]) => JSON.parse(run(args).out);
  it.each([
    ['gb18030', () => iconv.encode(text, 'gb18030')],
    ['utf-16le', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['utf-16be', () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
    ['utf-8', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
  ])('the same report in %s gives the same figures and says so', (encoding, bytes) => {
    const file = join(dir, `report-${encoding}.txt`);
    writeFileSync(file, bytes());
    const r = figures([file, '--json']);
    expect(r.encoding).toBe(encoding);
    const utf8 = figures([fixture('county-report.txt'), '--json']);
    expect(r.indicators.map((i: { id: string; value: number; text: string }) => [i.id, i.value, i.text])).toEqual(
      utf8.indicators.map((i: { id: string; value: number; text: string }) => [i.id, i.value, i.text]),
    );
  });
  it('--encoding overrides detection', () => {
    const file = join(dir, 'gbk.txt');
    writeFileSync(file, iconv.encode('全县共出生1083人', 'gbk'));
    expect(figures([file, '--json', '--encoding', 'gbk']).encoding).toBe('gbk');
  });
  it('reads a table row of an HTML page: label cell, number cell', () => {
    const file = join(dir, 'table.html');
    writeFileSync(file, '<table><tr><th>指标</th><th>2015年</th></tr><tr><td>出生人数(人)</td><td>1083</td></tr><tr><td>计划生育率</td><td>90.48%</td></tr></table>');
    const r = figures([file, '--json']);
    expect(r.indicators.map((i: { id: string; value: number; text: string }) => [i.id, i.value, i.text])).toEqual([
      ['births.total', 1083, '出生人数(人)\t1083'],
      ['rate.policyCompliance', 90.48, '计划生育率\t90.48%'],
    ]);
  });
  it('reduces HTML to text with a parser', () => {
    const file = join(dir, 'page.html');
    writeFileSync(file, '<html><head><title>x</title><script>var a="出生99人"</script></head><body><p>全县共出生1083人,</p><p>出生率为3.41&permil;</p></body></html>');
    const r = figures([file, '--json']);
    expect(r.indicators.map((i: { id: string; value: number }) => [i.id, i.value])).toEqual([['births.total', 1083], ['rate.birth', 3.41]]);
  });
});

describe('output paths that are also inputs', () => {
  it.each([
    ['--out that is an input', (d: string) => [join(d, 'r.txt'), '--out', join(d, 'r.txt')], /--out .*r\.txt is also an input/],
    ['--out and --checks-csv in one file', (d: string) => [join(d, 'r.txt'), '--csv', '--out', join(d, 'x.csv'), '--checks-csv', join(d, 'x.csv')], /--out and --checks-csv name the same file/],
    ['a report-named --out inside the folder read', (d: string) => [d, '--json', '--out', join(d, 'out.txt')], /lies in the folder .* being read and is named like a report/],
  ])('%s is a usage error, and the report is left as it was', (_name, args, message) => {
    const d = join(dir, `paths-${Math.random().toString(36).slice(2)}`);
    mkdirSync(d);
    writeFileSync(join(d, 'r.txt'), '全年出生100人\n');
    const { code, err } = run(args(d));
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(d, 'r.txt'), 'utf8')).toBe('全年出生100人\n');
    expect(readdirSync(d)).toEqual(['r.txt']);
  });
  it('writes a .json output inside the folder read, and a later run does not read it', () => {
    const d = join(dir, 'paths-json');
    mkdirSync(d);
    writeFileSync(join(d, 'r.txt'), '全年出生100人\n');
    expect(run([d, '--json', '--out', join(d, 'out.json')]).code).toBe(0);
    const again = JSON.parse(run([d, '--json']).out);
    expect(again.source.endsWith('r.txt')).toBe(true);
  });
});
