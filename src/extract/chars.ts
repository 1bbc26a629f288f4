/**
 * Tables over UTF-16 code units: a character test is one array read, where a
 * Set would hash and a regular expression call would cost far more. The hot
 * loops that look at characters one at a time (look-backs for a clause or a
 * sentence, the text between figures, a number's neighbours) use these.
 */

/** A table of bits: each entry's characters get its bits. */
export function codeTable(entries: Iterable<readonly [chars: string, bits: number]>): Uint8Array {
  const table = new Uint8Array(65536);
  for (const [chars, bits] of entries) for (const c of chars) table[c.charCodeAt(0)]! |= bits;
  return table;
}

/**
 * The code unit at `i` of `text`, or 0 past either end, which no table marks. A table
 * read with what charCodeAt gives there (NaN) is no array index: V8 then reads that
 * table, at that place in the code, by its slowest path from then on (several times
 * slower for every character, not only the one past the end).
 */
export const codeAt = (text: string, i: number): number => text.charCodeAt(i) | 0;

/** The same for a text given as its code units (normalize.ts keeps them): 0 past either end. */
export const unitAt = (units: Uint16Array, i: number): number => (i >= 0 && i < units.length ? units[i]! : 0);

/** An ASCII digit's code. */
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Control characters and what \s matches (\s and more: the tests that use it look past spaces). */
export function isSpace(c: number): boolean {
  if (c <= 32) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A set of characters. Past either end of a string (charCodeAt's NaN), no member: read as 0, see codeAt. */
export function charSet(chars: string): { has(c: number): boolean } {
  const table = codeTable([[chars, 1]]);
  return { has: (c: number) => table[c | 0] === 1 };
}

// What breaks running text, as bits that each reader combines as it needs:
// a paragraph ends at a line break; a sentence at one of 。!? ; or a line break;
// a clause at any of them or a comma (in normalised text, full-width marks are ASCII).
export const LINE_BREAK = 1;
export const FULL_STOP = 2;
export const SEMICOLON = 4;
export const COMMA = 8;
export const BREAKS = codeTable([
  ['\n', LINE_BREAK],
  ['。!?', FULL_STOP],
  [';', SEMICOLON],
  [',', COMMA],
]);

// What ends a paragraph, a sentence, a clause (in normalised text).
export const PARAGRAPH_BREAK = LINE_BREAK;
export const SENTENCE_BREAK = LINE_BREAK | FULL_STOP | SEMICOLON;
export const CLAUSE_BREAK = SENTENCE_BREAK | COMMA;
