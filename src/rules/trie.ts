/**
 * A character trie over label wordings, for finding the longest wording that
 * starts at each position in one pass. The trie is flattened into typed
 * arrays once it is built: a table over every UTF-16 code unit gives the
 * first step (and says at once that no wording starts at most positions), and
 * each deeper node lists its few outgoing characters in one shared array.
 * A step is then an array read or a short scan, not a hash lookup; memory
 * grows with the number of nodes, not with nodes × alphabet. The text is
 * read as UTF-16 code units in a typed array (normalize.ts keeps them): a read
 * there costs half what String.prototype.charCodeAt does.
 */

export type LiteralTrie = {
  /** The literals, sorted: what the index `scan` and `longestIndexAt` give is an index here. */
  readonly literals: readonly string[];
  /** The longest literal that starts at `at` and ends by `end`, if any, in a text given as its code units. */
  longestAt(units: Uint16Array, at: number, end?: number): string | undefined;
  /** The index in `literals` of that literal, or −1. */
  longestIndexAt(units: Uint16Array, at: number, end: number): number;
  /** For each position where a literal starts, the longest one, made by `make` (default: { start, literal }). */
  scan<T = { start: number; literal: string }>(units: Uint16Array, make?: (start: number, literal: string, index: number) => T): T[];
  /** Whether a literal lies wholly within [from, to): what a regular expression of the literals as alternatives finds in that slice, without the slice. */
  occursIn(units: Uint16Array, from: number, to: number): boolean;
  /** Every code unit a literal starts with. */
  readonly firsts: readonly number[];
};

const startAndLiteral = (start: number, literal: string) => ({ start, literal });

export function literalTrie(literals: Iterable<string>): LiteralTrie {
  // Built from the literals in sorted order, breadth first, straight into flat arrays:
  // the literals that share a node's prefix are a run of the sorted list, and its
  // children the runs within it by the next character. No map per node (ten thousand
  // of them cost a fifth of start-up). Node 0 is the root.
  const sorted = [...new Set(literals)].filter((l) => l).sort();
  const first = new Int32Array(65536); // code unit → node; 0: no wording starts with it
  // Typed arrays of the most nodes there can be (a node per character of every literal, and the
  // root), not arrays grown by push: the trie is built once, at start-up, before V8 has compiled
  // this loop, where each push cost a call (the build was a fifth of a small report's run).
  let capacity = 1;
  for (const l of sorted) capacity += l.length;
  // Node n's edges are edgeChar/edgeNode[edgeStart[n] .. edgeStart[n + 1]); the root's are `first`.
  const edgeStart = new Int32Array(capacity + 1);
  const edgeChar = new Uint16Array(capacity);
  const edgeNode = new Int32Array(capacity);
  // Per node: the run of literals under it and its depth; the index in `sorted` of the literal it completes, or −1.
  const lo = new Int32Array(capacity);
  const hi = new Int32Array(capacity);
  const depth = new Int32Array(capacity);
  const literalAt = new Int32Array(capacity);
  hi[0] = sorted.length;
  // The root's children, in order of their code unit (the literals are sorted).
  const firsts: number[] = [];
  let count = 1;
  let edges = 0;
  for (let n = 0; n < count; n++) {
    if (n > 0) edgeStart[n] = edges;
    let a = lo[n]!;
    const b = hi[n]!;
    const d = depth[n]!;
    // The literal that is the node's prefix itself sorts first in its run.
    const own = a < b && sorted[a]!.length === d ? a : -1;
    literalAt[n] = own;
    if (own >= 0) a++;
    while (a < b) {
      const c = sorted[a]!.charCodeAt(d);
      let e = a + 1;
      while (e < b && sorted[e]!.charCodeAt(d) === c) e++;
      const child = count++;
      lo[child] = a;
      hi[child] = e;
      depth[child] = d + 1;
      if (n === 0) {
        first[c] = child;
        firsts.push(c);
      } else {
        edgeChar[edges] = c;
        edgeNode[edges++] = child;
      }
      a = e;
    }
  }
  edgeStart[count] = edges;
  // The first two code units of every literal of two or more, as bits: at most places where a
  // literal's first character stands the next one continues none (出 before 现), and this says
  // so without a walk. Keyed by the low ten bits of each unit: a collision costs a walk, never a find.
  const pairs = new Int32Array(1 << 15);
  for (const l of sorted) {
    if (l.length < 2) continue;
    const h = pairKey(l.charCodeAt(0), l.charCodeAt(1));
    pairs[h >>> 5]! |= 1 << (h & 31);
  }
  // Whether a walk from `at` can find a literal: one of a single unit ends at the first node, or the first two begin one.
  const mayStart = (units: Uint16Array, at: number, node: number, end: number): boolean => {
    if (literalAt[node]! >= 0) return true;
    if (at + 1 >= end) return false;
    const h = pairKey(units[at]!, units[at + 1]!);
    return (pairs[h >>> 5]! & (1 << (h & 31))) !== 0;
  };

  // The walk reads the literal's index per node (an Int32Array), and makes no string until it is done.
  const longestIndexAt = (units: Uint16Array, at: number, end: number): number => {
    if (at >= end) return -1;
    let node = first[units[at]!]!;
    if (node === 0 || !mayStart(units, at, node, end)) return -1;
    let best = -1;
    for (let j = at + 1; ; j++) {
      const t = literalAt[node]!;
      if (t >= 0) best = t;
      if (j >= end) break;
      const c = units[j]!;
      const stop = edgeStart[node + 1]!;
      let k = edgeStart[node]!;
      while (k < stop && edgeChar[k] !== c) k++;
      if (k === stop) break;
      node = edgeNode[k]!;
    }
    return best;
  };
  const longestAt = (units: Uint16Array, at: number, end = units.length): string | undefined => {
    const best = longestIndexAt(units, at, end);
    return best >= 0 ? sorted[best] : undefined;
  };
  return {
    literals: sorted,
    longestAt,
    longestIndexAt,
    firsts,
    occursIn(units: Uint16Array, from: number, to: number): boolean {
      for (let i = Math.max(0, from); i < to; i++) if (first[units[i]!] !== 0 && longestIndexAt(units, i, to) >= 0) return true;
      return false;
    },
    scan<T>(units: Uint16Array, make = startAndLiteral as unknown as (start: number, literal: string, index: number) => T): T[] {
      // The first-unit table is read here, so that the walk is called at a fifth of the text's places.
      const found: T[] = [];
      const n = units.length;
      for (let i = 0; i < n; i++) {
        if (first[units[i]!] === 0) continue;
        const best = longestIndexAt(units, i, n);
        if (best >= 0) found.push(make(i, sorted[best]!, best));
      }
      return found;
    },
  };
}

