/**
 * Bytes to text. A byte-order mark decides first (UTF-8, UTF-16 LE/BE); then
 * UTF-8 validation, which GBK byte sequences fail; then GB18030 (a superset of
 * GBK and GB2312), which Node's TextDecoder implements. Bytes that are not
 * text at all (NUL bytes, control characters) are refused.
 *
 * A file that is UTF-8 but for a few damaged bytes (a scraped page cut in the
 * middle of a character) is read as UTF-8, the damage replaced by U+FFFD and
 * reported in a warning: GB18030 accepts nearly any byte pairs and would turn
 * the whole file into mojibake. It is told from GBK text by the UTF-8
 * decoder's own output: damaged UTF-8 decodes to many characters and few
 * replacements; GBK decoded as UTF-8 is nearly all replacements.
 */
import { Buffer, isUtf8, transcode } from 'node:buffer';

export class DecodeError extends Error {}

export type Decoded = { text: string; encoding: string; warnings: string[] };

const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/;
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

function looksBinary(text: string): boolean {
  // One scan without allocating settles nearly every file: text has no control characters.
  if (!CONTROL.test(text)) return false;
  if (text.includes('\u0000')) return true;
  const controls = text.match(CONTROLS)?.length ?? 0;
  return controls > 8 && controls / Math.max(1, text.length) > 0.01;
}

/**
 * Valid UTF-8 to a string. ICU's transcoder to UTF-16 plus a UTF-16 copy runs
 * at several times the speed of V8's UTF-8 decoder on Chinese text (about 900
 * against 150 MB/s here), and decoding was the largest single cost of a
 * report. A Node built without ICU has no transcode; it falls back.
 */
export function validUtf8(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    return transcode(buf, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    return buf.toString('utf8');
  }
}

function decodeWith(bytes: Uint8Array, encoding: string, fatal: boolean): string {
  return new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes);
}

/** Replacements at most this share of the non-ASCII characters read: damaged UTF-8, not another encoding. */
const DAMAGE_SHARE = 0.1;

function replacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

function damagedUtf8(bytes: Uint8Array): { text: string; replaced: number } | undefined {
  const text = decodeWith(bytes, 'utf-8', false);
  const replaced = replacements(text);
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) nonAscii++;
  return replaced > 0 && replaced <= (nonAscii - replaced) * DAMAGE_SHARE ? { text, replaced } : undefined;
}

/** Where the replacement marks stand, as a reader finds them: "line 12", "lines 3, 12, 40 …". */
function damagedLines(text: string): string {
  const lines: number[] = [];
  let line = 1;
  let newline = text.indexOf('\n');
  for (let i = text.indexOf('\ufffd'); i >= 0 && lines.length <= SHOWN_LINES; i = text.indexOf('\ufffd', i + 1)) {
    for (; newline >= 0 && newline < i; newline = text.indexOf('\n', newline + 1)) line++;
    if (lines.at(-1) !== line) lines.push(line);
  }
  const more = lines.length > SHOWN_LINES;
  const shown = lines.slice(0, SHOWN_LINES);
  return `${shown.length === 1 ? 'line' : 'lines'} ${shown.join(', ')}${more ? ' …' : ''}`;
}
const SHOWN_LINES = 5;

function damageWarning(replaced: number, text: string): string {
  return replaced === 1
    ? `1 byte sequence is not valid UTF-8 and was replaced by � (${damagedLines(text)})`
    : `${replaced} byte sequences are not valid UTF-8 and were replaced by � (${damagedLines(text)})`;
}

// Words nearly every report has, in simplified and traditional characters.
const GENRE_WORDS = /人口|计划|計劃|生育|出生|工作|年度|全县|全縣|全镇|全鎮|总结|總結/u;

/**
 * GB18030 decodes nearly any bytes, so a Big5 file (a repost from Taiwan or Hong Kong)
 * reads as mojibake without an error: none of the genre's words in GB18030, some in Big5.
 */
function likelyBig5(bytes: Uint8Array, gb: string): string | undefined {
  const head = bytes.subarray(0, 64 * 1024);
  if (GENRE_WORDS.test(gb.slice(0, 32 * 1024))) return undefined;
  // Not fatal: the head may end inside a character.
  const big5 = new TextDecoder('big5').decode(head);
  return GENRE_WORDS.test(big5) ? 'this reads as mojibake in GB18030 and as Chinese in Big5: read it with --encoding big5' : undefined;
}

/** Whether this Node can decode `name` ("gbk", "big5", "utf-16le", …). */
export function supportsEncoding(name: string): boolean {
  try {
    new TextDecoder(name);
    return true;
  } catch {
    return false;
  }
}

export function decode(bytes: Uint8Array, forced?: string): Decoded {
  let text: string;
  let encoding: string;
  const warnings: string[] = [];
  if (forced) {
    encoding = new TextDecoder(forced).encoding;
    text = decodeWith(bytes, encoding, false);
    if (text.includes('\ufffd')) warnings.push(`some bytes are not valid ${encoding} and were replaced by � (${damagedLines(text)})`);
  } else if (bytes.indexOf(0) >= 0 && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    // NUL bytes without a UTF-16 byte-order mark: not a text file.
    throw new DecodeError('is not text (binary data: it contains NUL bytes)');
  } else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // The mark says UTF-8: damage is replaced and reported, whatever its extent.
    encoding = 'utf-8';
    text = decodeWith(bytes, 'utf-8', false);
    const replaced = replacements(text);
    if (replaced) warnings.push(damageWarning(replaced, text));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = decodeWith(bytes, encoding, false);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = decodeWith(bytes, encoding, false);
  } else if (isUtf8(bytes)) {
    text = validUtf8(bytes);
    encoding = 'utf-8';
  } else {
    const damaged = damagedUtf8(bytes);
    if (damaged) {
      text = damaged.text;
      encoding = 'utf-8';
      warnings.push(damageWarning(damaged.replaced, text));
    } else {
      try {
        text = decodeWith(bytes, 'gb18030', true);
        encoding = 'gb18030';
      } catch {
        throw new DecodeError('is neither valid UTF-8 nor GB18030 (use --encoding to name its encoding: big5, utf-16le, …)');
      }
      const other = likelyBig5(bytes, text);
      if (other) warnings.push(other);
    }
  }
  if (looksBinary(text)) throw new DecodeError(`is not text (binary data${encoding ? `, read as ${encoding}` : ''})`);
  return { text, encoding, warnings };
}
