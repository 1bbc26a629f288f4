#!/usr/bin/env node
// Extraction alone: read and decode every file of a folder first, then run extract() over
// all of them several times in one process, and print the best pass. No start-up, no JIT
// warm-up (the first pass takes it), no reading and no JSON: what the extraction stages
// cost on their own, steadier between runs than a whole run of the command line.
// Usage: node scripts/in-memory.mjs FOLDER [PASSES]  (prints "BEST_MS <ms>" last)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../dist/index.js';

const [folder, passes = '3'] = process.argv.slice(2);
const texts = readdirSync(folder).sort().map((name) => readFileSync(join(folder, name), 'utf8'));
let best = Infinity;
let figures = 0;
for (let pass = 0; pass < Number(passes); pass++) {
  const t0 = performance.now();
  figures = 0;
  for (const text of texts) figures += extract(text).indicators.length;
  best = Math.min(best, performance.now() - t0);
}
console.log(`${texts.length} files, ${figures} figures`);
console.log(`BEST_MS ${best.toFixed(1)}`);
