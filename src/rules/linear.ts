/**
 * The expressions of a rule's `requires` and `forbids`, tested on up to a
 * paragraph per figure.
 *
 * A rule file may be a user's own (--patterns), where one nested quantifier
 * such as ^(a+)+$ would hang a backtracking engine: its expressions run on
 * RE2's automaton (the re2js port), which has no backtracking; what it cannot
 * do in linear time (lookarounds, backreferences) it refuses, and the refusal
 * is a load error.
 *
 * The built-in files' expressions, unchanged since the build compiled them on
 * that automaton, run on V8's own engine (`auditedMatcher`): test/redos.test.ts
 * has recheck audit each of them for catastrophic backtracking. V8's engine is
 * several times faster on these short windows, and a run that needs no user
 * expression never loads re2js (a tenth of start-up).
 */
import { createRequire } from 'node:module';
import type { RE2JS as RE2JSClass } from 're2js';

export type LinearMatcher = {
  /** The expression as the rule file wrote it, for messages. */
  readonly source: string;
  /** What runs it: RE2's automaton (a user's file), or V8's engine (a built-in file, audited). */
  readonly engine: 'automaton' | 'v8';
  /** Whether it matches anywhere in s. */
  test(s: string): boolean;
};

export class LinearSyntaxError extends Error {}

let re2js: typeof RE2JSClass | undefined;
/** The automaton, loaded by the first user expression (its CommonJS build: loading stays synchronous). */
function automaton(): typeof RE2JSClass {
  return (re2js ??= (createRequire(import.meta.url)('re2js') as { RE2JS: typeof RE2JSClass }).RE2JS);
}

export function linearMatcher(source: string): LinearMatcher {
  const RE2JS = automaton();
  let re: RE2JSClass;
  try {
    // Rule files are written in JavaScript's syntax: its \uXXXX, named groups and \p{Script=Han}, in RE2's spelling.
    re = RE2JS.compile(RE2JS.translateRegExp(source.replace(/\\([pP])\{(?:Script|sc)=(\w+)\}/g, '\\$1{$2}')));
  } catch (e) {
    throw new LinearSyntaxError(`cannot run in linear time (lookarounds and backreferences are not supported here): ${(e as Error).message}`);
  }
  return { source, engine: 'automaton', test: (s) => re.test(s) };
}

/** A built-in expression, already compiled on the automaton at build time and audited by recheck: run on V8's engine. */
export function auditedMatcher(source: string): LinearMatcher {
  const re = new RegExp(source, 'u');
  return { source, engine: 'v8', test: (s) => re.test(s) };
}
