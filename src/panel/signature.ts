/**
 * Near-duplicate reports by MinHash: the same report posted on several sites
 * (a different page header, whitespace, punctuation, traditional characters, a
 * spinner's synonyms: all undone by the normalised text) gives signatures that
 * agree in most places; a different report, in few. Signatures, not texts, are
 * kept, and candidates are found by banding (LSH), not by comparing every pair.
 */

/** Values per signature; with BANDS bands of ROWS rows, pairs above about 0.7 similarity share a band. */
export const SIGNATURE_SIZE = 64;
const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;
/** Characters per shingle. */
const SHINGLE = 5;
/** The share of agreeing values above which two sections are one report. */
export const DUPLICATE_SIMILARITY = 0.8;

// Fixed seeds: signatures must agree across runs and threads.
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The text a signature reads: letters, digits and Han characters only, so that layout and punctuation do not count. */
const content = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '');

/** The signature of a (normalised) text, as numbers; empty for a text too short to judge. */
export function signature(text: string): number[] {
  const t = content(text);
  if (t.length < SHINGLE * 4) return [];
  const mins = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= t.length; i++) {
    // FNV-1a over the shingle's code units.
    let h = 0x811c9dc5;
    for (let k = i; k < i + SHINGLE; k++) h = Math.imul(h ^ t.charCodeAt(k), 0x01000193);
    for (let s = 0; s < SIGNATURE_SIZE; s++) {
      const v = mix(h ^ SEEDS[s]!);
      if (v < mins[s]!) mins[s] = v;
    }
  }
  return Array.from(mins);
}

/** The estimated similarity of two texts: the share of their signatures' places that agree. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  if (!a.length || a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * Groups of near-duplicates among `signatures`, each as the indexes of its members in order, the
 * first the one kept; singletons are left out. Candidates share a band; each is confirmed by similarity.
 */
export function duplicateGroups(signatures: readonly (readonly number[])[]): number[][] {
  const parent = signatures.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const buckets = new Map<string, number>();
  signatures.forEach((sig, i) => {
    if (!sig.length) return;
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${sig.slice(b * ROWS, (b + 1) * ROWS).join(',')}`;
      const other = buckets.get(key);
      if (other === undefined) buckets.set(key, i);
      else if (find(other) !== find(i) && similarity(signatures[other]!, sig) >= DUPLICATE_SIMILARITY) {
        const [a, c] = [find(other), find(i)];
        parent[Math.max(a, c)] = Math.min(a, c);
      }
    }
  });
  const groups = new Map<number, number[]>();
  signatures.forEach((_, i) => {
    const r = find(i);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(i);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}
