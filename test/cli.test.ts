/**
 * The CLI battery: the built command, spawned as a user runs it. Each failure
 * gets its documented exit code and one line on stderr naming the path.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from './helpers/scratch.js';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/extract.js');
const fixture = (n: string) => join(root, 'fixtures', n);

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let dir: string;
/** A folder of the four text fixtures (fixtures/ holds documents too, in fixtures/documents/). */
let texts: string;
beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli.js'))) spawnSync('npm', ['run', 'build'], { cwd: root });
  dir = scratchDir('cli');
  texts = join(dir, 'texts');
  mkdirSync(texts);
  for (const f of readdirSync(join(root, 'fixtures')).filter((n) => n.endsWith('.txt'))) copyFileSync(fixture(f), join(texts, f));
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
      ['report.doc', 'doc', 21],
      ['report.docx', 'docx', 21],
      ['report.txt', 'text', 21],
      ['scanned.pdf', 'text', 'has no text layer: a scanned PDF needs OCR first'],
    ]);
    expect(err).toContain('scanned.pdf: has no text layer: a scanned PDF needs OCR first\n');
    expect(err).toContain('extract: 1 file skipped, not reports by their names: .py\n');
    expect(err).toMatch(/extract: 6 inputs \(2 pdf, 1 doc, 1 docx, 1 text\), 1 failed, 0 flagged checks/);
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

