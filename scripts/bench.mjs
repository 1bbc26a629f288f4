#!/usr/bin/env node
// npm run bench: builds a synthetic corpus of at least 50 MB from the fixtures in a
// temporary folder, runs the CLI over it with --jobs 1 and with the default, and
// prints MB/s, files/s and peak RSS. Then the adversarial inputs of the robustness
// battery (a 4 MB line of digits and numerals), timed alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const targetMB = Number(process.env.BENCH_MB || 50);
const dir = mkdtempSync(join(tmpdir(), 'extract-bench-'));
const fixtures = readdirSync(join(root, 'fixtures')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(root, 'fixtures', f), 'utf8'));

// Files of ~100–400 KB: each a fixture repeated, with its figures varied so no two files are alike.
let bytes = 0;
let n = 0;
while (bytes < targetMB * 1e6) {
  const base = fixtures[n % fixtures.length];
  const copies = 20 + (n % 60);
  let text = '';
  for (let i = 0; i < copies; i++) text += base.replace(/\d+/g, (d) => String((Number(d) + i + n) % 100000)) + '\n';
  const file = join(dir, `r${String(n).padStart(5, '0')}.txt`);
  writeFileSync(file, text);
  bytes += Buffer.byteLength(text);
  n++;
}

function bench(label, args) {
  const t0 = process.hrtime.bigint();
  // The child reports its own peak RSS (workers included) as it exits.
  const hook = "data:text/javascript,process.on('exit',()=>process.stderr.write('\\nRSS_KB '+process.resourceUsage().maxRSS+'\\n'))";
  const r = spawnSync(process.execPath, ['--import', hook, join(root, 'bin/extract.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rssKB = Number(/RSS_KB (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { label, seconds, rssKB, status: r.status };
}

const total = readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0) / 1e6;
console.log(`corpus: ${n} files, ${total.toFixed(1)} MB in ${dir}`);
for (const [label, args] of [
  ['--jobs 1', [dir, '--jsonl', '--jobs', '1', '--quiet']],
  [`--jobs ${availableParallelism()} (default)`, [dir, '--jsonl', '--quiet']],
]) {
  const r = bench(label, [...args]);
  // Output goes to a pipe we read; the time includes serialising every Report.
  console.log(
    `${r.label.padEnd(22)} ${(total / r.seconds).toFixed(1).padStart(6)} MB/s  ${(n / r.seconds).toFixed(1).padStart(7)} files/s  peak RSS ${(r.rssKB / 1024).toFixed(0)} MB  (${r.seconds.toFixed(2)} s, exit ${r.status})`,
  );
}

// Adversarial: one 4 MB line of digits, numerals and punctuation. Must stay linear.
const adversarial = join(dir, 'adversarial.txt');
const unit = '1234567890一二三四五六七八九十百千万亿点,.%‰:100出生率为';
writeFileSync(adversarial, unit.repeat(Math.ceil(4e6 / Buffer.byteLength(unit))));
const a = bench('adversarial 4 MB line', [adversarial, '--json', '--quiet']);
console.log(`${a.label.padEnd(22)} ${a.seconds.toFixed(2)} s  peak RSS ${(a.rssKB / 1024).toFixed(0)} MB  (exit ${a.status})`);
const digits = join(dir, 'digits.txt');
writeFileSync(digits, '9'.repeat(4e6));
const d = bench('4 MB of one digit run', [digits, '--json', '--quiet']);
console.log(`${d.label.padEnd(22)} ${d.seconds.toFixed(2)} s  peak RSS ${(d.rssKB / 1024).toFixed(0)} MB  (exit ${d.status})`);

rmSync(dir, { recursive: true, force: true });
