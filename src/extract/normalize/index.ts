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
import type { RuleSet } from '../../rules/load.js';
import { mapCharacters, textOf } from './characters.js';
import { findDeletions } from './repair.js';

export type Normalized = {
  text: string;
  /** `text` as UTF-16 code units (the label scans read them: faster than charCodeAt). */
  units: Uint16Array;
  /** The text as given. */
  source: string;
  /** Position in `text` → position in `source`, when repairs changed the length; undefined when the two are the same. */
  offsets: Int32Array | undefined;
};

export { normalize } from './characters.js';

export function normalized(source: string, set?: RuleSet): Normalized {
  const mapped = mapCharacters(source);
  let { text, units } = mapped;
  const synonyms = set?.grammar.synonyms;
  // Spun copies are few: one test of every synonym at once, and only then each with indexOf.
  if (synonyms?.anyRe.test(text)) {
    for (const [from, to] of synonyms.pairs) {
      for (let at = text.indexOf(from); at >= 0; at = text.indexOf(from, at + from.length)) {
        for (let i = 0; i < to.length; i++) units[at + i] = to.charCodeAt(i);
      }
    }
    text = textOf(units);
  }
  const cuts = findDeletions(text, units, set?.labelTrie);
  // offsets named even when there are none: one shape for every text (util/shape.ts).
  if (!cuts.length) return { text, units, source, offsets: undefined };
  return cut(units, source, cuts);
}

function cut(units: Uint16Array, source: string, cuts: number[]): Normalized {
  const kept = units.length - cuts.reduce((n, x, i) => (i % 2 ? n + x : n - x), 0);
  const offsets = new Int32Array(kept + 1);
  const out = new Uint16Array(kept);
  let k = 0;
  const keep = (from: number, to: number) => {
    out.set(units.subarray(from, to), k);
    for (let j = from; j < to; j++) offsets[k++] = j;
  };
  let at = 0;
  for (let i = 0; i < cuts.length; i += 2) {
    keep(at, cuts[i]!);
    at = cuts[i + 1]!;
  }
  keep(at, units.length);
  offsets[k] = source.length;
  // The text made from its code units in one piece: a text joined with += is a rope (a cons
  // string), which every later read goes through, and which made string reads see two kinds.
  return { text: textOf(out), units: out, source, offsets };
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
