/**
 * Walks every rule file in patterns/: each example sentence must give (or not
 * give) its value, and the grammar's examples must give exactly their lists.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findIndicators } from '../src/extract.js';
import { DEFAULT_PATTERNS_DIR, defaultRules } from '../src/rules/load.js';
import { GrammarSchema, RuleFileSchema } from '../src/rules/schema.js';

const files = readdirSync(DEFAULT_PATTERNS_DIR).filter((f) => f.endsWith('.json') && f !== 'grammar.json');
const set = defaultRules();

describe.each(files)('patterns/%s', (file) => {
  const spec = RuleFileSchema.parse(JSON.parse(readFileSync(join(DEFAULT_PATTERNS_DIR, file), 'utf8')));
  const cases = spec.rules.flatMap((rule, i) => rule.examples.map((ex) => ({ rule: `${rule.id} (#${i})`, ruleId: rule.id, ...ex })));
  it('has examples for every rule', () => {
    for (const rule of spec.rules) expect(rule.examples.length, rule.id).toBeGreaterThan(0);
  });
  it.each(cases)('$rule: $text → $expect', ({ ruleId, text, expect: value, id, span }) => {
    const wanted = id ?? ruleId;
    const found = findIndicators(text, set).filter((r) => r.id === wanted);
    if (value === null) {
      expect(found).toEqual([]);
      return;
    }
    const hit = found.find((r) => r.value === value);
    expect(hit, `${wanted} = ${value} in ${JSON.stringify(found.map((f) => [f.id, f.value, f.text]))}`).toBeDefined();
    expect(text.slice(hit!.start, hit!.end)).toBe(hit!.text);
    if (span) expect(hit!.text).toBe(span);
  });
});

describe('patterns/grammar.json', () => {
  const grammar = GrammarSchema.parse(JSON.parse(readFileSync(join(DEFAULT_PATTERNS_DIR, 'grammar.json'), 'utf8')));
  it.each(grammar.examples)('$text', ({ text, expect: wanted }) => {
    const got = findIndicators(text, set).map((r) => [r.id, r.value]);
    expect(got).toEqual(wanted);
  });
});
