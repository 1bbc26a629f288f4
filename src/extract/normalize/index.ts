/**
 * Normalisation, made once per text: every later stage reads `text`, and
 * `source` (what the user has) is sliced only for what the output quotes.
 *
 * 1. characters.ts maps one code unit for one: full-width forms, traditional
 *    characters (OpenCC's table), quotes, brackets, table rules;
 * 2. the grammar's synonyms replace the words article spinners substitute,
 *    word for word of the same length (诞生 → 出生, 方案生育 → 计划生育);
 * 3. repair.ts deletes what sites put inside words and numbers (pinyin notes,
 *    page breaks and numbers, spaces in digit groups).
 *
 * Only the last changes length; when it does, `offsets` maps each position of
 * `text` back into `source` (and one past the end to the end).
 */
import { Buffer } from 'node:buffer';
import type { RuleSet } from '../../rules/load.js';
import { mapCharacters } from './characters.js';
import { findDeletions } from './repair.js';

export type Normalized = {
  text: string;
  /** `text` as UTF-16 code units (the label scans read them: faster than charCodeAt). */
  units: Uint16Array;
  /** The text as given. */
  source: string;
  /** Position in `text` → position in `source`, when repairs changed the length; absent when the two are the same. */
  offsets?: Int32Array;
};

export { normalize } from './characters.js';

/** The characters the later steps start from, marked in the character map's pass: a synonym's first character and what repair.ts looks for. */
const SYNONYM = 1;
const REPAIR_MARKS = new Map<string, number>([['(', 2], ['\n', 4], [' ', 8], ['\u200b', 16], ['\u200c', 16], ['\u200d', 16], ['\u2060', 16], ['\u00ad', 16]]);
const marksOf = new WeakMap<RuleSet, Uint8Array>();
let plainMarks: Uint8Array | undefined;

function marksFor(set: RuleSet | undefined): Uint8Array {
  if (!set) return (plainMarks ??= table([]));
  let marks = marksOf.get(set);
  if (!marks) marksOf.set(set, (marks = table(set.grammar.synonyms?.map(([from]) => from) ?? [])));
  return marks;
}

function table(synonyms: string[]): Uint8Array {
  const t = new Uint8Array(65536);
  for (const [c, bit] of REPAIR_MARKS) t[c.charCodeAt(0)]! |= bit;
  for (const w of synonyms) t[w.charCodeAt(0)]! |= SYNONYM;
  return t;
}

export function normalized(source: string, set?: RuleSet): Normalized {
  const marks = marksFor(set);
  const marked: number[] = [];
  const mapped = mapCharacters(source, marks, marked);
  let { text, units } = mapped;
  const synonyms = set?.grammar.synonyms;
  if (synonyms) {
    // Only where a synonym's first character stands (marked in the pass above).
    let changed = false;
    for (const at of marked) {
      if (!(marks[units[at]!]! & SYNONYM)) continue;
      for (const [from, to] of synonyms) {
        if (!text.startsWith(from, at)) continue;
        for (let i = 0; i < to.length; i++) units[at + i] = to.charCodeAt(i);
        changed = true;
        break;
      }
    }
    if (changed) text = Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
  }
  const cuts = findDeletions(text, units, set?.labelTrie, marked);
  if (!cuts.length) return { text, units, source };
  return cut(text, source, cuts);
}

function cut(text: string, source: string, cuts: number[]): Normalized {
  const kept = text.length - cuts.reduce((n, x, i) => (i % 2 ? n + x : n - x), 0);
  const offsets = new Int32Array(kept + 1);
  let out = '';
  let at = 0;
  let k = 0;
  for (let i = 0; i < cuts.length; i += 2) {
    const [s, e] = [cuts[i]!, cuts[i + 1]!];
    out += text.slice(at, s);
    for (let j = at; j < s; j++) offsets[k++] = j;
    at = e;
  }
  out += text.slice(at);
  for (let j = at; j < text.length; j++) offsets[k++] = j;
  offsets[k] = source.length;
  const units = new Uint16Array(out.length);
  for (let i = 0; i < out.length; i++) units[i] = out.charCodeAt(i);
  return { text: out, units, source, offsets };
}

/** A position in the normalised text, in the source. */
export function sourceAt(norm: Normalized, at: number): number {
  return norm.offsets ? norm.offsets[at]! : at;
}

/** A span [start, end) of the normalised text, in the source: from its first character to just after its last. */
export function sourceSpan(norm: Normalized, start: number, end: number): [number, number] {
  const o = norm.offsets;
  if (!o) return [start, end];
  return [o[start]!, end > start ? o[end - 1]! + 1 : o[start]!];
}
