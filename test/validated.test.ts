/**
 * The built-in rule files are validated at build time (recordValidated writes what
 * zod gave back, with each file's text), and a run takes a file from that record
 * only while its text is the one validated: an edited file is validated again
 * as it is read, its mistakes named as before; a damaged record is ignored.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATTERNS_DIR, loadRules, recordValidated, RuleFileError } from '../src/rules/load.js';
import { scratchDir } from './helpers/scratch.js';

type Record = { files: { [shown: string]: { text: string; data: { family?: string; rules?: { id: string; examples?: unknown[] }[] } } }; expansions: { [wording: string]: string[] } };

/** A copy of the built-in folder and a record made from it. */
function recorded(): { dir: string; record: string; read: () => Record } {
  const dir = join(scratchDir('validated'), 'patterns');
  cpSync(DEFAULT_PATTERNS_DIR, dir, { recursive: true });
  const record = join(dir, '..', 'validated.json');
  recordValidated(record, { baseDir: dir });
  return { dir, record, read: () => JSON.parse(readFileSync(record, 'utf8')) as Record };
}

describe('rule files validated at build time', () => {
  it('records every file with its text and what zod gave back (defaults filled in)', () => {
    const { dir, read } = recorded();
    const record = read();
    const births = Object.entries(record.files).find(([shown]) => shown.endsWith('births.json'))!;
    expect(births[1].text).toBe(readFileSync(join(dir, 'births.json'), 'utf8'));
    // A rule without examples in the file has the schema's default, an empty list.
    const raw = JSON.parse(readFileSync(join(dir, 'births.json'), 'utf8')) as { rules: { examples?: unknown[] }[] };
    const k = raw.rules.findIndex((r) => r.examples === undefined);
    if (k >= 0) expect(births[1].data.rules![k]!.examples).toEqual([]);
    expect(Object.keys(record.files).length).toBe(loadRules({ baseDir: dir }).files.length + 3);
  });

  it('takes a file from the record while its text is unchanged', () => {
    const { dir, record, read } = recorded();
    // Prove the record is what is read: a family renamed in the record, not in the file.
    const r = read();
    const shown = Object.keys(r.files).find((s) => s.endsWith('births.json'))!;
    r.files[shown]!.data.family = 'from-the-record';
    writeFileSync(record, JSON.stringify(r));
    const set = loadRules({ baseDir: dir, validated: record });
    expect(set.rules.some((x) => x.family === 'from-the-record')).toBe(true);
  });

  it('validates an edited file as it is read, and names its mistake', () => {
    const { dir, record } = recorded();
    const file = join(dir, 'births.json');
    const spec = JSON.parse(readFileSync(file, 'utf8')) as { rules: { accepts: unknown }[] };
    spec.rules[0]!.accepts = ['dozens'];
    writeFileSync(file, JSON.stringify(spec));
    let error: unknown;
    try {
      loadRules({ baseDir: dir, validated: record });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleFileError);
    expect((error as RuleFileError).field).toBe('rules[0].accepts[0]');
  });

  it('keeps each wording with the literals it expands to, and expands from the record', () => {
    const { dir, record, read } = recorded();
    const r = read();
    // A wording with an alternation expands to each of its literals.
    const [wording, literals] = Object.entries(r.expansions).find(([, l]) => l.length > 1)!;
    expect(literals.length).toBeGreaterThan(1);
    // Prove the record is what is read: one literal added in the record becomes a label.
    r.expansions[wording] = [...literals, '录中之词'];
    writeFileSync(record, JSON.stringify(r));
    expect(loadRules({ baseDir: dir, validated: record }).labels.has('录中之词')).toBe(true);
    expect(loadRules({ baseDir: dir }).labels.has('录中之词')).toBe(false);
    void wording;
  });

  it("runs a recorded file's requires and forbids on V8's engine, an edited file's on the linear automaton", () => {
    const { dir, record } = recorded();
    const engines = (set: ReturnType<typeof loadRules>, file: string) =>
      new Set(set.rules.filter((x) => x.file.endsWith(file)).flatMap((x) => [x.requiresRe?.engine, x.forbidsRe?.engine].filter(Boolean)));
    const before = loadRules({ baseDir: dir, validated: record });
    const withExpressions = [...new Set(before.rules.filter((x) => x.requiresRe || x.forbidsRe).map((x) => x.file.split('/').pop()!))];
    expect(withExpressions.length).toBeGreaterThan(1);
    for (const f of withExpressions) expect(engines(before, f)).toEqual(new Set(['v8']));
    // One file edited (its meaning unchanged): only its expressions go back to the automaton.
    const [edited, other] = withExpressions as [string, string];
    writeFileSync(join(dir, edited), `${readFileSync(join(dir, edited), 'utf8')}\n`);
    const after = loadRules({ baseDir: dir, validated: record });
    expect(engines(after, edited)).toEqual(new Set(['automaton']));
    expect(engines(after, other)).toEqual(new Set(['v8']));
    // Without the record, every expression runs on the automaton.
    expect(new Set(loadRules({ baseDir: dir }).rules.flatMap((x) => [x.requiresRe?.engine, x.forbidsRe?.engine].filter(Boolean)))).toEqual(new Set(['automaton']));
  });

  it('refuses a lookaround in an edited built-in file, as in a user\'s', () => {
    const { dir, record } = recorded();
    const file = join(dir, 'births.json');
    const spec = JSON.parse(readFileSync(file, 'utf8')) as { rules: { forbids?: string }[] };
    spec.rules[0]!.forbids = '往年(?!同期)';
    writeFileSync(file, JSON.stringify(spec));
    expect(() => loadRules({ baseDir: dir, validated: record })).toThrow(/rules\[0\]\.forbids: cannot run in linear time/);
  });

  it('ignores a damaged record and validates every file', () => {
    const { dir, record } = recorded();
    writeFileSync(record, '{"files": {"patterns/births.json": ');
    const set = loadRules({ baseDir: dir, validated: record });
    expect(set.rules.length).toBe(loadRules({ baseDir: dir }).rules.length);
  });
});
