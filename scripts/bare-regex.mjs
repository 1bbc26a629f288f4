#!/usr/bin/env node
// The benchmark's floor: walk a folder, read each file, and run one number regex over it
// (Arabic digits with their separators, or a run of Chinese numeral characters), counting
// the matches. What the extractor does on top of this is the price of reading the figures.
// Usage: node scripts/bare-regex.mjs FOLDER
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const NUMBER = /[0-9０-９]+(?:[.,][0-9]+)*|[零〇一二两三四五六七八九十百千万亿]+/g;
const folder = process.argv[2];
let files = 0;
let matches = 0;
for (const name of readdirSync(folder).sort()) {
  const text = readFileSync(join(folder, name), 'utf8');
  for (const _ of text.matchAll(NUMBER)) matches++;
  files++;
}
console.log(`${files} files, ${matches} numbers`);
