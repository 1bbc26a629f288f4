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
  /** The longest literal that starts at `at` and ends by `end`, if any, in a text given as its code units. */
  longestAt(units: Uint16Array, at: number, end?: number): string | undefined;
  /** For each position where a literal starts, the longest one, made by `make` (default: { start, literal }). */
  scan<T = { start: number; literal: string }>(units: Uint16Array, make?: (start: number, literal: string) => T): T[];
};

const startAndLiteral = (start: number, literal: string) => ({ start, literal });

export function literalTrie(literals: Iterable<string>): LiteralTrie {
  // Built with maps (node 0 is the root), then flattened.
  const children: Map<number, number>[] = [new Map()];
  const values: (string | undefined)[] = [undefined];
  for (const lit of literals) {
    if (!lit) continue;
    let node = 0;
    for (let i = 0; i < lit.length; i++) {
      const c = lit.charCodeAt(i);
      let child = children[node]!.get(c);
      if (child === undefined) {
        child = children.length;
        children.push(new Map());
        values.push(undefined);
        children[node]!.set(c, child);
      }
      node = child;
    }
    values[node] = lit;
  }
  const first = new Int32Array(65536); // code unit → node; 0: no wording starts with it
  for (const [c, child] of children[0]!) first[c] = child;
  // Node n's edges are edgeChar/edgeNode[edgeStart[n] .. edgeStart[n + 1]).
  const edgeStart = new Int32Array(children.length + 1);
  for (let n = 0; n < children.length; n++) edgeStart[n + 1] = edgeStart[n]! + (n ? children[n]!.size : 0);
  const edgeChar = new Uint16Array(edgeStart[children.length]!);
  const edgeNode = new Int32Array(edgeChar.length);
  for (let n = 1; n < children.length; n++) {
    let k = edgeStart[n]!;
    for (const [c, child] of children[n]!) {
      edgeChar[k] = c;
      edgeNode[k++] = child;
    }
  }

  const longestAt = (units: Uint16Array, at: number, end = units.length): string | undefined => {
    if (at >= end) return undefined;
    let node = first[units[at]!]!;
    let longest: string | undefined;
    for (let j = at + 1; node; j++) {
      const value = values[node];
      if (value !== undefined) longest = value;
      if (j >= end) break;
      const c = units[j]!;
      const stop = edgeStart[node + 1]!;
      let k = edgeStart[node]!;
      while (k < stop && edgeChar[k] !== c) k++;
      node = k < stop ? edgeNode[k]! : 0;
    }
    return longest;
  };
  return {
    longestAt,
    scan<T>(units: Uint16Array, make = startAndLiteral as unknown as (start: number, literal: string) => T): T[] {
      const found: T[] = [];
      for (let i = 0; i < units.length; i++) {
        if (!first[units[i]!]) continue;
        const literal = longestAt(units, i);
        if (literal !== undefined) found.push(make(i, literal));
      }
      return found;
    },
  };
}
