/**
 * Clean-up that keeps offsets: what sites and PDF conversion put inside words
 * and numbers is read through, and every span still points into the text as
 * given (text === source.slice(start, end)).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/pipeline.js';

const figures = (source: string) => {
  const r = extract(source);
  for (const i of r.indicators) expect(source.slice(i.start, i.end)).toBe(i.text);
  return r.indicators.map((i) => [i.id, i.value, i.text]);
};

describe('breaks and page numbers inside a label or between a number and its unit', () => {
  it.each([
    ['a page number after a break in a label', '全区出生2979人,其中政\n2、策内出生2964人', [['births.total', 2979, '出生2979人'], ['births.inPolicy', 2964, '政\n2、策内出生2964人']]],
    ['a line wrapped inside a label', '全年落实避孕节\n育手术10914例', [['surgery.total', 10914, '避孕节\n育手术10914例']]],
    ['a break between a number and its unit', '全区政策外出生800\n人', [['births.outOfPolicy', 800, '政策外出生800\n人']]],
    ['a break with spaces and a page number', '全县计划生\n 12 育率为95.3%', [['rate.policyCompliance', 95.3, '计划生\n 12 育率为95.3%']]],
    ['a sentence wrapped after a comma: its breakdown still belongs to its total', '全年落实四术620例,\n其中上环300例,结扎120例,\n人流200例', [['surgery.total', 620, '四术620例'], ['surgery.iudInsertion', 300, '上环300例'], ['surgery.sterilization', 120, '结扎120例'], ['surgery.abortion', 200, '人流200例']]],
    ['a number broken after its decimal point', '符合政策生育率为93.\n41%,比上年', [['rate.policyCompliance', 93.41, '符合政策生育率为93.\n41%']]],
  ])('%s', (_name, text, expected) => {
    expect(figures(text)).toEqual(expected);
  });
  it.each([
    ['a paragraph that ends', '全年工作顺利完成\n出生人口1000人', [['births.total', 1000, '出生人口1000人']], 2],
    ['a list marker after a line that ends in a number', '政策符合率96.2%\n2.出生人口1000人', [['rate.policyCompliance', 96.2, '政策符合率96.2%'], ['births.total', 1000, '出生人口1000人']], 2],
    ['a list item after a line', '全年出生1000人\n2、二孩出生300人', [['births.total', 1000, '出生1000人'], ['births.second', 300, '二孩出生300人']], 2],
    ['a line whose last character and the next one’s first make a two-character label (人⏎流 reads 人流)', '全县出生1000人\n流动人口出生12人', [['births.total', 1000, '出生1000人'], ['births.total', 12, '出生12人']], 2],
  ])('leaves %s alone', (_name, text, expected, line) => {
    expect(figures(text)).toEqual(expected);
    expect(extract(text).indicators.at(-1)!.line).toBe(line);
  });
  it('checks a breakdown wrapped over lines against its total', () => {
    const r = extract('全年落实四术620例,\n其中上环300例,结扎120例,\n人流200例');
    expect(r.checks.find((c) => c.rule === 'parts-sum')).toMatchObject({ subject: { id: 'surgery.total', value: 620 }, status: 'consistent', expected: '620' });
  });
  it('keeps a heading its own line: what follows a plan heading is still a plan', () => {
    expect(figures('四、明年工作打算\n计划生育率稳定在95%以上')).toEqual([]);
  });
});

describe('spaces in digit groups', () => {
  it.each([
    ['出生5 393人', 5393, '出生5 393人'],
    ['全年出生 5 393 人', 5393, '出生 5 393 人'],
    ['社会抚养费1 250 000元', 1250000, '社会抚养费1 250 000元'],
    ['出生12\u2009345人', 12345, '出生12\u2009345人'],
    ['出生12\u202f345人', 12345, '出生12\u202f345人'],
  ])('%s', (text, value, quote) => {
    expect(figures(text).map((f) => f.slice(1))).toEqual([[value, quote]]);
  });
  it.each([
    ['two numbers: a count of villages and of births', '全镇9 个村出生120人', [['births.total', 120, '出生120人']]],
    ['a group of two digits is not a group', '出生5 39人', []],
  ])('not %s', (_name, text, expected) => {
    expect(figures(text)).toEqual(expected);
  });
});

describe('converted and spun copies', () => {
  it.each([
    ['pinyin notes after characters', '全鎮(zhèn)共出生310人,一孩率為(wèi)86.74%', [['births.total', 310, '出生310人'], ['rate.first', 86.74, '一孩率為(wèi)86.74%']]],
    ['traditional characters outside the old table (綜, 絕)', '綜合避孕率95.1%,絕育8例', [['rate.contraceptivePrevalence', 95.1, '綜合避孕率95.1%'], ['surgery.sterilization', 8, '絕育8例']]],
    ['诞生 for 出生', '全区共诞生4361人', [['births.total', 4361, '诞生4361人']]],
    ['方案 for 计划', '其中方案内出生2534人,方案生育率99.76%', [['births.inPolicy', 2534, '方案内出生2534人'], ['rate.policyCompliance', 99.76, '方案生育率99.76%']]],
    ['安排 for 计划', '安排外生育3人', [['births.outOfPolicy', 3, '安排外生育3人']]],
    ['a zero-width space inside a number', '出生1\u200b083人', [['births.total', 1083, '出生1\u200b083人']]],
  ])('%s', (_name, text, expected) => {
    expect(figures(text)).toEqual(expected);
  });
  it('流淌人口 is the migrant scope', () => {
    expect(extract('流淌人口出生27人').indicators[0]).toMatchObject({ id: 'births.total', scope: '流动人口' });
  });
  it('方案 elsewhere stays a plan: 工作方案 is no birth', () => {
    expect(figures('制定了工作方案,出生120人')).toEqual([['births.total', 120, '出生120人']]);
  });
});

describe('tables drawn with box characters', () => {
  it('reads │ as a cell boundary', () => {
    expect(figures('│出生人数│1083│\n│计划生育率│95.3│\n')).toEqual([
      ['births.total', 1083, '出生人数│1083'],
      ['rate.policyCompliance', 95.3, '计划生育率│95.3'],
    ]);
  });
});

describe('property: repairs never move a figure off its source', () => {
  const clean = ['全县共出生1083人', ',其中政策内出生1021人', ',计划生育率为94.28%', ',出生婴儿性别比为107:100', ',落实避孕节育手术3120例'];
  const junk = fc.constantFrom('(zhèn)', '\u200b', '\u00ad');
  it('inserting pinyin notes and invisible characters after any Han character gives the same figures, quoted from the source', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(200), junk), { maxLength: 6 }), (inserts) => {
        let text = clean.join('');
        const plain = figures(text).map(([id, value]) => [id, value]);
        for (const [at, j] of inserts.sort((a, b) => b[0] - a[0])) {
          const k = at % text.length;
          const c = text.charCodeAt(k - 1);
          if (c >= 0x4e00 && c <= 0x9fff) text = text.slice(0, k) + j + text.slice(k);
        }
        expect(figures(text).map(([id, value]) => [id, value])).toEqual(plain);
      }),
      { numRuns: 200 },
    );
  });
});

describe('line endings and invisible marks that lost figures', () => {
  it('reads carriage returns alone as line ends: figures, checks and lines as with \\n', () => {
    const text = '全年出生1083人\r其中一孩618人,二孩465人\r计划生育率95.3%\r';
    const r = extract(text);
    expect(figures(text)).toEqual([['births.total', 1083, '出生1083人'], ['births.first', 618, '一孩618人'], ['births.second', 465, '二孩465人'], ['rate.policyCompliance', 95.3, '计划生育率95.3%']]);
    expect(r.indicators.map((i) => i.line)).toEqual([1, 2, 2, 3]);
  });
  it('keeps CRLF one line end', () => {
    expect(extract('全年出生1083人,\r\n其中一孩618人').indicators.map((i) => i.line)).toEqual([1, 2]);
  });
  it.each([
    ['a left-to-right mark inside a label', '全年出\u200e生1083人', ['births.total', 1083, '出\u200e生1083人']],
    ['a right-to-left mark among digits', '计划生育率9\u200f5.3%', ['rate.policyCompliance', 95.3, '计划生育率9\u200f5.3%']],
    ['an embedding before the number', '出生率\u202a10.1‰', ['rate.birth', 10.1, '出生率\u202a10.1‰']],
    ['an isolate around the number', '出生率\u206610.1\u2069‰', ['rate.birth', 10.1, '出生率\u206610.1\u2069‰']],
  ])('reads through %s', (_name, text, expected) => {
    expect(figures(text)).toEqual([expected]);
  });
});
