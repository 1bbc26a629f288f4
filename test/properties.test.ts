import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastSentence } from './helpers/breaks.js';
import { extract } from '../src/extract/pipeline.js';
import { parseNumber } from '../src/extract/numbers/scan.js';

const DIGIT = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Writes n (< 10^12) as a Chinese numeral the usual way: 一千零八十三, 三亿零五百万. */
function chinese(n: number): string {
  if (n === 0) return '零';
  const below10k = (x: number): string => {
    const units = ['千', '百', '十', ''];
    const ds = String(x).padStart(4, '0').split('').map(Number);
    let s = '';
    let zero = false;
    ds.forEach((d, i) => {
      if (d === 0) zero = s !== '';
      else {
        s += (zero ? '零' : '') + DIGIT[d] + units[i];
        zero = false;
      }
    });
    return s;
  };
  const yi = Math.floor(n / 1e8);
  const wan = Math.floor((n % 1e8) / 1e4);
  const rest = n % 1e4;
  let s = '';
  if (yi) s += below10k(yi) + '亿';
  if (wan) s += (yi && wan < 1000 ? '零' : '') + below10k(wan) + '万';
  if (rest) s += ((yi || wan) && rest < 1000 ? '零' : '') + below10k(rest);
  return s;
}

describe('number reader round-trips', () => {
  it('Chinese numerals up to 亿', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
      expect(parseNumber(chinese(n))?.value).toBe(n);
    }));
  });
  it('Arabic with 万 and 亿, exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('万', '亿'), (whole, frac, scale) => {
      const digits = `${whole}.${String(frac).padStart(2, '0')}`;
      const expected = (whole * 100 + frac) * (scale === '万' ? 100 : 1_000_000);
      expect(parseNumber(`${digits}${scale}`)?.value).toBe(expected);
    }));
  });
  it('thousands separators', () => {
    fc.assert(fc.property(fc.integer({ min: 1000, max: 999_999_999 }), (n) => {
      expect(parseNumber(n.toLocaleString('en-US'))?.value).toBe(n);
    }));
  });
});

const GENRE = [
  '全县共出生1083人', '其中计划内一孩654人', '计划外二孩175人', '符合政策生育率90.48', '出生婴儿性别比为107:100',
  '落实"四术"728例,其中上环466例', '比上年上升1.03个百分点', '每人每年960元', '发放计生利益导向资金413.52万元',
  '2、总人口316842人', '20xx年', '为4660余名妇女做了妇科检查', '(其中死亡家庭51人,伤残家庭25人)', '。', ',', '\n',
  '一孩率、二孩率、多孩率分别为56.64%、39.97%、3.39%', '一孩、二孩分别为', '418人、295人', '占出生总数的56.64%',
  '出生人数(人)\t1083', '\t', '四、2020年工作打算', '一、基本情况', '其中男孩215人', '下降到112.3', '约300人',
];

function checkSpans(text: string): void {
  const r = extract(text);
  for (const i of r.indicators) {
    expect(i.start).toBeGreaterThanOrEqual(0);
    expect(i.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(i.start, i.end)).toBe(i.text);
    expect(Number.isFinite(i.value)).toBe(true);
  }
  for (const c of r.checks) expect(Number.isFinite(c.subject.value)).toBe(true);
}

describe('extraction never throws and every span matches its text', () => {
  it('over arbitrary Unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), checkSpans), { numRuns: 300 });
  });
  it('over random splices of genre sentences', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...GENRE), { maxLength: 30 }), (parts) => checkSpans(parts.join(''))), { numRuns: 500 });
  });
  it('over genre sentences cut at random places', () => {
    const whole = GENRE.join('');
    fc.assert(fc.property(fc.integer({ min: 0, max: whole.length }), fc.integer({ min: 0, max: whole.length }), (a, b) => checkSpans(whole.slice(Math.min(a, b), Math.max(a, b)))));
  });
});

describe('plans named earlier in the sentence', () => {
  // The sentence filter is looked up from matches found once per text; this holds
  // it to the plain reading: a figure is dropped when its sentence, before the
  // label, holds a plan word.
  const PIECES = ['下一步', '明年', '今后', '下步', '全县', '工作', '继续', ',', '。', ';', '\n', '!'];
  const PLAN = /下一步|下步|明年|来年|今后|下一年/;
  it('drops a figure exactly when its sentence so far names a plan', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }), (pieces) => {
        const prefix = pieces.join('');
        const sentence = lastSentence(`${prefix}出生率`);
        const found = extract(`${prefix}出生率为11‰`).indicators.filter((i) => i.id === 'rate.birth');
        expect(found.length).toBe(PLAN.test(sentence) ? 0 : 1);
      }),
      { numRuns: 400 },
    );
  });
});