/** A pair of code units as 15 bits of word index and 5 of bit: the low ten bits of each. */
const pairKey = (a: number, b: number): number => ((a & 0x3ff) << 10) | (b & 0x3ff);

/**
 * What `a.scan` and `b.scan` find, in one pass over the text: a table of both
 * tries' first characters says at each position which of them to walk. A pass
 * over every character costs about as much as the walks themselves, so the
 * label wordings and the scope words are found together.
 */
export function scanPair<A, B>(units: Uint16Array, a: LiteralTrie, makeA: (start: number, literal: string, index: number) => A, b: LiteralTrie, makeB: (start: number, literal: string, index: number) => B): [A[], B[]] {
  const table = pairTable(a, b);
  const foundA: A[] = [];
  const foundB: B[] = [];
  const n = units.length;
  for (let i = 0; i < n; i++) {
    const which = table[units[i]!]!;
    if (which === 0) continue;
    if (which & 1) {
      const k = a.longestIndexAt(units, i, n);
      if (k >= 0) foundA.push(makeA(i, a.literals[k]!, k));
    }
    if (which & 2) {
      const k = b.longestIndexAt(units, i, n);
      if (k >= 0) foundB.push(makeB(i, b.literals[k]!, k));
    }
  }
  return [foundA, foundB];
}

const pairTables = new WeakMap<LiteralTrie, WeakMap<LiteralTrie, Uint8Array>>();

/** Code unit → 1 where a literal of `a` starts with it, | 2 where one of `b` does; made once per pair. */
function pairTable(a: LiteralTrie, b: LiteralTrie): Uint8Array {
  let byB = pairTables.get(a);
  if (!byB) pairTables.set(a, (byB = new WeakMap()));
  let table = byB.get(b);
  if (!table) {
    table = new Uint8Array(65536);
    for (const c of a.firsts) table[c]! |= 1;
    for (const c of b.firsts) table[c]! |= 2;
    byB.set(b, table);
  }
  return table;
}
