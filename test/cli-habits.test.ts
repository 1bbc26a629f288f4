/**
 * The habits of the command-line tools researchers use (csvkit, xsv,
 * ripgrep): --version, a piped report read without "-", colour by --color,
 * NO_COLOR and FORCE_COLOR, a table that fits the terminal, and an internal
 * error's own exit code.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EXIT, main, type Io } from '../src/cli.js';
import { bin, fixture, root, run } from './helpers/cli.js';
import { scratchDir } from './helpers/scratch.js';

// Reading throws for a file whose name holds "bug", as a fault in the code would.
vi.mock('../src/batch/process.js', async (original) => {
  const real = await original<typeof import('../src/batch/process.js')>();
  return {
    ...real,
    readFile: (path: string, ...rest: unknown[]) => {
      if (path.includes('bug')) throw new TypeError("Cannot read properties of undefined (reading 'id')");
      return (real.readFile as (...a: unknown[]) => unknown)(path, ...rest);
    },
  };
});

const dir = scratchDir('habits');
const ESC = /\x1b\[/;

/** An in-process run: standard output a terminal of `columns` when given. */
function io(options: { tty?: boolean; columns?: number; env?: Record<string, string> } = {}): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string | Uint8Array) => (out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), isTTY: options.tty, columns: options.columns },
    stderr: { write: (s: string) => (err += s) },
    env: options.env ?? {},
    out: () => out,
    err: () => err,
  };
}

/** Columns a line takes on a terminal: two for a CJK character or a full-width sign. */
const displayWidth = (line: string) => [...line.replace(/\x1b\[[0-9;]*m/g, '')].reduce((w, ch) => w + (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6\u3000-\u303f]/u.test(ch) ? 2 : 1), 0);

describe('--version', () => {
  it("prints the package's version", () => {
    const { code, out } = run(['--version']);
    expect(code).toBe(0);
    expect(out.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
});

describe('standard input', () => {
  it('is read when a report is piped in and no input is named', () => {
    const { code, out } = run(['--json'], '全县全年出生1520人,其中政策外出生60人。');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.source).toBe('-');
    expect(r.indicators.map((i: { value: number }) => i.value)).toEqual([1520, 60]);
  });
  it('is not waited for when it is no pipe (a terminal, /dev/null): no input is a usage error', () => {
    const r = spawnSync(process.execPath, [bin, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/no input: name report files or folders, or pipe a report in/);
  });
});

describe('colour', () => {
  const report = fixture('contradiction.txt');
  it.each<[string, string[], { tty?: boolean; env?: Record<string, string> }, boolean]>([
    ['a terminal', [], { tty: true }, true],
    ['a pipe', [], {}, false],
    ['a terminal with NO_COLOR', [], { tty: true, env: { NO_COLOR: '1' } }, false],
    ['a terminal with an empty NO_COLOR', [], { tty: true, env: { NO_COLOR: '' } }, true],
    ['a dumb terminal', [], { tty: true, env: { TERM: 'dumb' } }, false],
    ['a pipe with FORCE_COLOR=1', [], { env: { FORCE_COLOR: '1' } }, true],
    ['a pipe with FORCE_COLOR=0', [], { env: { FORCE_COLOR: '0' } }, false],
    ['a pipe with --color always', ['--color', 'always'], {}, true],
    ['a terminal with --color never', ['--color', 'never'], { tty: true }, false],
    ['a terminal with --color never and FORCE_COLOR', ['--color', 'never'], { tty: true, env: { FORCE_COLOR: '1' } }, false],
  ])('%s', async (_what, args, options, colored) => {
    const x = io(options);
    expect(await main([report, '-j', '1', ...args], x)).toBe(EXIT.ok);
    expect(ESC.test(x.out())).toBe(colored);
  });
  it('--color takes auto, always or never', () => {
    const r = run([report, '--color', 'sometimes']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/Allowed choices are auto, always, never/);
  });
});

describe('the table view on a terminal', () => {
  it.each([60, 80, 120])('fits %d columns', async (columns) => {
    const x = io({ tty: true, columns });
    await main([fixture('county-report.txt'), '-j', '1'], x);
    const table = x.out().split('\n').filter((l) => /^[┌│└├]/.test(l.replace(/\x1b\[[0-9;]*m/g, '')));
    expect(table.length).toBeGreaterThan(10);
    for (const l of table) expect(displayWidth(l), l).toBeLessThanOrEqual(columns);
  });
  it('names the section of each row when the file holds several reports', async () => {
    const x = io({ tty: true, columns: 100 });
    await main([fixture('compilation.txt'), '-j', '1', '--color', 'never'], x);
    const lines = x.out().split('\n');
    expect(lines.find((l) => l.startsWith('│'))).toMatch(/^│ sec\s+│ line/);
    // A row of the second report says so.
    expect(lines.some((l) => /^│ 1\s+│ \d+/.test(l))).toBe(true);
  });
  it('shows a bound with its sign: ≤107 for 控制在107以内', async () => {
    const file = join(dir, 'bound.txt');
    writeFileSync(file, '全县出生人口性别比控制在了107以内。');
    const x = io();
    await main([file, '-j', '1'], x);
    expect(x.out()).toMatch(/│ ≤107\s+│ ratio/);
  });
});

describe('an internal error', () => {
  it('in one input: the others are reported, and the run exits with the internal-error code, not the failed-input one', async () => {
    const good = join(dir, 'good.txt');
    const bad = join(dir, 'bug.txt');
    writeFileSync(good, '全县全年出生1520人。');
    writeFileSync(bad, '全县全年出生980人。');
    const x = io();
    expect(await main([good, bad, '--jsonl', '-j', '1'], x)).toBe(EXIT.internal);
    const reports = x.out().trim().split('\n').map((l) => JSON.parse(l) as { error?: string });
    // JSON Lines in the order files finish: sorted here.
    expect(reports.map((r) => r.error ?? 'ok').sort()).toEqual(["internal error: Cannot read properties of undefined (reading 'id')", 'ok']);
    expect(x.err()).toMatch(/1 input failed from an internal error, not from its content: a bug, please report it/);
  });
  it('an input that cannot be read still exits 3', async () => {
    const x = io();
    expect(await main([join(dir, 'missing.txt'), '--jsonl', '-j', '1'], x)).toBe(EXIT.inputFailed);
  });
});
