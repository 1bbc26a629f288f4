/**
 * One input file to one Report: read, decode, reduce HTML, extract. Never
 * throws for a bad input: the failure becomes `error` on the Report, with
 * empty lists, so a batch can go on.
 */
import { decode, DecodeError } from '../input/decode.js';
import { convert, DocumentError } from '../input/documents.js';
import { looksLikeHtml, sniff, type Kind } from '../input/format.js';
import { extract } from '../extract/pipeline.js';
import { isHtml } from '../input/inputs.js';
import type { Report } from '../report.js';
import { readBytesOf, TooLargeError } from '../input/read.js';
import { loadRules, type RuleSet } from '../rules/load.js';
import type { NameStyle, WideLayout } from '../output/wide.js';

export type ProcessOptions = {
  encoding?: string;
  patterns?: string[];
  /** Record what became of every number (--explain), or of those on one line (--line). */
  explain?: boolean | { line: number };
};

/** The largest input read, a file or standard input: about three thousand reports in one file. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
export const TOO_LARGE = `is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`;

let cached: { key: string; set: RuleSet } | undefined;
export function rulesFor(patterns: string[] = []): RuleSet {
  const key = patterns.join('\u0000');
  if (cached?.key !== key) cached = { key, set: loadRules({ extraDirs: patterns }) };
  return cached.set;
}

/** The wide CSV's layout: the registry's indicators, with those of the extra rule folders, named by ids or as Stata variables. */
export function layoutFor(patterns: string[] = [], names: NameStyle = 'ids'): WideLayout {
  const set = rulesFor(patterns);
  const made = layouts.get(set) ?? layouts.set(set, new Map()).get(set)!;
  let layout = made.get(names);
  if (!layout) {
    const { registry, grammar } = set;
    const ids = registry.indicators.map((i) => i.id);
    const variables = ids.map((id) => registry.variables.get(id)!);
    layout = { ids, names: names === 'stata' ? variables : ids, variables, joiner: names === 'stata' ? '_' : '.', wholeScopes: new Set(grammar.wholeScopes) };
    made.set(names, layout);
  }
  return layout;
}
const layouts = new WeakMap<RuleSet, Map<NameStyle, WideLayout>>();

/** How the reason of an input that failed from a bug, not from its content, begins: the run then exits with its own code. */
export const INTERNAL_ERROR = 'internal error: ';

export function failed(source: string, reason: string): Report {
  return { source, indicators: [], checks: [], warnings: [], error: reason };
}

/** A Report, what went wrong in reading it that the user should hear about at once (damaged bytes), and the text its offsets point into (for the review page). */
export type Processed = { report: Report; notices: string[]; text?: string };

/**
 * `bytes` may be a view of a buffer reused for the next file (read.ts): nothing here keeps it.
 * Text is read at once; a document (PDF, Word) by its reader, which is asynchronous, on a copy.
 */
export function readBytes(source: string, bytes: Uint8Array, options: ProcessOptions = {}): Processed | Promise<Processed> {
  if (bytes.length === 0) return { report: failed(source, 'is empty'), notices: [] };
  const kind = sniff(bytes);
  // A copy (Buffer.prototype.slice would share the buffer that the next read reuses).
  if (kind !== 'text') return readDocument(source, new Uint8Array(bytes), kind, options);
  let decoded;
  try {
    decoded = decode(bytes, options.encoding);
  } catch (e) {
    if (e instanceof DecodeError) return { report: failed(source, e.message), notices: [] };
    throw e;
  }
  const read = (text: string): Processed => {
    const report = extract(text, { source, encoding: decoded.encoding, warnings: decoded.warnings, rules: rulesFor(options.patterns), explain: options.explain });
    return { report, notices: decoded.warnings, text };
  };
  // The HTML reader (htmlparser2) is loaded by the first web page, not by every run; the
  // pages after it are read at once, not after a turn of the promise queue each.
  if (isHtml(source) || looksLikeHtml(decoded.text)) {
    if (html) return read(html.htmlToText(decoded.text));
    return import('../input/html.js').then((loaded) => read((html = loaded).htmlToText(decoded.text)));
  }
  return read(decoded.text);
}
let html: typeof import('../input/html.js') | undefined;

async function readDocument(source: string, bytes: Uint8Array, kind: Exclude<Kind, 'text'>, options: ProcessOptions): Promise<Processed> {
  let doc;
  try {
    doc = await convert(bytes, kind);
  } catch (e) {
    if (e instanceof DocumentError) return { report: failed(source, e.message), notices: [] };
    throw e;
  }
  const report = extract(doc.text, { source, format: doc.format, pages: doc.pages, rules: rulesFor(options.patterns), explain: options.explain });
  return { report, notices: [], text: doc.text };
}

/** `size`: the file's size where the caller knows it (it saves a system call). */
export function readFile(path: string, options: ProcessOptions = {}, size?: number): Processed | Promise<Processed> {
  // Refused from its size, before a byte is read or a buffer the size of the file is made.
  if (size !== undefined && size > MAX_INPUT_BYTES) return { report: failed(path, TOO_LARGE), notices: [] };
  let bytes: Uint8Array;
  try {
    bytes = readBytesOf(path, MAX_INPUT_BYTES, size);
  } catch (e) {
    if (e instanceof TooLargeError) return { report: failed(path, TOO_LARGE), notices: [] };
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? (e as Error).message})`;
    return { report: failed(path, reason), notices: [] };
  }
  return readBytes(path, bytes, options);
}
