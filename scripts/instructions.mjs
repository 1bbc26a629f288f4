#!/usr/bin/env node
// npm run bench:instructions: the work the extractor does, as instructions counted by
// valgrind's callgrind, which repeat between runs where wall-clock times on a shared machine
// swing by half. A change to the hot path is judged by these counts first, and by
// `npm run bench` second.
//
// Node runs with --single-threaded --predictable and fixed random and hash seeds: V8 then
// compiles on the main thread, where callgrind counts it, in the same order every run; the
// steady pass (below) repeats to about 0.1 %, the rest to a fraction of a per cent (the
// collector's timing still moves a little). Compilation is work the tool causes
// (on a 2-core machine the background compiler competes with the main thread), so the
// totals count it in; the warm pass is also given without it (below).
//
// Two measures:
//   per pass   extract() over a corpus in memory (scripts/in-memory.mjs), LOW and HIGH
//              passes: (high − low) / (HIGH − LOW) is the cost of a pass once warm. Given
//              twice: with the optimising compiler's work (TurboFan) that late passes still
//              cause, and without it. Which pass a large function reaches TurboFan in moves
//              with changes elsewhere (rateCheck alone is some 250 M instructions), so the
//              count without it is the one a change to the hot path is judged by.
//   start-up   the command line on one small report (fixtures/annual-summary.txt --json):
//              loading, rules, one extraction, output.
// The corpus is the real-density one (scripts/real-corpus.mjs) of BENCH_IR_MB megabytes
// (default 1) when ../shared/corpus is there, else the fixtures, each copied 20 times.
// NODE_EXTRA_CA_CERTS is left out of the runs: Node parses those certificates at start-up
// (on some machines a third of a small run's instructions), which says nothing of the tool.
//
// Usage: npm run bench:instructions   (needs valgrind: apt-get install valgrind)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReal, realTexts, vary } from './real-corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const LOW = 4;
const HIGH = 9;

if (spawnSync('valgrind', ['--version']).error) {
  console.error('bench:instructions: valgrind is not installed (apt-get install valgrind)');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'extract-instructions-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function corpus() {
  const texts = realTexts(root);
  if (texts.length) return buildReal(dir, texts, Number(process.env.BENCH_IR_MB || 1));
  const folder = join(dir, 'fixtures');
  mkdirSync(folder);
  const fixtures = readdirSync(join(root, 'fixtures')).filter((f) => f.endsWith('.txt')).sort();
  let bytes = 0;
  let n = 0;
  for (let k = 0; k < 20; k++)
    for (const f of fixtures) {
      const text = vary(readFileSync(join(root, 'fixtures', f), 'utf8'), k);
      writeFileSync(join(folder, `f${String(n++).padStart(5, '0')}.txt`), text);
      bytes += Buffer.byteLength(text);
    }
  return { name: 'fixtures ×20', folder, files: n, mb: bytes / 1e6 };
}

const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

/** Instructions of a callgrind profile spent in V8's optimising compiler (inclusive; regular and on-stack replacement). */
function compiling(profile) {
  const r = spawnSync('callgrind_annotate', ['--inclusive=yes', '--threshold=100', profile], { encoding: 'utf8', maxBuffer: 256 << 20 });
  let n = 0;
  for (const m of (r.stdout ?? '').matchAll(/^\s*([\d,]+) .*v8::internal::Runtime_CompileOptimized(?:OSR)?\(/gm)) n += Number(m[1].replaceAll(',', ''));
  return n;
}

/** Instructions of one run of node with `args` under callgrind, and of them the optimising compiler's (a promise: two runs go side by side). */
function count(args) {
  return new Promise((resolve, reject) => {
    const out = join(dir, `callgrind.${Math.random().toString(36).slice(2)}`);
    const child = spawn('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, process.execPath, '--single-threaded', '--predictable', '--random-seed=1', '--hash-seed=1', ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const m = /Collected : (\d+)/.exec(stderr);
      if (code !== 0 || !m) reject(new Error(`callgrind run failed (exit ${code}): node ${args.join(' ')}\n${stderr.trim().split('\n').slice(-3).join('\n')}`));
      else resolve({ total: Number(m[1]), compiler: compiling(out) });
    });
  });
}

const c = corpus();
console.log(`node ${process.version}; callgrind, node --single-threaded --predictable; ${c.name}: ${c.files} files, ${c.mb.toFixed(1)} MB`);
const inMemory = join(root, 'scripts/in-memory.mjs');
const [low, high] = await Promise.all([count([inMemory, c.folder, String(LOW)]), count([inMemory, c.folder, String(HIGH)])]);
const M = (n) => `${(n / 1e6).toFixed(1)} M`.padStart(10);
const perPass = (key) => (high[key] - low[key]) / (HIGH - LOW);
const steady = perPass('total') - perPass('compiler');
console.log(`per pass, without TurboFan ${M(steady)}  (${(steady / c.mb / 1e6).toFixed(1)} M/MB)`);
console.log(`per pass, with it          ${M(perPass('total'))}  (TurboFan ${M(perPass('compiler')).trim()}; ${HIGH} passes ${M(high.total).trim()}, ${LOW} passes ${M(low.total).trim()})`);
console.log(`start-up and ${LOW} passes     ${M(low.total)}  (TurboFan ${M(low.compiler).trim()})`);
const small = await count([join(root, 'bin/extract.js'), join(root, 'fixtures/annual-summary.txt'), '--json']);
const bare = await count(['-e', '']);
console.log(`one small report           ${M(small.total)}  (TurboFan ${M(small.compiler).trim()}; node itself, node -e '': ${M(bare.total).trim()})`);
