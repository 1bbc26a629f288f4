/**
 * The fixtures are reports written for this project in the genre. Expected
 * values below were read off the fixture text, not off the program's output.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/pipeline.js';
import { ReportSchema } from '../src/report.js';

const read = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const pairs = (name: string) => extract(read(name)).indicators.map((i) => [i.id, i.value]);

describe('every fixture', () => {
  const names = readdirSync(new URL('../fixtures/', import.meta.url)).filter((f) => f.endsWith('.txt'));
  it.each(names)('%s: valid Report; every span is its source text; lines agree', (name) => {
    const text = read(name);
    const r = extract(text, { source: name });
    expect(() => ReportSchema.parse(r)).not.toThrow();
    expect(r.indicators.length).toBeGreaterThan(0);
    for (const i of r.indicators) {
      expect(text.slice(i.start, i.end)).toBe(i.text);
      expect(text.slice(0, i.start).split('\n').length).toBe(i.line);
      expect(i.text).toContain(i.label);
    }
  });
});

describe('county-report.txt', () => {
  it('gives every figure it states, and nothing else', () => {
    expect(pairs('county-report.txt')).toEqual([
      ['population.total', 246000], ['population.marriedWomen', 41250],
      ['births.total', 2961], ['births.first', 1702], ['births.second', 1190], ['births.thirdPlus', 69],
      ['births.inPolicy', 2790], ['births.outOfPolicy', 171],
      ['rate.birth', 12.05], ['rate.naturalIncrease', 6.12], ['rate.policyCompliance', 94.22], ['rate.thirdPlus', 2.33],
      ['sexRatio.atBirth', 112.6], ['contraception.users', 36580], ['rate.contraceptivePrevalence', 88.68],
      ['surgery.total', 3120], ['surgery.iudInsertion', 2210], ['surgery.iudRemoval', 420],
      ['surgery.sterilizationFemale', 260], ['surgery.sterilizationMale', 8], ['surgery.abortionOrLabor', 190], ['surgery.implant', 32],
      ['subsidy.rewardAssistance', 3566], ['subsidy.specialAssistance', 212],
      ['subsidy.specialAssistance.bereaved', 120], ['subsidy.specialAssistance.disabled', 92],
      ['subsidy.total.amount', 5127000], ['subsidy.rewardAssistance.amount', 3424000], ['subsidy.specialAssistance.amount', 1453000],
      ['subsidy.onlyChildHealthFee.amount', 250000], ['fee.socialMaintenance', 2365000],
      ['healthCheck.preconception', 3280], ['healthCheck.gynecological', 23000],
    ]);
  });
  it('finds every sum and rate consistent: the figures were written to agree', () => {
    const r = extract(read('county-report.txt'));
    const status = Object.fromEntries(r.checks.map((c) => [`${c.subject.id}=${c.subject.value}:${c.arithmetic?.split(' ')[0]}`, c.status]));
    expect(r.checks.filter((c) => c.status === 'inconsistent' || c.status === 'unaccounted')).toEqual([]);
    expect(Object.values(status)).toContain('consistent');
    // 2961 / 246000 = 12.04‰ against a printed 12.05: an unstated average population, not a contradiction.
    expect(r.checks.find((c) => c.subject.id === 'rate.birth')?.status).toBe('approximate');
    expect(r.checks.find((c) => c.subject.id === 'rate.policyCompliance')?.arithmetic).toBe('2790 / 2961 × 100 = 94.2249 ≈ 94.22 ✓');
  });
});

describe('annual-summary.txt: a full-length report, mostly prose', () => {
  it('gives the figures of its results, none from its prose counts, and none from its plans', () => {
    expect(pairs('annual-summary.txt')).toEqual([
      ['population.total', 286413], ['population.marriedWomen', 51236],
      ['births.total', 3105], ['births.first', 1862], ['births.second', 1183], ['births.thirdPlus', 60],
      ['births.inPolicy', 2962], ['births.outOfPolicy', 143], ['rate.policyCompliance', 95.39],
      ['sexRatio.atBirth', 109.6], ['rate.birth', 10.86], ['rate.naturalIncrease', 4.92],
      ['surgery.total', 4126], ['surgery.iudInsertion', 2317], ['surgery.iudRemoval', 865], ['surgery.sterilization', 392],
      ['surgery.abortionOrLabor', 512], ['surgery.implant', 40],
      ['healthCheck.gynecological', 38214], ['healthCheck.preconception', 2866],
      ['subsidy.rewardAssistance', 4215], ['subsidy.rewardAssistance.amount', 4046400],
      ['subsidy.specialAssistance', 312], ['subsidy.specialAssistance.bereaved', 198], ['subsidy.specialAssistance.disabled', 114],
      ['subsidy.specialAssistance.amount', 2016000], ['subsidy.onlyChildParentReward.amount', 166300],
      ['fee.socialMaintenance', 2865000],
      // Not: 标语320条, 资料4.6万份, 1.2万人次, 协查信息1260条 (no indicator), and under
      // 四、2020年工作打算 the targets 计划生育率稳定在95%以上, 性别比控制在110以下.
    ]);
  });
  it('finds its sums and rates consistent', () => {
    const r = extract(read('annual-summary.txt'));
    expect(r.checks.map((c) => [c.subject.id, c.status])).toEqual([
      ['births.total', 'consistent'], // 1862 + 1183 + 60
      ['births.total', 'consistent'], // 2962 + 143
      ['rate.policyCompliance', 'consistent'], // 2962 / 3105 = 95.3945%
      ['rate.birth', 'approximate'], // 3105 / 286413 = 10.84‰ against 10.86‰
      ['surgery.total', 'consistent'], // 2317 + 865 + 392 + 512 + 40
      ['subsidy.specialAssistance', 'consistent'], // 198 + 114
    ]);
    expect(r.sections).toMatchObject([{ place: '青石县', level: '县', year: 2019 }]);
  });
});

describe('contradiction.txt', () => {
  const r = extract(read('contradiction.txt'));
  const byId = (id: string) => r.checks.filter((c) => c.subject.id === id).map((c) => c.status);
  it('leaves 25 births unaccounted (236 + 120 + 31 = 387 of 412)', () => {
    expect(byId('births.total')).toEqual(['unaccounted']);
  });
  it('flags 93.5% compliance: in-policy births are at most 236 + 120 + 25 = 381 of 412 = 92.5%', () => {
    expect(byId('rate.policyCompliance')).toEqual(['inconsistent']);
  });
  it('flags operations whose parts exceed the total (210 + 96 + 62 = 368 > 356), and warns', () => {
    expect(byId('surgery.total')).toEqual(['inconsistent']);
    expect(r.warnings.some((w) => w.includes('surgery.total = 356'))).toBe(true);
  });
  it('marks 1260余名 approximate', () => {
    expect(r.indicators.find((i) => i.id === 'healthCheck.gynecological')).toMatchObject({ value: 1260, approximate: true });
  });
});

describe('compilation.txt: several reports in one page', () => {
  const r = extract(read('compilation.txt'));
  it('splits the page into its reports and marks the repeat', () => {
    expect(r.sections!.map((s) => [s.place, s.level, s.year, s.duplicateOf])).toEqual([
      ['镇', '镇', null, undefined],
      ['柳河县', '县', 2016, undefined],
      ['镇', '镇', null, 0],
    ]);
    expect(r.warnings.filter((w) => w.includes('redacted')).length).toBeGreaterThan(0);
  });
  it('reads traditional characters and full-width digits at their original offsets', () => {
    const sr = r.indicators.find((i) => i.id === 'sexRatio.atBirth' && i.section === 0)!;
    expect(sr).toMatchObject({ value: 105.3, text: '出生性別比为１０５.３' });
  });
  it('never compares figures across reports, and catches 95.40% of 3105 (no whole count gives it)', () => {
    const grim = r.checks.find((c) => c.subject.value === 95.4)!;
    expect(grim).toMatchObject({ status: 'inconsistent', section: 1 });
    for (const c of r.checks) for (const i of c.inputs ?? []) expect(r.indicators[i]!.section).toBe(c.section);
  });
});
