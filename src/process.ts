/**
 * One input file to one Report: read, decode, reduce HTML, extract. Never
 * throws for a bad input: the failure becomes `error` on the Report, with
 * empty lists, so a batch can go on.
 */
import { readFileSync } from 'node:fs';
import { decode, DecodeError } from './decode.js';
import { extract } from './extract.js';
import { htmlToText } from './html.js';
import { isHtml } from './inputs.js';
import type { Report } from './report.js';
import { loadRules, type RuleSet } from './rules/load.js';

export type ProcessOptions = { encoding?: string; patterns?: string[] };

const MAX_BYTES = 64 * 1024 * 1024;

let cached: { key: string; set: RuleSet } | undefined;
export function rulesFor(patterns: string[] = []): RuleSet {
  const key = patterns.join('\u0000');
  if (cached?.key !== key) cached = { key, set: loadRules({ extraDirs: patterns }) };
  return cached.set;
}

export function failed(source: string, reason: string): Report {
  return { source, indicators: [], checks: [], warnings: [], error: reason };
}

export function processBytes(source: string, bytes: Uint8Array, options: ProcessOptions = {}): Report {
  let decoded;
  try {
    if (bytes.length === 0) return failed(source, 'is empty');
    decoded = decode(bytes, options.encoding);
  } catch (e) {
    if (e instanceof DecodeError) return failed(source, e.message);
    throw e;
  }
  const text = isHtml(source) ? htmlToText(decoded.text) : decoded.text;
  return extract(text, { source, encoding: decoded.encoding, warnings: decoded.warnings, rules: rulesFor(options.patterns) });
}

export function processFile(path: string, options: ProcessOptions = {}): Report {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? (e as Error).message})`;
    return failed(path, reason);
  }
  if (bytes.length > MAX_BYTES) return failed(path, `is larger than ${MAX_BYTES / 1024 / 1024} MB`);
  return processBytes(path, bytes, options);
}
