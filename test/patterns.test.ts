/**
 * Walks every rule file in patterns/: each example sentence must give (or not
 * give) its value, and the grammar's examples must give exactly their lists.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIndicators } from '../src/extract/pipeline.js';
import { DEFAULT_PATTERNS_DIR, defaultRules, loadRules, RuleFileError, ruleFilesIn } from '../src/rules/load.js';
import { schemas } from '../src/rules/schema.js';

const { GrammarSchema, RuleFileSchema } = schemas();
import { scratchDir } from './helpers/scratch.js';

const files = ruleFilesIn(DEFAULT_PATTERNS_DIR).map((f) => basename(f));
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

describe('grammar filters', () => {
  // Text around a figure made of the filters' own words, their fragments and filler.
  const PIECES = ['目标', '指标', '任务', '预算', '计划投入', '力争', '争取', '每人', '每年', '每户', '按', '标准', '的', '相比', '比较', '/', '年', '人', ' ', '全县', '出生', '发放', '打算', '明年', '下一步', '计划', '要把', '确保', '了', '今后'];
  const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((a) => a.join(''));
  it.each(['clause', 'sentence', 'after', 'heading'] as const)('the %s filters, tested as one expression, reject what one of them rejects', (where) => {
    const one = set.grammar.filters.filter((f) => f.where === where);
    fc.assert(
      fc.property(text, (s) => {
        expect(set.grammar.rejects[where]?.test(s) ?? false).toBe(one.some((f) => f.re.test(s)));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a filter that refers back to its own groups, naming the field', () => {
    const dir = scratchDir('grammar');
    const grammar = JSON.parse(readFileSync(join(DEFAULT_PATTERNS_DIR, 'grammar.json'), 'utf8'));
    const at = grammar.filters.length;
    grammar.filters.push({ name: 'twice', where: 'clause', kind: 'target', pattern: '(目标)\\1', reason: 'a repeated word' });
    writeFileSync(join(dir, 'grammar.json'), JSON.stringify(grammar));
    for (const f of ['births.json', 'pieces.json', 'indicators.json']) copyFileSync(join(DEFAULT_PATTERNS_DIR, f), join(dir, f));
    expect(() => loadRules({ baseDir: dir })).toThrow(RuleFileError);
    expect(() => loadRules({ baseDir: dir })).toThrow(new RegExp(`grammar\\.json: filters\\[${at}\\]\\.pattern: a filter pattern may not use backreferences`));
    // An escaped backslash before a digit is a literal, not a backreference.
    grammar.filters[at].pattern = '目标\\\\1';
    writeFileSync(join(dir, 'grammar.json'), JSON.stringify(grammar));
    expect(loadRules({ baseDir: dir }).grammar.rejects.clause!.test('目标\\1')).toBe(true);
  });
});

describe('compiled rules', () => {
  it('all have one shape: the same fields in the same order, absent ones undefined', () => {
    // The code that reads a rule for every candidate stays monomorphic only so (load.ts).
    const rules = new Set([...defaultRules().labels.values()].flat());
    const shapes = new Set([...rules].map((r) => Object.keys(r).join(',')));
    expect(rules.size).toBeGreaterThan(50);
    expect([...shapes]).toHaveLength(1);
    expect([...shapes][0]).toContain('requiresRe');
    expect([...shapes][0]).toContain('forbidsRe');
  });
});
