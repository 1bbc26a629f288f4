/**
 * Label syntax: literal characters, groups `(?:a|b)` / `(a|b)`, character
 * classes `[ab]`, `?` after a character or group, and `{PIECE}` references to
 * named pieces. A label expands to the finite set of literal strings it
 * denotes, so that all labels of all rules can be found in one pass over the
 * text and every match maps back to its rules without numbered groups.
 */

export class LabelSyntaxError extends Error {}

const MAX_EXPANSIONS = 2000;
/** A label with its pieces in place: far above any real one, far below what would exhaust memory. */
const MAX_SUBSTITUTED = 20_000;

export function substitutePieces(pattern: string, pieces: Record<string, string>, seen: string[] = []): string {
  let length = pattern.length;
  return pattern.replace(/\{([A-Z][A-Z0-9_]*)\}/g, (_, name: string) => {
    const piece = pieces[name];
    if (piece === undefined) throw new LabelSyntaxError(`unknown piece {${name}}`);
    if (seen.includes(name)) throw new LabelSyntaxError(`piece {${name}} refers to itself`);
    const inner = substitutePieces(piece, pieces, [...seen, name]);
    // Checked as the text grows: pieces that each use the one before twice double it at every level.
    length += inner.length;
    if (length > MAX_SUBSTITUTED) throw new LabelSyntaxError(`more than ${MAX_SUBSTITUTED} characters once its pieces are put in`);
    return `(?:${inner})`;
  });
}

export function expandLabel(pattern: string): string[] {
  let i = 0;
  const fail = (why: string): never => {
    throw new LabelSyntaxError(`${why} at position ${i} in "${pattern}"`);
  };
  const product = (a: string[], b: string[]): string[] => {
    // Checked before the product is built: two groups of 2000 would make four million strings.
    if (a.length * b.length > MAX_EXPANSIONS) fail(`more than ${MAX_EXPANSIONS} expansions`);
    const out: string[] = [];
    for (const x of a) for (const y of b) out.push(x + y);
    return out;
  };
  function alternation(): string[] {
    const alts: string[] = [...sequence()];
    while (pattern[i] === '|') {
      i++;
      for (const s of sequence()) alts.push(s);
      if (alts.length > MAX_EXPANSIONS) fail(`more than ${MAX_EXPANSIONS} expansions`);
    }
    return alts;
  }
  function sequence(): string[] {
    let acc = [''];
    while (i < pattern.length && pattern[i] !== '|' && pattern[i] !== ')') {
      let atom = item();
      if (pattern[i] === '?') {
        i++;
        atom = ['', ...atom];
      }
      acc = product(acc, atom);
    }
    return acc;
  }
  function item(): string[] {
    const c = pattern[i]!;
    if (c === '(') {
      i++;
      if (pattern.startsWith('?:', i)) i += 2;
      const inner = alternation();
      if (pattern[i] !== ')') fail('unclosed group');
      i++;
      return inner;
    }
    if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) fail('unclosed class');
      const chars = [...pattern.slice(i + 1, close)];
      if (!chars.length) fail('empty class');
      i = close + 1;
      return chars;
    }
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) fail('dangling escape');
      i += 2;
      return [next!];
    }
    if ('?*+{}.^$]'.includes(c)) fail(`unsupported "${c}"`);
    i++;
    return [c];
  }
  const out = alternation();
  if (i !== pattern.length) fail('unbalanced ")"');
  const unique = [...new Set(out)];
  if (unique.includes('')) fail('a label may not match the empty string');
  return unique;
}
