#!/usr/bin/env node
// npm run bench: builds synthetic corpora of at least 50 MB each from the fixtures in a
// temporary folder, runs the CLI over each with --jobs 1 and with the default, and
// prints MB/s, files/s and peak RSS. Then the adversarial inputs of the robustness
// battery (a 4 MB line of digits and numerals; 4 MB of one digit), timed alone; then
// a 60 MB single file and a dense 40 MB one, with their peak RSS against its bound.
//
// Three corpora, because throughput depends on how many figures a text holds:
//   typical  one report per file at the length and density of real reports (about
//            20 KB, a figure per 700 bytes): the full-length fixture with its
//            paragraphs that state no figure added under its work headings, as
//            long reports are mostly prose around one dense paragraph of figures.
//   reports  one report per file, as collected: the full-length prose fixture
//            (annual-summary.txt), a third of them followed by a short report as on
//            compilation pages. About one figure per 200 bytes, three or four times
//            the density of real reports.
//   dense    the short fixtures repeated 20–80 times per file: one figure per 50
//            bytes, a worst case in which the output is five times the input.
// Output goes to a file, as a user's would; its size is printed.
//
// When ../shared/corpus is there (the project's development and training reports), two
// more corpora at the size and density of real collections: copies of its texts (about
// 4 KB a file, a figure per 380 bytes), figures varied, 10 MB and 100 MB (BENCH_REAL_MB
// sets the sizes, as "10,100,500"). Each is run beside a bare regex pass over the same
// files (scripts/bare-regex.mjs: walk, read, one number regex), and the ratio printed; up to
// 100 MB, extraction alone in memory too (scripts/in-memory.mjs: no start-up, warm-up,
// reading or JSON, the steadiest measure of the extraction stages); with
// two sizes of 100 MB or more (BENCH_REAL_MB=100,500), their peak RSS side by side.
//
// Then the panel over the typical and reports corpora; last, the review page of 500 typical reports, opened in headless chromium when there is one.
//
// BENCH_COLD=1 runs each real-density corpus once more with the system's file cache
// emptied first (Linux, as root: it writes /proc/sys/vm/drop_caches), as on a first run
// over a collection just copied or downloaded.
//
// BENCH_MB sets the size of each corpus (default 50). BENCH_ONLY runs some parts alone,
// as "real" or "synthetic,panel" (parts: synthetic, real, adversarial, large, panel, review).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReal as buildRealIn, realTexts as sharedTexts, vary } from './real-corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const targetMB = Number(process.env.BENCH_MB || 50);
const dir = mkdtempSync(join(tmpdir(), 'extract-bench-'));
const fixture = (name) => readFileSync(join(root, 'fixtures', name), 'utf8');
const long = fixture('annual-summary.txt');
const short = readdirSync(join(root, 'fixtures')).filter((f) => f.endsWith('.txt') && f !== 'annual-summary.txt').sort().map(fixture);

// Figures are varied so that no two files are alike.

