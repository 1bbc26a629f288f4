/**
 * Label syntax: literal characters, groups `(?:a|b)` / `(a|b)`, character
 * classes `[ab]`, `?` after a character or group, and `{PIECE}` references to
 * named pieces. A label expands to the finite set of literal strings it
 * denotes, so that all labels of all rules can be found in one pass over the
 * text and every match maps back to its rules without numbered groups.
 */

export class LabelSyntaxError extends Error {}

const MAX_EXPANSIONS = 2000;

export function substitutePieces(pattern: string, pieces: Record<string, string>, seen: string[] = []): string {
  return pattern.replace(/\{([A-Z][A-Z0-9_]*)\}/g, (_, name: string) => {
    const piece = pieces[name];
    if (piece === undefined) throw new LabelSyntaxError(`unknown piece {${name}}`);
    if (seen.includes(name)) throw new LabelSyntaxError(`piece {${name}} refers to itself`);
    return `(?:${substitutePieces(piece, pieces, [...seen, name])})`;
  });
}

export function expandLabel(pattern: string): string[] {
  let i = 0;
  const fail = (why: string): never => {
    throw new LabelSyntaxError(`${why} at position ${i} in "${pattern}"`);
  };
  const product = (a: string[], b: string[]): string[] => {
    const out: string[] = [];
    for (const x of a) for (const y of b) out.push(x + y);
    if (out.length > MAX_EXPANSIONS) fail(`more than ${MAX_EXPANSIONS} expansions`);
    return out;
  };
  function alternation(): string[] {
    const alts: string[] = [...sequence()];
    while (pattern[i] === '|') {
      i++;
      alts.push(...sequence());
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
