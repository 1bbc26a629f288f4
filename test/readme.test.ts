/** README's tables of the forms parseNumber reads and of the checks: every example is a test. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../src/extract/numbers/scan.js';
import { extract } from '../src/extract/pipeline.js';

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

describe('README: one example of each check', () => {
  const section = readme.slice(readme.indexOf('<!-- check examples -->'), readme.indexOf('<!-- end check examples -->'));
  const examples = [...section.matchAll(/^\| ([^|]+) \| `([^`]+)` \| `(\S+) (\S+)` \|$/gm)].map((m) => [m[1]!.trim(), m[2]!, m[3]!, m[4]!] as const);
  it('has its table', () => {
    expect(examples.length).toBeGreaterThan(10);
  });
  it.each(examples)('%s: %s', (check, text, id, status) => {
    const rule = check.split(',')[0]!;
    const found = extract(text).checks.filter((c) => c.rule === rule && c.subject.id === id).map((c) => c.status);
    expect(found).toContain(status);
  });
});
