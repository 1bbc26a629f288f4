/**
 * The statuses a reviewer must look at: the figures cannot all be true, or the parts fall short.
 * A module of its own, so that the run can name them without loading the output contract's zod schemas (report.ts).
 */
export const FLAGGED_STATUSES: ReadonlySet<string> = new Set(['inconsistent', 'unaccounted']);
