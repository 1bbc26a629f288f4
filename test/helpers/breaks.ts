/**
 * The plain reading of where a sentence ends, for property tests: at ; 。 ! ?
 * or a line break, except a line break right after a comma (a wrapped line runs
 * on, see normalize/repair.ts) with more text on the next line.
 */
export function sentenceBreakAt(text: string, i: number): boolean {
  const c = text[i]!;
  if (';。!?'.includes(c)) return true;
  if (c !== '\n') return false;
  const wrapped = (text[i - 1] === ',' || text[i - 1] === '、') && i + 1 < text.length && text[i + 1] !== '\n';
  return !wrapped;
}

/** The text after the last sentence break. */
export function lastSentence(text: string): string {
  for (let i = text.length - 1; i >= 0; i--) if (sentenceBreakAt(text, i)) return text.slice(i + 1);
  return text;
}
