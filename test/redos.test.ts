/**
 * No catastrophic backtracking in the rules. Every regular expression built
 * from patterns/ is checked with recheck, a ReDoS analyser: each must be
 * linear or better. The grammar is the place where an edit can add an
 * ambiguous alternation (达到了 next to 达到 and 了), so this runs on all of
 * it. The built-in rules' requires and forbids are audited too: a run from the
 * build's record executes them on V8's engine, and they must give what the
 * linear automaton gives (src/rules/linear.ts). (Label, after-label and scope
 * wordings are found with a trie.)
 */
import fc from 'fast-check';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../src/rules/load.js';
import { auditedMatcher, linearMatcher } from '../src/rules/linear.js';

const set = defaultRules();
/** The built-in rules' requires and forbids, which a run from the build's record executes on V8's engine (src/rules/linear.ts). */
const ruleExpressions: [string, RegExp][] = set.rules.flatMap((r) =>
  (['requires', 'forbids'] as const).flatMap((field): [string, RegExp][] => (r[field] ? [[`${r.name}.${field}`, new RegExp(r[field]!, 'u')]] : [])),
);
const regexes: [string, RegExp][] = [
  ['grammar.gap', set.grammar.gapRe],
  ...(set.grammar.looseGap
    ? [['grammar.looseGap.tokens', set.grammar.looseGap.tokensRe] as [string, RegExp], ['grammar.looseGap.forbidden', set.grammar.looseGap.forbiddenRe] as [string, RegExp]]
    : []),
  ...set.grammar.filters.map((f): [string, RegExp] => [`grammar.filters.${f.name}`, f.re]),
  ...Object.entries(set.grammar.rejects).flatMap(([where, re]): [string, RegExp][] => (re ? [[`grammar.rejects.${where}`, re]] : [])),
  ...(set.grammar.respectively
    ? [
        ['grammar.respectively.word', set.grammar.respectively.wordRe] as [string, RegExp],
        ['grammar.respectively.separator', set.grammar.respectively.separatorRe] as [string, RegExp],
        ['grammar.respectively.separatorBefore', set.grammar.respectively.separatorBeforeRe] as [string, RegExp],
      ]
    : []),
  ...(set.grammar.fromTo
    ? [['grammar.fromTo.from', set.grammar.fromTo.fromRe] as [string, RegExp], ['grammar.fromTo.to', set.grammar.fromTo.toRe] as [string, RegExp]]
    : []),
  ...ruleExpressions,
];

/**
 * recheck's automaton checker is exhaustive but does not take lookarounds; its
 * fallback, fuzzing, can miss an attack on a large pattern. So lookarounds are
 * removed first (a looser pattern: anything ambiguous stays ambiguous) and the
 * automaton decides; fuzzing is left for what it cannot read at all.
 */
function audit(re: RegExp) {
  const flags = re.flags.replace(/[gy]/g, '');
  const loose = re.source.replace(/\(\?<?[=!](?:[^()]|\([^()]*\))*\)/g, '');
  const exact = checkSync(loose, flags, { checker: 'automaton', timeout: 30_000 });
  const r = exact.status === 'unknown' ? checkSync(re.source, flags, { timeout: 30_000 }) : exact;
  return { status: r.status, attack: r.status === 'vulnerable' ? r.attack.pattern : undefined };
}

describe('rule regular expressions', () => {
  it('are found', () => {
    expect(regexes.length).toBeGreaterThan(10);
    expect(ruleExpressions.length).toBeGreaterThan(5);
  });
  it.each(regexes)('%s is not vulnerable to catastrophic backtracking', (_name, re) => {
    expect(audit(re)).toEqual({ status: 'safe', attack: undefined });
  }, 60_000);
  it('the check itself catches an ambiguous gap (达到了 beside 达到 and 了)', () => {
    const source = set.grammar.gapRe.source;
    expect(source).toContain('|达到|');
    expect(audit(new RegExp(source.replace('|达到|', '|达到了|达到|'), 'u')).status).toBe('vulnerable');
  }, 60_000);
});

describe("the built-in rules' requires and forbids", () => {
  // Strings made of the expressions' own words, the genre's breaks and a few other characters: where the two engines could part.
  const words = [...new Set(ruleExpressions.flatMap(([, re]) => re.source.split(/\\.|[[\]()?:|^$*+{},\d]+/).filter(Boolean)))];
  const pieces = fc.oneof(fc.constantFrom(...words), fc.constantFrom('。', ',', '\n', '人', 'x', '村'));
  it.each(ruleExpressions)('%s gives on V8 what it gives on the linear automaton', (_name, re) => {
    const automaton = linearMatcher(re.source);
    const v8 = auditedMatcher(re.source);
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }).map((cs) => cs.join('')), (s) => v8.test(s) === automaton.test(s)),
      { numRuns: 300 },
    );
  });
});
