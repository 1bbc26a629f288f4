#!/usr/bin/env node
// npm run readme: writes the README's indicator table from patterns/indicators.json
// (between its two markers). Run after adding an indicator; a test fails until then.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { defaultRules } = await import(`${root}dist/index.js`);
const { indicatorTable, TABLE_START, TABLE_END } = await import(`${root}dist/rules/indicator-table.js`);
const file = `${root}README.md`;
const readme = readFileSync(file, 'utf8');
const from = readme.indexOf(TABLE_START);
const to = readme.indexOf(TABLE_END);
if (from < 0 || to < 0) {
  console.error(`readme: ${file} has no indicator table markers`);
  process.exit(1);
}
const next = readme.slice(0, from) + indicatorTable(defaultRules().registry) + readme.slice(to + TABLE_END.length);
if (next !== readme) writeFileSync(file, next);
console.log(next === readme ? 'README indicator table is up to date' : 'README indicator table written');
