/**
 * Per-head standards the text states: 每人每年960元, 按每户120元/年的标准,
 * 960元/人·年. They are no figures (a standard is not a total paid), but the
 * checks read them: recipients × standard = the money paid.
 */
export type Standard = {
  /** Yuan per head. */
  value: number;
  /** Per whom: 人 (名 is 人), 户, 对. */
  per: '人' | '户' | '对';
  /** Per what period, when stated: 年, 月, 季, or 一次性. */
  period?: '年' | '月' | '季' | '一次性';
  start: number;
  end: number;
  text: string;
};

const NUM = String.raw`(\d{1,6}(?:\.\d{1,2})?)`;
// 每人每年960元 · 每户每年发放120元 · 人均960元 · 按每人每年960元的标准 · 960元/人·年 · 120元/户/年.
const FORMS = [
  new RegExp(String.raw`(?:每|人均|户均)(人|名|户|对)?(?:每?(年|月|季)|(一次性))?(?:发放|补助|奖励|扶助|补贴|给予|兑现)?\s*${NUM}元`, 'gu'),
  new RegExp(String.raw`${NUM}元\s*/\s*(人|名|户|对)(?:\s*[·/]\s*(年|月|季))?`, 'gu'),
];

/** Every standard of the text, in order. */
export function standardsOf(text: string): Standard[] {
  if (!text.includes('元')) return [];
  const out: Standard[] = [];
  for (const [i, re] of FORMS.entries()) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [who, period, once, value] = i === 0 ? [m[1], m[2], m[3], m[4]] : [m[2], m[3], undefined, m[1]];
      // 每年960元 alone names no head; 人均 and 户均 name theirs.
      const per = who ?? (m[0].startsWith('人均') ? '人' : m[0].startsWith('户均') ? '户' : undefined);
      if (!per) continue;
      out.push({
        value: Number(value),
        per: per === '名' ? '人' : (per as Standard['per']),
        ...(once ? { period: '一次性' as const } : period ? { period: period as Standard['period'] } : {}),
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
