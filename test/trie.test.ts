/** The label trie: the longest wording at every position where one starts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalTrie, scanPair } from '../src/rules/trie.js';

/** A string's UTF-16 code units, as the trie reads a text. */
function codeUnits(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

describe('literalTrie', () => {
  const trie = literalTrie(['出生', '出生率', '计划生育', '计划生育率', '生育率', '政策外出生']);
  it.each([
    ['计划生育率为95%', [[0, '计划生育率'], [2, '生育率']]],
    ['政策外出生143人', [[0, '政策外出生'], [3, '出生']]],
    ['出生率为10.86‰', [[0, '出生率']]],
    ['出', []],
    ['', []],
  ])('%s', (text, expected) => {
    expect(trie.scan(codeUnits(text)).map((f) => [f.start, f.literal])).toEqual(expected);
  });
  // A literal of one character is found where the next one begins no literal, and at the end;
  // a pair whose units share the low bits of a literal's first two (嗺生, 出生) is walked, not found.
  const withSingle = literalTrie(['男', '男性', '出生', '出生率']);
  it.each([
    ['男', [[0, '男']]],
    ['男女', [[0, '男']]],
    ['男性出生', [[0, '男性'], [2, '出生']]],
    ['嗺生出', []],
    ['嗺生出生', [[2, '出生']]],
  ])('%s (one-character literals, pairs that share bits)', (text, expected) => {
    expect(withSingle.scan(codeUnits(text)).map((f) => [f.start, f.literal])).toEqual(expected);
    expect([...text].map((_, i) => withSingle.longestAt(codeUnits(text), i) ?? null).filter((l) => l !== null)).toEqual(expected.map((e) => e[1]));
  });
  it('finds what a search for every literal at every position finds, keeping the longest', () => {
    const alphabet = fc.constantFrom('出', '生', '率', '计', '划', '育', '政', '策', '外', '为');
    fc.assert(
      fc.property(fc.array(fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((a) => a.join('')), { maxLength: 12 }), fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (literals, text) => {
        const expected: [number, string][] = [];
        for (let i = 0; i < text.length; i++) {
          const here = literals.filter((l) => text.startsWith(l, i)).sort((a, b) => b.length - a.length);
          if (here.length) expected.push([i, here[0]!]);
        }
        expect(literalTrie(literals).scan(codeUnits(text)).map((f) => [f.start, f.literal])).toEqual(expected);
      }),
    );
  });
  it('longestAt finds the longest literal starting at a position and ending by a bound', () => {
    // A small alphabet, so that literals often match at the bound and just past it.
    const alphabet = fc.constantFrom('出', '生', '率', '𠀋');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(alphabet, { maxLength: 30 }).map((a) => a.join('')), fc.nat(), fc.nat(), (literals, text, a, b) => {
        const at = a % (text.length + 1);
        const end = at + (b % (text.length - at + 1));
        const fits = literals.filter((l) => text.startsWith(l, at) && at + l.length <= end).sort((x, y) => y.length - x.length);
        expect(literalTrie(literals).longestAt(codeUnits(text), at, end)).toBe(fits[0]);
        if (end === text.length) expect(literalTrie(literals).longestAt(codeUnits(text), at)).toBe(fits[0]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('literal indexes', () => {
  const trie = literalTrie(['出生率', '出生', '计划生育', '出生']);
  it('lists each literal once, sorted, and gives a found literal by its index there', () => {
    expect(trie.literals).toEqual(['出生', '出生率', '计划生育']);
    const units = codeUnits('计划生育出生率');
    expect(trie.scan(units, (start, literal, index) => [start, literal, index])).toEqual([
      [0, '计划生育', 2],
      [4, '出生率', 1],
    ]);
    expect(trie.longestIndexAt(units, 4, units.length)).toBe(1);
    expect(trie.longestIndexAt(units, 4, 6)).toBe(0);
    expect(trie.longestIndexAt(units, 1, units.length)).toBe(-1);
    expect(trie.longestIndexAt(units, 7, units.length)).toBe(-1);
  });
  it('scanPair gives each trie\'s index too', () => {
    const scopes = literalTrie(['流动人口', '城区']);
    const [labels, words] = scanPair(codeUnits('城区出生率'), trie, (s, l, k) => [s, l, k], scopes, (s, l, k) => [s, l, k]);
    expect(labels).toEqual([[2, '出生率', 1]]);
    expect(words).toEqual([[0, '城区', 0]]);
  });
});

describe('occursIn: a literal wholly within a range', () => {
  const trie = literalTrie(['死亡', '培训', '率']);
  const units = codeUnits('全年死亡12人,培训率');
  it.each([
    [0, units.length, true],
    [2, 4, true], // 死亡 exactly
    [3, 8, false], // 亡 … : 死亡 starts before the range
    [0, 3, false], // … 死: 死亡 ends after it
    [8, 10, true], // 培训
    [10, 11, true], // 率, one character
    [5, 5, false],
    [-2, 1, false],
  ])('[%i, %i) → %s', (from, to, expected) => expect(trie.occursIn(units, from, to)).toBe(expected));
  it('finds what a regular expression of the literals finds in the slice', () => {
    const alphabet = fc.constantFrom('死', '亡', '培', '训', '率', '人', '出');
    fc.assert(
      fc.property(fc.array(fc.array(alphabet, { minLength: 1, maxLength: 3 }).map((a) => a.join('')), { minLength: 1, maxLength: 6 }), fc.array(alphabet, { maxLength: 30 }).map((a) => a.join('')), fc.nat(30), fc.nat(30), (literals, text, a, b) => {
        const [from, to] = [Math.min(a, b, text.length), Math.min(Math.max(a, b), text.length)];
        const re = new RegExp(literals.join('|'), 'u');
        expect(literalTrie(literals).occursIn(codeUnits(text), from, to)).toBe(re.test(text.slice(from, to)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('scanPair: two tries in one pass', () => {
  const pair = (start: number, literal: string) => [start, literal] as const;
  it.each([
    // A label and a scope word that start at the same place, and each elsewhere.
    ['流动人口出生12人', ['流动人口出生', '出生'], ['流动人口'], [[0, '流动人口出生'], [4, '出生']], [[0, '流动人口']]],
    ['城区出生率为9‰', ['出生率', '出生'], ['城区', '城区出生'], [[2, '出生率']], [[0, '城区出生']]],
    ['其他', ['出生'], ['城区'], [], []],
  ])('%s', (text, a, b, inA, inB) => {
    const [foundA, foundB] = scanPair(codeUnits(text), literalTrie(a), pair, literalTrie(b), pair);
    expect(foundA).toEqual(inA);
    expect(foundB).toEqual(inB);
  });

  it('finds what each trie scanning alone finds', () => {
    const alphabet = fc.constantFrom('流', '动', '人', '口', '出', '生', '城', '区', '率');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 10 }), fc.array(word, { maxLength: 6 }), fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (a, b, text) => {
        const units = codeUnits(text);
        const [ta, tb] = [literalTrie(a), literalTrie(b)];
        expect(scanPair(units, ta, pair, tb, pair)).toEqual([ta.scan(units, pair), tb.scan(units, pair)]);
      }),
      { numRuns: 500 },
    );
  });
});
