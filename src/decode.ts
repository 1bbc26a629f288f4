/**
 * Bytes to text. A byte-order mark decides first (UTF-8, UTF-16 LE/BE); then
 * a fatal UTF-8 decoder, which rejects GBK byte sequences; then GB18030 (a
 * superset of GBK and GB2312), which Node's TextDecoder implements. Bytes
 * that are not text at all (NUL bytes, control characters) are refused.
 */

export class DecodeError extends Error {}

export type Decoded = { text: string; encoding: string; warnings: string[] };

const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const controls = text.match(CONTROL)?.length ?? 0;
  return controls > 8 && controls / Math.max(1, text.length) > 0.01;
}

function decodeWith(bytes: Uint8Array, encoding: string, fatal: boolean): string {
  return new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes);
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
    if (text.includes('\ufffd')) warnings.push(`some bytes are not valid ${encoding} and were replaced by U+FFFD`);
  } else if (bytes.indexOf(0) >= 0 && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    // NUL bytes without a UTF-16 byte-order mark: not a text file.
    throw new DecodeError('is not text (binary data: it contains NUL bytes)');
  } else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    try {
      text = decodeWith(bytes, 'utf-8', true);
    } catch {
      throw new DecodeError('has a UTF-8 byte-order mark but is not valid UTF-8');
    }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = decodeWith(bytes, encoding, false);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = decodeWith(bytes, encoding, false);
  } else {
    try {
      text = decodeWith(bytes, 'utf-8', true);
      encoding = 'utf-8';
    } catch {
      try {
        text = decodeWith(bytes, 'gb18030', true);
        encoding = 'gb18030';
      } catch {
        throw new DecodeError('is neither valid UTF-8 nor GB18030 (use --encoding to name its encoding)');
      }
    }
  }
  if (looksBinary(text)) throw new DecodeError(`is not text (binary data${encoding ? `, read as ${encoding}` : ''})`);
  return { text, encoding, warnings };
}
