/**
 * The codebook: every indicator of the registry once, with a variable name and an example
 * sentence that really gives the indicator; CSV and Markdown.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { codebook, codebookEntries } from '../src/output/codebook.js';
import { defaultRules } from '../src/rules/load.js';
import { extract } from '../src/extract/pipeline.js';

const set = defaultRules();

describe('the codebook', () => {
  const entries = codebookEntries(set);
  it("lists the registry's indicators in its order, each once", () => {
    expect(entries.map((e) => e.id)).toEqual(set.registry.indicators.map((i) => i.id));
  });
  it('gives each example sentence that really yields its indicator', () => {
    for (const e of entries.filter((x) => x.example)) {
      expect(extract(e.example).indicators.map((i) => i.id), e.example).toContain(e.id);
    }
    // Most indicators have an example in their rules.
    expect(entries.filter((x) => x.example).length).toBeGreaterThan(entries.length * 0.8);
  });
  it('as CSV: a header and one row per indicator, Chinese intact', () => {
    const rows = parse(codebook(set, 'csv'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(entries.length);
    expect(rows.find((r) => r.id === 'births.thirdPlus.outOfPolicy')).toMatchObject({ variable: 'births_3plus_outPolicy', unit: '人' });
    expect(rows.find((r) => r.id === 'births.total')!.wording).toMatch(/出生/);
  });
  it('as Markdown: the suffix columns explained, then a table row per indicator', () => {
    const md = codebook(set, 'markdown');
    expect(md).toContain('- `n`: how many different values');
    expect(md).toMatch(/^\| `sexRatio\.atBirth` \| `sexRatio_atBirth` \| .* \| ratio \| /m);
    expect(md.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(entries.length);
  });
});
