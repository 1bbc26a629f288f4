/**
 * A figure's scope: the last scope word (grammar.json) in the sentence before
 * its label, reading words left to right, the longest first and none
 * overlapping, leaving out words that belong to an earlier figure's own label
 * (常住户籍人口153310人 names that figure, not a scope for what follows).
 * Without one, the scope of the figure before carries on to the full stop, and
 * into a sentence that opens with 其中.
 * The property holds the extractor to a brute-force reading of that rule.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/pipeline.js';
import type { Indicator } from '../src/report.js';
import { sentenceBreakAt } from './helpers/breaks.js';

const SCOPES: string[] = JSON.parse(readFileSync(new URL('../patterns/grammar.json', import.meta.url), 'utf8')).scopes;
const WINDOW = 300;

function labelSpan(ind: Indicator): [number, number] {
  // A label stands before its number, or after it (4660余名妇女做了妇科检查).
  return ind.text.startsWith(ind.label) ? [ind.start, ind.start + ind.label.length] : [ind.end - ind.label.length, ind.end];
}

function expectedScope(text: string, at: number, earlier: Indicator[]): string | undefined {
  let from = Math.max(0, at - WINDOW);
  for (let i = at - 1; i >= Math.max(0, at - WINDOW); i--) {
    if (sentenceBreakAt(text, i)) {
      from = i + 1;
      break;
    }
  }
  let scope: string | undefined;
  for (let s = from; s < at; ) {
    const word = SCOPES.filter((w) => text.startsWith(w, s) && s + w.length <= at).sort((a, b) => b.length - a.length)[0];
    if (!word) {
      s++;
      continue;
    }
    const e = s + word.length;
    let inLabel = false;
    for (let k = earlier.length - 1; k >= 0 && earlier[k]!.end > from; k--) {
      const [ls, le] = labelSpan(earlier[k]!);
      if (s < le && e > ls) inLabel = true;
    }
    if (!inLabel) scope = word;
    s = e;
  }
  return scope;
}

/** Without a scope word of its own, the figure before passes its scope on within a sentence to its full stop, and into a sentence that opens with 其中. */
function carriedScope(text: string, ind: Indicator, prev: Indicator | undefined): string | undefined {
  if (!prev?.scope || ind.start - prev.end > WINDOW) return undefined;
  const between = text.slice(prev.end, ind.start);
  let stop = -1;
  for (let i = between.length - 1; i >= 0 && stop < 0; i--) if (between[i] === '。' || (between[i] === '\n' && sentenceBreakAt(text, prev.end + i))) stop = i;
  if (stop < 0) return prev.scope;
  return between.slice(stop + 1).trimStart().startsWith('其中') ? prev.scope : undefined;
}

const PIECES = [
  ...SCOPES,
  '流动', '人口', '城', '区', '服务', '专项', '整治', '常住户籍人口', '户籍人口153310人', '常住人口86000人',
  '出生1083人', '已婚育龄妇女5000人', '总人口316842人', '上环466例', '其中', '全县', '共', '。', ',', ';', '\n', '、',
];

describe('scope', () => {
  it('is the last scope word of the sentence before the label, outside earlier labels', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }), (parts) => {
        const text = parts.join('');
        const r = extract(text);
        r.indicators.forEach((ind, k) => {
          expect(ind.scope, `${ind.text} in ${text}`).toBe(expectedScope(text, ind.start, r.indicators.slice(0, k)) ?? carriedScope(text, ind, r.indicators[k - 1]));
        });
      }),
      { numRuns: 1500 },
    );
  });
});
