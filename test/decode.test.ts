/**
 * Decoding: which encoding a file is read as, and what a damaged or binary
 * file gives. Bytes are built here (iconv-lite encodes GBK for the test only).
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode, DecodeError } from '../src/input/decode.js';

const sentence = '全县共出生1083人,其中政策内出生1021人,计划生育率为94.28%。';
const utf8 = Buffer.from(sentence.repeat(20));
const bom = Buffer.from([0xef, 0xbb, 0xbf]);

/** `bytes` with the byte at `at` removed: a character cut in half. */
const cut = (bytes: Buffer, at: number) => Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)]);

describe('decode', () => {
  it.each([
    ['UTF-8', utf8, 'utf-8', sentence.repeat(20)],
    ['UTF-8 with a byte-order mark', Buffer.concat([bom, utf8]), 'utf-8', sentence.repeat(20)],
    ['GBK', iconv.encode(sentence, 'gbk'), 'gb18030', sentence],
    ['a short GBK line', iconv.encode('出生1083人', 'gbk'), 'gb18030', '出生1083人'],
    ['GB18030, long', iconv.encode(sentence.repeat(200), 'gb18030'), 'gb18030', sentence.repeat(200)],
    ['UTF-16 LE with its mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sentence, 'utf16le')]), 'utf-16le', sentence],
  ])('%s is read as its encoding, exactly and without warnings', (_name, bytes, encoding, text) => {
    const d = decode(bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(text);
    expect(d.warnings).toEqual([]);
  });

  it('reads UTF-8 with a character cut in half as UTF-8, replacing the damage and saying so', () => {
    // Byte 1 is inside 全 (3 bytes): two damaged sequences would be one fewer byte each; here one.
    const d = decode(cut(utf8, 1));
    expect(d.encoding).toBe('utf-8');
    expect(d.text.startsWith('\ufffd县共出生1083人')).toBe(true);
    expect(d.warnings).toEqual(['1 byte sequence is not valid UTF-8 and was replaced by � (line 1)']);
  });

  it.each([
    ['one damaged line', '出生12人\n出\uFFFD生\n', '1 byte sequence is not valid UTF-8 and was replaced by � (line 2)'],
    ['damage on three lines, twice on one', 'a\uFFFD\uFFFD\nb\n\uFFFDc\nd\uFFFD', '4 byte sequences are not valid UTF-8 and were replaced by � (lines 1, 3, 4)'],
    ['damage on more lines than are shown', Array.from({ length: 8 }, (_, k) => `第${k + 1}行\uFFFD`).join('\n'), '8 byte sequences are not valid UTF-8 and were replaced by � (lines 1, 2, 3, 4, 5 …)'],
  ])('names the lines of the damage: %s', (_what, text, warning) => {
    // Each U+FFFD written as a lone continuation byte: invalid UTF-8 behind a byte-order mark.
    const bytes = Buffer.concat(text.split('\uFFFD').flatMap((part, k) => (k ? [Buffer.from([0x80]), Buffer.from(part)] : [Buffer.from(part)])));
    expect(decode(Buffer.concat([bom, bytes])).warnings).toEqual([warning]);
  });

  it('reads a UTF-8 file cut off in the middle of its last character', () => {
    const d = decode(utf8.subarray(0, utf8.length - 2));
    expect(d.encoding).toBe('utf-8');
    expect(d.text.endsWith('\ufffd')).toBe(true);
    expect(d.warnings).toHaveLength(1);
  });

  it('reads damaged UTF-8 behind a byte-order mark as UTF-8 however damaged', () => {
    const d = decode(Buffer.concat([bom, Buffer.from([0xc3, 0x28]), Buffer.from('出生12人')]));
    expect(d.encoding).toBe('utf-8');
    expect(d.warnings).toEqual(['1 byte sequence is not valid UTF-8 and was replaced by � (line 1)']);
  });

  it.each([
    ['NUL bytes', Buffer.from([0x68, 0x00, 0x69, 0x00, 0x6a]), /is not text \(binary data: it contains NUL bytes\)/],
    ['bytes valid in neither UTF-8 nor GB18030', Buffer.from([0xff, 0xff, 0x80, 0x80, 0xff]), /is neither valid UTF-8 nor GB18030/],
    ['control characters', Buffer.from('\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10abc'), /is not text/],
  ])('refuses %s', (_name, bytes, message) => {
    expect(() => decode(bytes)).toThrow(DecodeError);
    expect(() => decode(bytes)).toThrow(message);
  });

  it('with a named encoding, reads as told and reports replacements', () => {
    const d = decode(iconv.encode(sentence, 'gbk'), 'utf-8');
    expect(d.encoding).toBe('utf-8');
    expect(d.warnings).toEqual(['some bytes are not valid utf-8 and were replaced by � (line 1)']);
  });

  it('reads any valid UTF-8 back as exactly the text it encodes (astral characters, mixed scripts)', () => {
    // Control characters are left out: a text made of them is refused as binary, rightly.
    const char = fc.oneof(
      fc.constantFrom('出', '生', '率', '‰', '%', '\n', ' ', '𠀋', '😀', 'é', 'a', '1', '。'),
      fc.integer({ min: 0x20, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c)),
    );
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 200 }), (chars) => {
        const text = chars.join('');
        if (text.charCodeAt(0) === 0xfeff) return; // a leading U+FEFF is a byte-order mark, not text
        expect(decode(Buffer.from(text)).text).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe('text in another encoding than GB18030 is named', () => {
  const traditional = '柳溪縣2023年人口和計劃生育工作總結。全年共出生2846人,其中一孩1302人。';
  it('Big5 read as GB18030 is mojibake: a warning names Big5', () => {
    const d = decode(iconv.encode(traditional, 'big5'));
    expect(d.encoding).toBe('gb18030');
    expect(d.warnings).toEqual(['this reads as mojibake in GB18030 and as Chinese in Big5: read it with --encoding big5']);
  });
  it('with --encoding big5 it reads', () => {
    expect(decode(iconv.encode(traditional, 'big5'), 'big5').text).toBe(traditional);
  });
  it.each([
    ['GBK of the genre', iconv.encode('全年共出生2846人,其中一孩1302人。', 'gbk')],
    ['GBK with no word of the genre, that Big5 cannot read either', iconv.encode('甲乙丙丁戊己庚辛', 'gbk')],
  ])('no warning for %s', (_what, bytes) => {
    expect(decode(bytes).warnings).toEqual([]);
  });
});
