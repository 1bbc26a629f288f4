/**
 * The indicator registry: one entry per id, from which the wide CSV's columns,
 * the checks' parts and rates, the plausibility bounds and the README's table
 * are made. Adding an indicator takes a registry entry and a rule, and no
 * TypeScript.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/pipeline.js';
import { indicatorTable, TABLE_END, TABLE_START } from '../src/rules/indicator-table.js';
import { DEFAULT_PATTERNS_DIR, defaultRules, loadRules, RuleFileError } from '../src/rules/load.js';
import { scratchDir } from './helpers/scratch.js';

const root = new URL('..', import.meta.url).pathname;

/** A folder of extra rules: a registry entry for 出生缺陷发生率 (‰) and its rule. */
function birthDefects(): string {
  const dir = scratchDir('defects');
  writeFileSync(
    join(dir, 'indicators.json'),
    JSON.stringify({ indicators: [{ id: 'rate.birthDefects', meaning: 'birth defect rate', wording: '出生缺陷发生率', unit: '‰', range: { max: 30 } }] }),
  );
  writeFileSync(
    join(dir, 'defects.json'),
    JSON.stringify({
      family: 'defects',
      rules: [{ id: 'rate.birthDefects', labels: ['出生缺陷(发生)?率'], accepts: ['rate', 'bare'], unit: '‰', examples: [{ text: '出生缺陷发生率6.09‰', expect: 6.09 }] }],
    }),
  );
  return dir;
}

describe('the README', () => {
  it("lists exactly the registry's indicators, as the table script writes them", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf(TABLE_START), readme.indexOf(TABLE_END) + TABLE_END.length);
    expect(table).toBe(indicatorTable(defaultRules().registry));
  });
});

describe('a new indicator from a registry entry and a rule', () => {
  const dir = birthDefects();
  const set = loadRules({ extraDirs: [dir] });

  it('is found', () => {
    const r = extract('全市出生缺陷发生率为6.09‰', { rules: set });
    expect(r.indicators.map((i) => [i.id, i.value, i.unit, i.text])).toEqual([['rate.birthDefects', 6.09, '‰', '出生缺陷发生率为6.09‰']]);
  });
  it('is judged against its plausible range', () => {
    const r = extract('全市出生缺陷发生率为45‰', { rules: set });
    expect(r.warnings).toEqual(['line 1: rate.birthDefects = 45‰ is above 30‰, implausible for birth defect rate «出生缺陷发生率为45‰»']);
  });
  it("has a row in the README's table", () => {
    expect(indicatorTable(set.registry)).toContain('| `rate.birthDefects` | birth defect rate | 出生缺陷发生率 | ‰ | plausible ≤ 30 |');
  });
  it('has a column in the wide CSV, after the built-in ones', () => {
    const text = join(dir, 'report.txt');
    writeFileSync(text, '全市出生1083人,出生缺陷发生率为6.09‰');
    const r = spawnSync(process.execPath, [join(root, 'bin/extract.js'), text, '--patterns', dir, '--csv', '--wide'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const [row] = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ 'births.total': '1083', 'rate.birthDefects': '6.09' });
    const header = r.stdout.split('\n')[0]!.split(',');
    expect(header.indexOf('rate.birthDefects')).toBe(header.indexOf('healthCheck.gynecological.n') + 1);
  });
});

