/**
 * One input to its output text: extract, then render in the chosen formats and
 * keep only a small summary. Worker threads run this, so what crosses back to
 * the main thread is text, not a Report to copy and serialise again there.
 */
import type { Format } from '../output/select.js';
import { reporterFor } from '../output/select.js';
import { INTERNAL_ERROR, layoutFor, failed, readBytes, readFile, type Processed, type ProcessOptions } from './process.js';
import type { Piece } from '../output/sink.js';
import { FLAGGED_STATUSES } from '../checks/flagged.js';
import type { Report } from '../report.js';
import type { NameStyle } from '../output/wide.js';

/** `width`: the terminal's, for the table view. `names`: how the CSV columns are named, by ids (births.total) or as Stata and R variables (births_total). */
export type RenderOptions = ProcessOptions & { formats: Format[]; names?: NameStyle; width?: number };

/** What the command line needs to know about a report once its text is made. */
export type Summary = {
  source: string;
  error?: string;
  /** Inconsistent checks, leaving out sections that repeat an earlier one. */
  inconsistent: number;
  /** Inconsistent or unaccounted checks, on the same terms. */
  flagged: number;
  /** Numbers with a unit of count, money or rate, and how many of them were left unread (coverage). */
  withUnit: number;
  unread: number;
  /** It failed from a bug (an internal error), not from its content. */
  internal: boolean;
  /** Characters read, for the progress line. */
  chars: number;
  /** What the input was read as: text, or the document it was extracted from (pdf, docx, doc). */
  format: string;
  /** How many figures it gave. */
  figures: number;
  /** The place and year of its first report, and its coverage in per cent, for the review page's contents. */
  place?: string | null;
  year?: number | null;
  coverage?: number;
  /** Problems in reading the input that did not stop it (damaged bytes), for stderr. */
  notices: string[];
};

/** One piece per format: text, or its UTF-8 bytes once a worker thread has encoded it for the trip back. */
export type Rendered = { summary: Summary; pieces: Piece[] };

export function summarize(r: Report, notices: string[] = []): Summary {
  // A repeated report's checks count once.
  const sections = r.sections;
  let inconsistent = 0;
  let flagged = 0;
  for (const c of r.checks) {
    if (c.section !== undefined && sections?.[c.section]?.duplicateOf !== undefined) continue;
    if (c.status === 'inconsistent') inconsistent++;
    if (FLAGGED_STATUSES.has(c.status)) flagged++;
  }
  const chars = r.sections?.at(-1)?.end ?? r.indicators.at(-1)?.end ?? 0;
  const summary = { source: r.source } as Summary;
  if (r.error !== undefined) summary.error = r.error;
  summary.internal = r.error?.startsWith(INTERNAL_ERROR) ?? false;
  summary.inconsistent = inconsistent;
  summary.flagged = flagged;
  summary.withUnit = r.coverage?.withUnit ?? 0;
  summary.unread = r.coverage?.unread.length ?? 0;
  summary.chars = chars;
  summary.format = r.format ?? 'text';
  summary.figures = r.indicators.length;
  const first = r.sections?.find((s) => s.duplicateOf === undefined);
  if (first) [summary.place, summary.year] = [first.place, first.year];
  if (r.coverage) summary.coverage = r.coverage.percent;
  summary.notices = notices;
  return summary;
}

/** `text`: what the report's offsets point into, for the review page. */
export function render(r: Report, options: RenderOptions, notices: string[] = [], text?: string): Rendered {
  const layout = layoutFor(options.patterns, options.names);
  return { summary: summarize(r, notices), pieces: options.formats.map((f) => reporterFor(f, layout, options.width).report(r, text)) };
}

/** Never throws (nor rejects): an internal error becomes a failed input, so a batch goes on. */
function safely(source: string, read: () => Processed | Promise<Processed>, options: RenderOptions): Rendered | Promise<Rendered> {
  const failure = (e: unknown): Processed => ({ report: failed(source, `${INTERNAL_ERROR}${(e as Error).message}`), notices: [] });
  let p: Processed | Promise<Processed>;
  try {
    p = read();
  } catch (e) {
    p = failure(e);
  }
  return p instanceof Promise ? p.then((done) => finish(source, done, options), (e) => finish(source, failure(e), options)) : finish(source, p, options);
}

function finish(source: string, p: Processed, options: RenderOptions): Rendered {
  try {
    return render(p.report, options, p.notices, p.text);
  } catch (e) {
    // Output too large for one string (V8 caps a string near 512 M characters), or a reporter's fault: this file's alone.
    return render(failed(source, `its output could not be made (${(e as Error).message})`), options, p.notices);
  }
}

/** `size`: the file's size in bytes where known. A document (PDF, Word) is read asynchronously. */
export function renderFile(path: string, options: RenderOptions, size?: number): Rendered | Promise<Rendered> {
  return safely(path, () => readFile(path, options, size), options);
}

/** A job of the pool: a file by its path, or an input already read (standard input) by its bytes. */
export function renderJob(job: { path: string; size?: number; bytes?: Uint8Array; missing?: string }, options: RenderOptions): Rendered | Promise<Rendered> {
  if (job.missing !== undefined) return render(failed(job.path, job.missing), options);
  return job.bytes ? renderBytes(job.path, job.bytes, options) : renderFile(job.path, options, job.size);
}

export function renderBytes(source: string, bytes: Uint8Array, options: RenderOptions): Rendered | Promise<Rendered> {
  return safely(source, () => readBytes(source, bytes, options), options);
}