function build(name, makeFile) {
  const folder = join(dir, name);
  mkdirSync(folder);
  let bytes = 0;
  let n = 0;
  while (bytes < targetMB * 1e6) {
    const text = makeFile(n);
    writeFileSync(join(folder, `r${String(n).padStart(5, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
    n++;
  }
  return { name, folder, files: n, mb: bytes / 1e6 };
}

// The fixture's paragraphs that state no figure, found by the extractor itself.
const { extract } = await import(join(root, 'dist/index.js'));
const lines = long.split('\n');
const prose = lines.filter((l) => l.length > 100 && extract(l).indicators.length === 0);
const problemsAt = lines.findIndex((l) => l.startsWith('三、'));
function typical(n) {
  const head = lines.slice(0, problemsAt);
  const tail = lines.slice(problemsAt);
  const added = [];
  for (let k = 0, bytes = Buffer.byteLength(long); bytes < 20_000; k++) {
    const p = prose[(n + k) % prose.length];
    added.push(p, '');
    bytes += Buffer.byteLength(p) + 2;
  }
  return vary([...head, ...added, ...tail].join('\n'), n);
}

const only = process.env.BENCH_ONLY?.split(',');
const want = (part) => !only || only.includes(part);
const corpora = !(want('synthetic') || want('panel') || want('review')) ? [] : [
  build('typical', typical),
  build('reports', (n) => vary(long, n) + (n % 3 === 0 ? '\n' + vary(short[n % short.length], n) : '')),
  build('dense', (n) => {
    let text = '';
    for (let i = 0, copies = 20 + (n % 60); i < copies; i++) text += vary(short[n % short.length], i + n) + '\n';
    return text;
  }),
];

// Real density: copies of the shared corpus's texts, when it is there (never committed).
const realTexts = sharedTexts(root);
const realSizes = (process.env.BENCH_REAL_MB ?? '10,100').split(',').map(Number).filter((n) => n > 0);
const buildReal = (mb) => buildRealIn(dir, realTexts, mb);

// Peak RSS of the whole process (worker threads included): GNU time where there is one.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
function run(args, script = join(root, 'bin/extract.js')) {
  const outFile = join(dir, 'out');
  const fd = openSync(outFile, 'w');
  const t0 = process.hrtime.bigint();
  const cmd = gnuTime ? [gnuTime, ['-f', 'RSS_KB %M', process.execPath, script, ...args]] : [process.execPath, [script, ...args]];
  const r = spawnSync(cmd[0], cmd[1], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  closeSync(fd);
  const rss = /RSS_KB (\d+)/.exec(r.stderr ?? '');
  return { seconds, rssMB: rss ? Number(rss[1]) / 1024 : NaN, status: r.status, outMB: statSync(outFile).size / 1e6 };
}

const cores = availableParallelism();
/** A run over corpus `c` as one line: throughput, peak RSS, time and what `tail` adds (before the closing bracket). */
const runLine = (c, label, r, tail = '') =>
  `  ${label.padEnd(20)} ${(c.mb / r.seconds).toFixed(1).padStart(6)} MB/s ${(c.files / r.seconds).toFixed(0).padStart(7)} files/s` +
  `  peak RSS ${r.rssMB.toFixed(0).padStart(4)} MB  (${r.seconds.toFixed(2)} s${tail}, exit ${r.status})`;
// The default --jobs should never be much slower than one thread (issue: a few per cent).
const defaultAgainstOne = (one, dflt) => `  default against --jobs 1: ${dflt <= one ? `${((1 - dflt / one) * 100).toFixed(0)}% faster` : `${((dflt / one - 1) * 100).toFixed(0)}% slower`}`;
console.log(`node ${process.version}, ${cores} cores; output to a file; times include start-up`);
// The goal (issue: 25 MB/s in one process on a 2-core machine) is read on reports as
// they come, the typical corpus; the denser corpora show how throughput falls with density.
const GOAL_MB_S = 25;
let oneThreadTypical = NaN;
for (const c of want('synthetic') ? corpora : []) {
  console.log(`\n${c.name}: ${c.files} files, ${c.mb.toFixed(1)} MB`);
  const seconds = [];
  for (const [label, jobs] of [['--jobs 1', ['--jobs', '1']], [`--jobs ${cores} (default)`, []]]) {
    const r = run([c.folder, '--jsonl', '--quiet', ...jobs]);
    seconds.push(r.seconds);
    if (c.name === 'typical' && jobs.length) oneThreadTypical = c.mb / r.seconds;
    console.log(runLine(c, label, r, `, ${r.outMB.toFixed(0)} MB of JSON Lines`));
  }
  console.log(defaultAgainstOne(seconds[0], seconds[1]));
}

if (want('synthetic')) console.log(
  `\ngoal: ${GOAL_MB_S} MB/s in one process on typical reports; --jobs 1 gives ${oneThreadTypical.toFixed(1)} MB/s: ` +
    (oneThreadTypical >= GOAL_MB_S ? 'met' : 'not met'),
);

// Real density, beside the bare regex pass over the same files in the same run.
// The goals (issue: speed at the density of real reports): 100 MB at 25 MB/s or more with
// --jobs 1 and within 3× of the bare regex; 10 MB, where start-up weighs, at 15 MB/s.
const realGoal = (mb) => (mb >= 100 ? { mbPerS: 25, ratio: 3 } : { mbPerS: 15, ratio: Infinity });
if (want('real') && !realTexts.length) console.log('\nreal density: not run (no ../shared/corpus)');
/** Peak RSS in MB by run and corpus size, for the comparison after the runs. */
const peakRss = {};
for (const mb of want('real') && realTexts.length ? realSizes : []) {
  const c = buildReal(mb);
  console.log(`\n${c.name}: ${c.files} files of the shared corpus's ${realTexts.length} texts, ${c.mb.toFixed(1)} MB`);
  const bare = run([c.folder], join(root, 'scripts/bare-regex.mjs'));
  console.log(runLine(c, 'bare regex', bare));
  if (mb <= 100) console.log(inMemoryLine(c));
  const seconds = [];
  for (const [label, jobs] of [['--jobs 1', ['--jobs', '1']], [`--jobs ${cores} (default)`, []]]) {
    const r = run([c.folder, '--jsonl', '--quiet', ...jobs]);
    seconds.push(r.seconds);
    (peakRss[label] ??= new Map()).set(mb, r.rssMB);
    const ratio = r.seconds / bare.seconds;
    console.log(`${runLine(c, label, r, `, ${r.outMB.toFixed(0)} MB of JSON Lines`)}  ${ratio.toFixed(1)}× the bare regex`);
    if (!jobs.length) continue;
    const goal = realGoal(mb);
    const one = c.mb / r.seconds;
    console.log(`  goal --jobs 1: ${goal.mbPerS} MB/s${goal.ratio < Infinity ? `, ≤ ${goal.ratio}× the bare regex` : ''}: ${one >= goal.mbPerS && ratio <= goal.ratio ? 'met' : 'not met'}`);
  }
  console.log(defaultAgainstOne(seconds[0], seconds[1]));
  // Files not yet in the system's cache, as on a first run over a collection just copied.
  if (process.env.BENCH_COLD === '1') {
    for (const [label, jobs] of [['--jobs 1, not cached', ['--jobs', '1']], [`--jobs ${cores}, not cached`, []]]) {
      if (!dropCaches()) {
        console.log('  not cached: not run (the system\'s cache can be dropped only as root, on Linux)');
        break;
      }
      const r = run([c.folder, '--jsonl', '--quiet', ...jobs]);
      console.log(runLine(c, label, r, `, ${r.outMB.toFixed(0)} MB of JSON Lines`));
    }
  }
  rmSync(c.folder, { recursive: true, force: true });
}

/** Empties the system's file cache (Linux, as root), then loads node and the tool once, so that only the corpus is read from disk. */
function dropCaches() {
  spawnSync('sync');
  try {
    writeFileSync('/proc/sys/vm/drop_caches', '3');
  } catch {
    return false;
  }
  spawnSync(process.execPath, [join(root, 'bin/extract.js'), join(root, 'fixtures/annual-summary.txt'), '--json'], { stdio: 'ignore' });
  return true;
}
/** extract() alone over corpus `c`, in memory, the best of three passes (scripts/in-memory.mjs). */
function inMemoryLine(c) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/in-memory.mjs'), c.folder, '3'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const ms = Number(/BEST_MS ([\d.]+)/.exec(r.stdout ?? '')?.[1]);
  if (!(ms > 0)) return `  extraction in memory  failed (exit ${r.status}): ${(r.stderr ?? '').trim().split('\n').pop()}`;
  return `  extraction in memory ${(c.mb / (ms / 1000)).toFixed(1).padStart(6)} MB/s  (${(ms / c.mb).toFixed(1)} ms/MB, best of 3 passes: no start-up, warm-up, reading or JSON)`;
}

// Memory flat in the number of files: the largest real corpus's peak RSS against the smallest's
// of 100 MB or more (goal: within 10 %).
const flatSizes = realSizes.filter((mb) => mb >= 100).sort((a, b) => a - b);
if (flatSizes.length > 1) {
  const [lo, hi] = [flatSizes[0], flatSizes[flatSizes.length - 1]];
  console.log(`
peak RSS, real ${hi} MB against ${lo} MB (goal: within 10 %)`);
  for (const [label, byMb] of Object.entries(peakRss)) {
    const growth = byMb.get(hi) / byMb.get(lo) - 1;
    console.log(`  ${label.padEnd(20)} ${byMb.get(lo).toFixed(0)} → ${byMb.get(hi).toFixed(0)} MB: ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(0)} %, ${Math.abs(growth) <= 0.1 ? 'met' : 'not met'}`);
  }
}

if (want('adversarial')) {
  // Adversarial: one 4 MB line of digits, numerals and punctuation; 4 MB of one digit. Must stay linear.
  console.log('\nadversarial inputs');
  const unit = '1234567890一二三四五六七八九十百千万亿点,.%‰:100出生率为';
  const adversarial = join(dir, 'adversarial.txt');
  writeFileSync(adversarial, unit.repeat(Math.ceil(4e6 / Buffer.byteLength(unit))));
  const digits = join(dir, 'digits.txt');
  writeFileSync(digits, '9'.repeat(4e6));
  // One long line of label–bare-number pairs, and of populations with birth rates: each
  // once cost its square (a table-row test and a population search looked line-wide).
  const pairs = join(dir, 'pairs.txt');
  writeFileSync(pairs, '出生 123,'.repeat(400_000));
  const rates = join(dir, 'rates.txt');
  writeFileSync(rates, '总人口100000人,出生1000人,出生率10‰,'.repeat(40_000));
  for (const [label, file] of [['4 MB mixed line', adversarial], ['4 MB of one digit', digits], ['3 MB of label pairs', pairs], ['2 MB of rates', rates]]) {
    const r = run([file, '--json', '--quiet']);
    console.log(`  ${label.padEnd(20)} ${r.seconds.toFixed(2).padStart(6)} s  peak RSS ${r.rssMB.toFixed(0).padStart(4)} MB  (exit ${r.status})`);
  }
}

if (want('large')) {
  // Large single files, each rendered in a worker whose heap is limited (WORKER_MEMORY_MB):
  // a 60 MB compilation of typical reports, and 40 MB of the dense corpus in one file.
  // Peak RSS must stay within MEMORY_BOUND_MB (README: Limits).
  const MEMORY_BOUND_MB = 5 * 1024;
  console.log('\nlarge single files');
  const compilation = join(dir, 'compilation-60MB.txt');
  {
    const parts = [];
    for (let n = 0, bytes = 0; bytes < 60e6; n++) {
      const t = typical(n);
      parts.push(t);
      bytes += Buffer.byteLength(t) + 1;
    }
    writeFileSync(compilation, parts.join('\n'));
  }
  const dense40 = join(dir, 'dense-40MB.txt');
  {
    const parts = [];
    for (let n = 0, bytes = 0; bytes < 40e6; n++) {
      const t = vary(short[n % short.length], n);
      parts.push(t);
      bytes += Buffer.byteLength(t) + 1;
    }
    writeFileSync(dense40, parts.join('\n'));
  }
  for (const [label, file] of [['60 MB of reports', compilation], ['40 MB dense', dense40]]) {
    const mb = statSync(file).size / 1e6;
    const r = run([file, '--jsonl', '--quiet']);
    console.log(
      `  ${label.padEnd(20)} ${r.seconds.toFixed(2).padStart(6)} s  ${(mb / r.seconds).toFixed(1).padStart(5)} MB/s  peak RSS ${r.rssMB.toFixed(0).padStart(5)} MB` +
        ` (bound ${MEMORY_BOUND_MB} MB: ${r.rssMB <= MEMORY_BOUND_MB ? 'within' : 'EXCEEDED'})  (${r.outMB.toFixed(0)} MB of JSON Lines, exit ${r.status})`,
    );
  }
}

if (want('panel')) {
  // The panel over the whole typical corpus (and the reports corpus): one pass, memory
  // bounded by the reports' chosen figures and signatures, not their texts.
  console.log('\npanel');
  for (const c of corpora.slice(0, 2)) {
    const r = run([c.folder, '--panel', '--csv', '--quiet']);
    console.log(`  ${c.name.padEnd(8)} ${String(c.files).padStart(5)} files, ${c.mb.toFixed(0)} MB: ${r.seconds.toFixed(2)} s, ${(c.mb / r.seconds).toFixed(1)} MB/s, peak RSS ${r.rssMB.toFixed(0)} MB (exit ${r.status})`);
  }
}

if (want('review')) {
  // The review page of 500 typical reports: written by --review, then opened in headless
  // chromium (Debian's, through puppeteer-core) where there is one. The goal: under 2 s
  // from navigation to the load event.
  const REVIEW_GOAL_S = 2;
  console.log('\nreview page');
  const typicalFolder = corpora[0].folder;
  const five = join(dir, 'review-500');
  mkdirSync(five);
  for (const f of readdirSync(typicalFolder).sort().slice(0, 500)) writeFileSync(join(five, f), readFileSync(join(typicalFolder, f)));
  const page = join(dir, 'review.html');
  const made = run([five, '--jsonl', '--quiet', '--review', page]);
  console.log(`  500 reports: written in ${made.seconds.toFixed(2)} s, ${(statSync(page).size / 1e6).toFixed(1)} MB (exit ${made.status})`);
  const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
  if (!chromium) console.log('  not opened: no chromium (apt-get install chromium)');
  else {
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu'] });
    const times = [];
    for (let k = 0; k < 3; k++) {
      const tab = await browser.newPage();
      await tab.setViewport({ width: 1280, height: 800 });
      const t0 = process.hrtime.bigint();
      await tab.goto(`file://${page}`, { waitUntil: 'load', timeout: 120_000 });
      times.push(Number(process.hrtime.bigint() - t0) / 1e9);
      await tab.close();
    }
    await browser.close();
    const best = Math.min(...times);
    console.log(`  opened to its load event in ${times.map((t) => t.toFixed(2)).join(', ')} s; best ${best.toFixed(2)} s: goal (${REVIEW_GOAL_S} s) ${best < REVIEW_GOAL_S ? 'met' : 'not met'}`);
  }
}

rmSync(dir, { recursive: true, force: true });