describe('failures', () => {
  it('a folder with one unreadable file yields every other report and exit code 3', () => {
    const d = join(dir, 'batch');
    mkdirSync(d);
    writeFileSync(join(d, 'a.txt'), '全县共出生1083人');
    writeFileSync(join(d, 'b.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x00]));
    writeFileSync(join(d, 'c.txt'), '全年落实计划生育手术1782例');
    const { code, out, err } = run([d, '--jsonl', '-j', '2']);
    expect(code).toBe(3);
    const reports = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(reports).toHaveLength(3);
    expect(reports.filter((r) => r.error)).toHaveLength(1);
    expect(err).toMatch(/b\.txt: is not text/);
  });
  it.each([
    [['missing.txt', '--json'], 3, /missing\.txt: no such file/],
    [['--json', '--csv', 'x.txt'], 2, /--json and --csv cannot be combined/],
    [['--wide', 'x.txt'], 2, /--wide goes with --csv/],
    [['--no-such-option'], 2, /unknown option/],
    [['--jobs', '0', 'x.txt'], 2, /at least 1/],
    [['--encoding', 'klingon', 'x.txt'], 2, /klingon: not an encoding/],
    [[], 2, /no input/],
  ])('%j → exit %d', (args, code, message) => {
    const r = run(args as string[]);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });
  it('invalid UTF-8: damaged UTF-8 is read with a one-line warning; bytes that are no text encoding fail with exit 3', () => {
    const damaged = join(dir, 'damaged.txt');
    const good = Buffer.from('全县共出生1083人,其中政策内出生1021人。'.repeat(5));
    writeFileSync(damaged, Buffer.concat([good, good.subarray(0, good.length - 1)])); // the last character cut in half
    const r = run([damaged, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ encoding: 'utf-8', indicators: expect.arrayContaining([expect.objectContaining({ id: 'births.total', value: 1083 })]) });
    expect(r.err.trim().split('\n')).toEqual([`extract: ${damaged}: warning: 1 byte sequence is not valid UTF-8 and was replaced by U+FFFD`]);
    const garbage = join(dir, 'garbage.txt');
    writeFileSync(garbage, Buffer.from([0xff, 0xff, 0x80, 0x80, 0xff, 0xc3, 0x28]));
    const g = run([garbage, '--json']);
    expect(g.code).toBe(3);
    expect(g.err.trim().split('\n')).toEqual([`extract: ${garbage}: is neither valid UTF-8 nor GB18030 (use --encoding to name its encoding: big5, utf-16le, …)`]);
  });
  it('an empty file and a folder with no reports fail with exit 3', () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const nothing = join(dir, 'nothing');
    mkdirSync(nothing);
    expect(run([empty, '--json'])).toMatchObject({ code: 3, err: expect.stringMatching(/empty\.txt: is empty/) });
    expect(run([nothing, '--json'])).toMatchObject({ code: 3, err: expect.stringMatching(/nothing: no reports/) });
  });
  it('--out into a folder that does not exist is a usage error naming it', () => {
    const r = run([fixture('county-report.txt'), '--json', '--out', join(dir, 'no/such/dir/x.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/x\.json: cannot write \(its folder does not exist\)/);
  });
  it('a failing run leaves an existing --out file intact', () => {
    const out = join(dir, 'keep.json');
    writeFileSync(out, 'previous results');
    expect(run(['missing.txt', '--json', '--out', out]).code).toBe(3);
    expect(readFileSync(out, 'utf8')).toBe('previous results');
  });
  it('a malformed rule file under --patterns is exit 2, naming the file and the field', () => {
    const p = join(dir, 'rules');
    mkdirSync(p);
    writeFileSync(join(p, 'mine.json'), JSON.stringify({ family: 'mine', rules: [{ id: 'other.x', labels: [], accepts: ['count'], unit: '人' }] }));
    const r = run([fixture('county-report.txt'), '--patterns', p]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/mine\.json: rules\[0\]\.labels/);
  });
  it('a user rule file adds figures', () => {
    const p = join(dir, 'rules-ok');
    mkdirSync(p);
    writeFileSync(join(p, 'extra.json'), JSON.stringify({
      family: 'extra',
      rules: [{ id: 'other.certificates', labels: ['领取独生子女证人数'], accepts: ['count'], unit: '人', examples: [] }],
    }));
    const r = JSON.parse(run(['-', '--json', '--patterns', p], '领取独生子女证人数356人').out);
    expect(r.indicators).toMatchObject([{ id: 'other.certificates', value: 356 }]);
  });
  it('--strict exits 1 on a contradiction and 0 without it', () => {
    expect(run([fixture('contradiction.txt'), '--strict']).code).toBe(1);
    expect(run([fixture('contradiction.txt')]).code).toBe(0);
    expect(run([fixture('county-report.txt'), '--strict']).code).toBe(0);
  });
  it('--help lists every option with examples', () => {
    const { code, out } = run(['--help']);
    expect(code).toBe(0);
    for (const o of ['--json', '--jsonl', '--csv', '--wide', '--out', '--bom', '--checks-csv', '--encoding', '--patterns', '--strict', '--jobs', '--quiet', 'Exit codes']) {
      expect(out).toContain(o);
    }
  });
});

describe('hostile inputs', () => {
  it('a 4 MB single line of digits, numerals and punctuation is read in one pass, every figure in it found', () => {
    // Runs of ten digits glued to numerals, a numeral run too long to be a figure, a bare 100, and one real figure per repeat.
    const unit = '1234567890一二三四五六七八九十百千万亿点,.%‰:100出生率为全县共出生1083人,';
    const repeats = Math.ceil(4e6 / Buffer.byteLength(unit));
    const file = join(dir, 'line.txt');
    writeFileSync(file, unit.repeat(repeats));
    const { code, out } = run([file, '--jsonl']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.indicators).toHaveLength(repeats);
    expect(new Set(r.indicators.map((i: { id: string; value: number; text: string }) => `${i.id} ${i.value} ${i.text}`))).toEqual(new Set(['births.total 1083 出生1083人']));
  }, 60_000);
  it('a page of thousands of populations and birth rates checks each rate against its neighbours', () => {
    const file = join(dir, 'rates.txt');
    writeFileSync(file, '总人口100000人,出生1000人,出生率10‰,'.repeat(20_000));
    const { code, out } = run([file, '--jsonl']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.indicators).toHaveLength(60_000);
    const rates = r.checks.filter((c: { rule: string }) => c.rule === 'per-population-rate');
    expect(rates).toHaveLength(20_000);
    expect(new Set(rates.map((c: { status: string }) => c.status))).toEqual(new Set(['consistent']));
  }, 60_000);
  it.each([
    ['4 MB of one digit', 'digits.txt', '9'.repeat(4e6)],
    // Each pair would be a table row if it opened a line; the row test once searched the whole line for each.
    ['a long line of label and bare number pairs', 'pairs.txt', '出生 123,'.repeat(200_000)],
  ])('%s is no figure', (_name, name, content) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    const { code, out } = run([file, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).indicators).toEqual([]);
  }, 60_000);
  it('a reader that closes the pipe early (extract … | head) ends the run quietly', async () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let i = 0; i < 200; i++) writeFileSync(join(many, `r${String(i).padStart(3, '0')}.txt`), `全县共出生${1000 + i}人。`.repeat(200));
    const child = spawn(process.execPath, [bin, many, '--jsonl', '--jobs', '1']);
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect({ code, err }).toEqual({ code: 0, err: '' });
  }, 60_000);
  it.each(['1', '2'])('an interrupted run (Ctrl-C, --jobs %s) leaves the existing --out file intact and no temporary file behind', async (jobs) => {
    const batch = join(dir, 'big');
    if (!existsSync(batch)) {
      mkdirSync(batch);
      const report = readFileSync(fixture('annual-summary.txt'), 'utf8');
      for (let i = 0; i < 3000; i++) writeFileSync(join(batch, `r${String(i).padStart(4, '0')}.txt`), report);
    }
    const outDir = join(dir, `interrupted-${jobs}`);
    mkdirSync(outDir);
    const out = join(outDir, 'all.jsonl');
    writeFileSync(out, 'previous results');
    const child = spawn(process.execPath, [bin, batch, '--jsonl', '--jobs', jobs, '--quiet', '--out', out]);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    // Wait until the run is writing its temporary file, then interrupt it.
    const temporary = () => readdirSync(outDir).filter((f) => f.endsWith('.tmp'));
    while (!temporary().length) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    // 128 + 2: as a shell reports a run Ctrl-C ended.
    expect(await exited).toEqual({ code: 130, signal: null });
    expect(readFileSync(out, 'utf8')).toBe('previous results');
    expect(readdirSync(outDir)).toEqual(['all.jsonl']);
  }, 60_000);
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

describe('write errors are failures, never success', () => {
  const toFull = (args: string[]) => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      return { code: r.status, err: r.stderr };
    } finally {
      closeSync(fd);
    }
  };
  it.skipIf(!existsSync('/dev/full'))('standard output on a full disk: exit 4 and one line', () => {
    const { code, err } = toFull([fixture('county-report.txt'), '--json']);
    expect(code).toBe(4);
    expect(err).toBe('extract: standard output: cannot write: no space left on the device (ENOSPC)\n');
  });
  it.skipIf(!existsSync('/dev/full'))('more than a block of output on a full disk: still exit 4, no stack trace', () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, readFileSync(fixture('annual-summary.txt'), 'utf8').repeat(200));
    const { code, err } = toFull([big, '--jsonl', '-q']);
    expect(code).toBe(4);
    expect(err.trim().split('\n')).toEqual(['extract: standard output: cannot write: no space left on the device (ENOSPC)']);
  });
  it('an --out that is a folder is a usage error naming it', () => {
    const { code, err } = run([fixture('county-report.txt'), '--json', '--out', dir]);
    expect(code).toBe(2);
    expect(err).toBe(`extract: ${dir}: cannot write (it is a folder)\n`);
  });
});

