/**
 * Whole-text normalisation, strictly one UTF-16 code unit for one code unit, so
 * that every offset found in the normalised text is also an offset into the
 * original. Anything that would change length (numeral conversion, scale
 * expansion) happens later, on a matched span only.
 */
import { Buffer } from 'node:buffer';

// Pairs of (traditional, simplified) characters that occur in the vocabulary of
// these reports. Sites that host the reports sometimes convert them to
// traditional characters (計劃生育率, 結扎, 出生嬰兒性別比); folding them lets one
// set of rules serve both.
const TRADITIONAL_PAIRS =
  '計计劃划結结紮扎嬰婴兒儿別别總总數数婦妇齡龄環环術术產产獎奖勵励費费徵征撫抚養养檢检內内' +
  '萬万億亿兩两點点節节實实對对據据統统無无農农區区縣县鎮镇鄉乡戶户員员達达為为與与雙双獨独' +
  '殘残傷伤務务優优質质會会發发資资補补貼贴導导後后遺遗體体診诊療疗藥药額额長长減减較较個个' +
  '餘余約约來来範范圍围應应強强執执護护歲岁號号醫医衛卫標标準准屬属關关幹干們们預预備备辦办' +
  '證证驗验記记錄录報报違违規规罰罚題题況况項项歸归離离這这於于將将從从進进廣广間间處处錢钱' +
  '營营單单製制隊队紀纪學学業业職职嚴严貧贫財财際际確确狀状響响頭头類类續续齊齐輔辅導导參参' +
  '愛爱層层議议縣县屆届適适級级組组織织開开動动險险過过現现兌兑勞劳聯联訂订團团兒儿婚婚孩孩' +
  '懷怀懸悬濟济殯殡員员';

const MAP: Map<number, number> = (() => {
  const m = new Map<number, number>();
  for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2) {
    m.set(TRADITIONAL_PAIRS.charCodeAt(i), TRADITIONAL_PAIRS.charCodeAt(i + 1));
  }
  // Full-width ASCII (！ to ～) to ASCII: １２３ → 123, ％ → %, ，→ , ：→ :
  for (let c = 0xff01; c <= 0xff5e; c++) m.set(c, c - 0xfee0);
  m.set(0x3000, 0x20); // ideographic space
  m.set(0x00a0, 0x20); // no-break space
  m.set(0x201c, 0x22); // “
  m.set(0x201d, 0x22); // ”
  m.set(0x201e, 0x22); // „
  m.set(0x2018, 0x27); // ‘
  m.set(0x2019, 0x27); // ’
  m.set(0xfe6a, 0x25); // small percent sign ﹪
  m.set(0x2236, 0x3a); // ratio sign ∶ (107∶100)
  m.set(0x2212, 0x2d); // minus sign − (−0.52‰)
  m.set(0xfe55, 0x3a); // small colon ﹕
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

/**
 * The normalised text, its UTF-16 code units (which the label scans read:
 * faster than charCodeAt), and the text it was made from. Every stage reads
 * `text`; `source` is sliced only for what the output quotes. Offsets are the
 * same in both (one code unit for one).
 */
export type Normalized = { text: string; units: Uint16Array; source: string };

/** Returns a string of exactly the same length as `text`. */
export function normalize(text: string): string {
  return normalized(text).text;
}

export function normalized(text: string): Normalized {
  if (LITTLE_ENDIAN) {
    // The text's code units, mapped in place: several times faster than building a string
    // (Chinese text has a full-width comma or colon every few characters).
    const bytes = Buffer.from(text, 'utf16le');
    const units = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1);
    for (let i = 0; i < units.length; i++) units[i] = TABLE[units[i]!]!;
    return { text: bytes.toString('utf16le'), units, source: text };
  }
  // A big-endian machine: the same mapping, a code unit at a time.
  const units = new Uint16Array(text.length);
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const mapped = TABLE[code]!;
    units[i] = mapped;
    if (mapped !== code) {
      out += text.slice(last, i) + String.fromCharCode(mapped);
      last = i + 1;
    }
  }
  return { text: last === 0 ? text : out + text.slice(last), units, source: text };
}
