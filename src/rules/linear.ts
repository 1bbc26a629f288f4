/**
 * Expressions that run in time linear in their input, whatever their author
 * wrote: a rule's `requires` and `forbids` are tested on up to a paragraph per
 * figure, and a rule file may be a user's own (--patterns), where one nested
 * quantifier such as ^(a+)+$ would hang a backtracking engine. RE2's automaton
 * (the re2js port) has no backtracking; what it cannot do in linear time —
 * lookarounds, backreferences — it refuses, and the refusal is a load error.
 */
import { RE2JS } from 're2js';

export type LinearMatcher = {
  /** The expression as the rule file wrote it, for messages. */
  readonly source: string;
  /** Whether it matches anywhere in s. */
  test(s: string): boolean;
};

export class LinearSyntaxError extends Error {}

export function linearMatcher(source: string): LinearMatcher {
  let re: RE2JS;
  try {
    // Rule files are written in JavaScript's syntax: its \uXXXX, named groups and \p{Script=Han}, in RE2's spelling.
    re = RE2JS.compile(RE2JS.translateRegExp(source.replace(/\\([pP])\{(?:Script|sc)=(\w+)\}/g, '\\$1{$2}')));
  } catch (e) {
    throw new LinearSyntaxError(`cannot run in linear time (lookarounds and backreferences are not supported here): ${(e as Error).message}`);
  }
  return { source, test: (s) => re.test(s) };
}
