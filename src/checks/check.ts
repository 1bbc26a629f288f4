/**
 * Every check is made here, with every field in the contract's order and the
 * absent ones undefined (JSON leaves them out). One shape for all checks keeps
 * the code that reads them monomorphic: checks of several shapes made V8
 * throw away and recompile its optimised code for them, again and again
 * while a batch warmed up.
 */
import type { Check } from '../report.js';

export type CheckFields = Pick<Check, 'rule' | 'status' | 'subject' | 'message'> & Partial<Pick<Check, 'expected' | 'arithmetic' | 'inputs'>>;

export function makeCheck(c: CheckFields): Check {
  return {
    rule: c.rule,
    status: c.status,
    subject: c.subject,
    expected: c.expected,
    message: c.message,
    arithmetic: c.arithmetic,
    inputs: c.inputs,
    section: undefined, // set by runChecks
  };
}