describe('what the loader refuses, naming the file and field', () => {
  /** A copy of the built-in folder with `edit` applied to one of its files. */
  function edited(file: string, edit: (json: any) => void): string {
    const dir = scratchDir('registry');
    for (const f of ['grammar.json', 'pieces.json', 'indicators.json', 'births.json']) copyFileSync(join(DEFAULT_PATTERNS_DIR, f), join(dir, f));
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    edit(json);
    writeFileSync(join(dir, file), JSON.stringify(json));
    return dir;
  }
  it.each([
    ['a rule whose id the registry lacks', 'births.json', (j: any) => (j.rules[1].id = 'births.fourth'), /births\.json: rules\[1\]\.id: births\.fourth is not in the indicator registry/],
    ['a part that is not an indicator', 'indicators.json', (j: any) => j.indicators.find((i: any) => i.id === 'births.total').parts[0].parts.push('births.fourth'), /indicators\.json: indicators\[\d+\]\.parts\[0\]\.parts\[3\]: births\.fourth is not an indicator/],
    ['an id listed twice', 'indicators.json', (j: any) => j.indicators.push({ ...j.indicators[0] }), /indicators\.json: indicators\[\d+\]\.id: population\.total is listed twice/],
    ['a rate over an unknown denominator', 'indicators.json', (j: any) => (j.indicators.find((i: any) => i.id === 'rate.first').rate.denominator = 'births.all'), /rate\.denominator: births\.all is not an indicator/],
    ['a piece defined again in a rule file', 'births.json', (j: any) => (j.pieces = { FIRST: '一孩' }), /births\.json: pieces\.FIRST: \{FIRST\} is already defined in pieces\.json/],
    ['a zero stated in words of an id the registry lacks', 'grammar.json', (j: any) => (j.zeros[0].id = 'births.none'), /grammar\.json: zeros\[0\]\.id: births\.none is not in the indicator registry/],
    ['an id too long for a variable name, with no variable of its own', 'indicators.json', (j: any) => j.indicators.push({ id: 'births.thirdPlus.outOfPolicyLate', meaning: 'x', wording: 'x', unit: '人' }), /indicators\.json: indicators\[\d+\]\.id: the variable name births_thirdPlus_outOfPolicyLate is longer than 25 characters/],
    ['two indicators of one variable name, in any case', 'indicators.json', (j: any) => (j.indicators.find((i: any) => i.id === 'births.female').variable = 'Births_Male'), /indicators\[\d+\]\.variable: the variable name Births_Male is births\.male's too/],
    ['a variable name Stata refuses', 'indicators.json', (j: any) => (j.indicators[0].variable = '1population'), /indicators\[0\]\.variable: a variable name is letters/],
    ['a whole-area scope that is not a scope', 'grammar.json', (j: any) => j.wholeScopes.push('本地人口'), /grammar\.json: wholeScopes\[3\]: 本地人口 is not one of the scopes/],
    ['two rules of one name', 'births.json', (j: any) => (j.rules[1].name = 'births.total'), /births\.json: rules\[1\]: another rule .* is already named births\.total/],
  ])('%s', (_what, file, edit, message) => {
    const dir = edited(file, edit);
    expect(() => loadRules({ baseDir: dir })).toThrow(RuleFileError);
    expect(() => loadRules({ baseDir: dir })).toThrow(message);
  });
  it('allows ids under other.', () => {
    const dir = edited('births.json', (j) => (j.rules[1].id = 'other.firstBirthsAnyKind'));
    expect(loadRules({ baseDir: dir }).rules.some((r) => r.id === 'other.firstBirthsAnyKind')).toBe(true);
  });
});

describe('variable names for Stata and R', () => {
  const { registry } = defaultRules();
  it('are valid Stata names of at most 25 characters, one per indicator, unique regardless of case', () => {
    const names = registry.indicators.map((i) => registry.variables.get(i.id)!);
    for (const n of names) expect(n).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,24}$/);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(registry.indicators.length);
  });
  it.each([
    ['births.total', 'births_total'],
    ['births.first.inPolicy', 'births_first_inPolicy'],
    ['births.thirdPlus.outOfPolicy', 'births_3plus_outPolicy'],
    ['subsidy.onlyChildParentReward.amount', 'sub_ocParentReward_amount'],
  ])('%s is %s', (id, name) => {
    expect(registry.variables.get(id)).toBe(name);
  });
});

describe('rule names', () => {
  it('do not change when a rule is inserted before them', () => {
    const before = loadRules().rules.filter((r) => r.family === 'births').map((r) => r.name);
    const dir = scratchDir('names');
    for (const f of ['grammar.json', 'pieces.json', 'indicators.json']) copyFileSync(join(DEFAULT_PATTERNS_DIR, f), join(dir, f));
    const births = JSON.parse(readFileSync(join(DEFAULT_PATTERNS_DIR, 'births.json'), 'utf8'));
    births.rules.unshift({ id: 'births.total', name: 'births.total.newborn', labels: ['新生儿'], accepts: ['count'], unit: '人' });
    writeFileSync(join(dir, 'births.json'), JSON.stringify(births));
    const after = loadRules({ baseDir: dir }).rules.map((r) => r.name);
    expect(after).toEqual(['births.total.newborn', ...before]);
  });
  it('name every record', () => {
    expect(extract('全年出生1520人(男790人,女730人)').indicators.map((i) => i.rule)).toEqual(['births.total', 'births.male.part', 'births.female.part']);
  });
});

describe('registry entries', () => {
  it('all have one shape, whichever optional fields the file gives them (the checks read them for every figure)', () => {
    const entries = [...defaultRules().registry.byId.values()];
    const shapes = new Set(entries.map((s) => Object.keys(s).join(',')));
    expect(entries.some((s) => s.range) && entries.some((s) => !s.range)).toBe(true);
    expect([...shapes]).toEqual(['id,meaning,wording,variable,unit,parts,rate,difference,amount,range']);
  });
});
