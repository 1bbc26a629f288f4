/**
 * The character map of normalisation, strictly one UTF-16 code unit for one:
 * full-width forms to ASCII, traditional characters to simplified, quotes,
 * brackets and table rules to the forms the rules are written for. What
 * changes length (a pinyin note, a page number in a word) is repair.ts's.
 */
import { Buffer } from 'node:buffer';
import { traditionalPairs } from './opencc.js';

const MAP: Map<number, number> = (() => {
  // Sites that host the reports sometimes convert them to traditional characters
  // (計劃生育率, 結扎, 出生嬰兒性別比); folding them lets one set of rules serve both.
  const m = new Map<number, number>(traditionalPairs());
  // Full-width ASCII (！ to ～) to ASCII: １２３ → 123, ％ → %, ，→ , ：→ :
  for (let c = 0xff01; c <= 0xff5e; c++) m.set(c, c - 0xfee0);
  m.set(0x3000, 0x20); // ideographic space
  m.set(0x00a0, 0x20); // no-break space
  // The other spaces, thin and narrow ones among them (12 345): a space.
  for (let c = 0x2000; c <= 0x200a; c++) m.set(c, 0x20);
  m.set(0x202f, 0x20); // narrow no-break space
  m.set(0x201c, 0x22); // “
  m.set(0x201d, 0x22); // ”
  m.set(0x201e, 0x22); // „
  m.set(0x2018, 0x27); // ‘
  m.set(0x2019, 0x27); // ’
  m.set(0xfe6a, 0x25); // small percent sign ﹪
  m.set(0x2236, 0x3a); // ratio sign ∶ (107∶100)
  m.set(0x2212, 0x2d); // minus sign − (−0.52‰)
  m.set(0xfe55, 0x3a); // small colon ﹕
  m.set(0x3014, 0x28); // 〔 (a bracket some sites use for notes)
  m.set(0x3015, 0x29); // 〕
  m.set(0x3010, 0x28); // 【
  m.set(0x3011, 0x29); // 】
  // Invisible characters (zero-width space, joiners, word joiner, soft hyphen) all become U+200B,
  // which repair.ts deletes: one character to look for.
  // Bidi marks and embeddings (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, U+061C) are invisible too.
  for (const c of [0x200c, 0x200d, 0x2060, 0x00ad, 0xfeff, 0x200e, 0x200f, 0x061c, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) m.set(c, 0x200b);
  // A circle for zero (二○一二): the numeral 〇.
  m.set(0x25cb, 0x3007); // ○
  m.set(0x25ef, 0x3007); // ◯
  // Formal numerals that are no other word (壹仟贰佰 → 一千二百); 伍, 陆, 拾 and 肆 also write
  // 队伍, 陆续, 拾 (pick up) and 肆意, and stay as they are: the numeral reader reads them in place.
  for (const [formal, plain] of [['壹', '一'], ['贰', '二'], ['叁', '三'], ['柒', '七'], ['捌', '八'], ['玖', '九'], ['佰', '百'], ['仟', '千']] as const) m.set(formal.charCodeAt(0), plain.charCodeAt(0));
  // Box-drawing verticals (│ ┃ ║) separate table cells as a tab does.
  for (const c of [0x2502, 0x2503, 0x2551, 0xff5c]) m.set(c, 0x09);
  return m;
})();

// Every UTF-16 code unit to its replacement: one array read per character.
const TABLE = (() => {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c;
  for (const [from, to] of MAP) t[from] = to;
  return t;
})();
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A text mapped one code unit for one: the text and its UTF-16 code units (which the label scans read: faster than charCodeAt). */
export type Mapped = { text: string; units: Uint16Array };

/** The characters of `text` mapped: a string of exactly the same length. */
export function normalize(text: string): string {
  return mapCharacters(text).text;
}

/**
 * The string of these code units, made in one piece: a flat string, where one joined with +=
 * is a rope (a cons string) that every later read goes through.
 */
export function textOf(units: Uint16Array): string {
  if (LITTLE_ENDIAN) return Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
  const chunks: string[] = [];
  for (let i = 0; i < units.length; i += 8192) chunks.push(String.fromCharCode(...units.subarray(i, i + 8192)));
  return chunks.join('');
}

export function mapCharacters(text: string): Mapped {
  if (LITTLE_ENDIAN) {
    // The text's code units, mapped in place: several times faster than building a string
    // (Chinese text has a full-width comma or colon every few characters).
    const bytes = Buffer.from(text, 'utf16le');
    const units = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1);
    for (let i = 0; i < units.length; i++) units[i] = TABLE[units[i]!]!;
    loneCarriageReturns(text, units);
    return { text: textOf(units), units };
  }
  // A big-endian machine: the same mapping, a code unit at a time.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = TABLE[text.charCodeAt(i)]!;
  return { text: textOf(units), units };
}

/** A carriage return alone (old Mac files) ends a line as \n does; one before \n is left (CRLF is one break). */
function loneCarriageReturns(text: string, units: Uint16Array): void {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (units[i + 1] !== 10) units[i] = 10;
}
