/**
 * The codebook (extract --codebook): every indicator of the registry with its
 * variable name, meaning, unit, typical wordings and one example sentence
 * from its rules, as CSV or Markdown. Made from the same registry and rule
 * files as the output, so it names exactly the columns the wide CSV has.
 */
import { csvRows } from './csv.js';
import type { RuleSet } from '../rules/load.js';
import { SUFFIXES } from './wide.js';

export type CodebookFormat = 'csv' | 'markdown';
export const CODEBOOK_FORMATS: readonly CodebookFormat[] = ['csv', 'markdown'];

export type CodebookEntry = { id: string; variable: string; meaning: string; unit: string; wording: string; example: string };

/** One entry per indicator, in the registry's (and the wide CSV's) order. */
export function codebookEntries(set: Pick<RuleSet, 'registry' | 'rules'>): CodebookEntry[] {
  // The first example of each id that gives a figure (not one that must give nothing).
  const examples = new Map<string, string>();
  for (const rule of set.rules) {
    for (const e of rule.examples) {
      const id = e.id ?? rule.id;
      if (e.expect !== null && !examples.has(id)) examples.set(id, e.text);
    }
  }
  return set.registry.indicators.map((s) => ({
    id: s.id,
    variable: set.registry.variables.get(s.id)!,
    meaning: s.meaning,
    unit: s.unit,
    wording: s.wording,
    example: examples.get(s.id) ?? '',
  }));
}

const COLUMNS = ['id', 'variable', 'meaning', 'unit', 'wording', 'example'] as const;

const SUFFIX_MEANING: Record<(typeof SUFFIXES)[number], string> = {
  unit: 'the unit the figure is counted in',
  approx: '1 when the figure is approximate (余, 约, a range), 0 when exact',
  bound: 'max for 以内/以下, min for 以上',
  scope: 'the population base (常住人口, 户籍人口) when the value is counted on one',
  period: 'the period its sentence names (2012年, 1-10月, 上半年) when it is not plainly the report\'s own',
  n: 'how many different values the section states among its own figures of that period; 0: only for a campaign or subgroup',
};

export function codebook(set: Pick<RuleSet, 'registry' | 'rules'>, format: CodebookFormat): string {
  const entries = codebookEntries(set);
  if (format === 'csv') return csvRows([[...COLUMNS], ...entries.map((e) => COLUMNS.map((c) => e[c]))]);
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    '# Codebook',
    '',
    'Every indicator, by its id (the JSON and the wide CSV) and its variable name (`--names stata`).',
    `In the wide CSV each has a value column and, after it, ${SUFFIXES.map((s) => `\`.${s}\``).join(', ')} (\`_${SUFFIXES[0]}\` … with \`--names stata\`):`,
    '',
    ...SUFFIXES.map((s) => `- \`${s}\`: ${SUFFIX_MEANING[s]}`),
    '',
    `| ${COLUMNS.join(' | ')} |`,
    `| ${COLUMNS.map(() => '---').join(' | ')} |`,
    ...entries.map((e) => `| \`${e.id}\` | \`${e.variable}\` | ${cell(e.meaning)} | ${e.unit} | ${cell(e.wording)} | ${cell(e.example)} |`),
    '',
  ];
  return lines.join('\n');
}