describe('signals, non-regular inputs and what a killed run leaves', () => {
  it('SIGTERM while one large file is read: exit 143, the earlier --out kept, no temporary file', async () => {
    const d = join(dir, 'signal');
    mkdirSync(d);
    writeFileSync(join(d, 'big.txt'), readFileSync(fixture('county-report.txt'), 'utf8').repeat(3000));
    writeFileSync(join(d, 'out.json'), '{"earlier":true}\n');
    const child = spawn(process.execPath, [bin, join(d, 'big.txt'), '--json', '--out', join(d, 'out.json'), '-j', '1'], { stdio: 'ignore' });
    // Once the run has its temporary file, it is reading the file.
    while (!readdirSync(d).some((f) => f.endsWith('.tmp'))) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(143);
    expect(readFileSync(join(d, 'out.json'), 'utf8')).toBe('{"earlier":true}\n');
    expect(readdirSync(d).sort()).toEqual(['big.txt', 'out.json']);
  }, 30_000);
  it.skipIf(process.platform === 'win32')('a FIFO named on the command line is refused, not waited on', () => {
    const fifo = join(dir, 'pipe.txt');
    spawnSync('mkfifo', [fifo]);
    const { code, err } = run([fixture('county-report.txt'), fifo, '--jsonl']);
    expect(code).toBe(3);
    expect(err.split('\n')[0]).toBe(`extract: ${fifo}: not a regular file (a FIFO): name "-" to read standard input`);
  });
  it('removes the temporary file a killed run left (a process that is gone), and no other', () => {
    const d = join(dir, 'stale');
    mkdirSync(d);
    writeFileSync(join(d, '.out.json.999999999.1.tmp'), 'half');
    writeFileSync(join(d, `.out.json.${process.pid}.2.tmp`), 'a live run’s');
    expect(run([fixture('county-report.txt'), '--json', '--out', join(d, 'out.json')]).code).toBe(0);
    expect(readdirSync(d).sort()).toEqual([`.out.json.${process.pid}.2.tmp`, 'out.json']);
  });
});
