/**
 * The CLI battery, failures: each gets its documented exit code and one line on
 * stderr naming the path; hostile inputs, write errors and signals.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, cliScratch, fixture, run } from './helpers/cli.js';

let dir: string;
let texts: string;
beforeAll(() => {
  ({ dir, texts } = cliScratch('cli'));
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
    [['--names', 'stata', 'x.txt'], 2, /--names goes with --csv/],
    [['--names', 'spss', '--csv', 'x.txt'], 2, /Allowed choices are ids, stata/],
    [['x.txt', '--codebook'], 2, /--codebook reads no reports: drop x\.txt/],
    [['--codebook', 'xml'], 2, /Allowed choices are csv, markdown/],
    [['--panel', 'x.txt'], 2, /--panel goes with --csv or --json/],
    [['--panel', '--csv', '--wide', 'x.txt'], 2, /--panel cannot be combined with --wide/],
    [['--csv', '--conflicts', 'c.csv', 'x.txt'], 2, /--conflicts goes with --panel/],
    [['--no-such-option'], 2, /unknown option/],
    [['--jobs', '0', 'x.txt'], 2, /at least 1/],
    [['--encoding', 'klingon', 'x.txt'], 2, /klingon: not an encoding/],
    [[], 3, /extract: -: is empty/], // an empty pipe: standard input is read when no input is named
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
    expect(r.err.trim().split('\n')).toEqual([`extract: ${damaged}: warning: 1 byte sequence is not valid UTF-8 and was replaced by � (line 1)`]);
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
