/** README's table of the forms parseNumber reads: every example is a test. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../src/extract/numbers/scan.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const table = readme.slice(readme.indexOf('<!-- parseNumber examples -->'), readme.indexOf('<!-- end parseNumber examples -->'));
const rows = [...table.matchAll(/^\| ([^|]+) \| `([^`]+)` \| `([^`]+)` \|$/gm)].map((m) => [m[1]!.trim(), m[2]!, m[3]!] as const);

describe('README: parseNumber examples', () => {
  it('has its table', () => {
    expect(rows.length).toBeGreaterThan(20);
  });
  it.each(rows)('%s: %s', (_form, expression, gives) => {
    expect(parseNumber(expression)).toEqual(JSON.parse(gives));
  });
});
