/**
 * A PDF page's text items to text. A PDF has no paragraphs, only lines placed
 * on a page, and its line breaks fall wherever the margin does: inside a word
 * (避孕节 | 育手术) or a number (28 | 46人). A line that reaches the right edge
 * of the page's text is wrapped and joins the next with no break; a shorter
 * one (a heading, a paragraph's last line) ends with a line break. Items of
 * one line that stand apart by more than a character's width are table cells,
 * kept apart by a tab, and such a row is never joined to the next.
 */

/** What this needs of PDF.js's TextItem. */
export type Item = { str: string; transform: number[]; width: number; height: number; hasEOL: boolean };

export type Line = { text: string; right: number; size: number; cells: boolean };

export function linesOf(items: Item[]): Line[] {
  const lines: Line[] = [];
  let text = '';
  let right = -Infinity;
  let size = 0;
  let cells = false;
  let end: number | undefined; // where the last item ended, on this line
  const close = () => {
    if (text.trim()) lines.push({ text, right, size, cells });
    text = '';
    right = -Infinity;
    size = 0;
    cells = false;
    end = undefined;
  };
  for (const item of items) {
    const x = item.transform[4]!;
    const fontSize = Math.abs(item.transform[0]!) || item.height || 10;
    if (item.str) {
      if (end !== undefined && x - end > fontSize && !/\s$/.test(text)) {
        text += '\t';
        cells = true;
      }
      text += item.str;
      if (item.str.trim()) right = Math.max(right, x + item.width);
      size = Math.max(size, fontSize);
      end = x + item.width;
    }
    if (item.hasEOL) close();
  }
  close();
  return lines;
}

/** The lines of a page as text: wrapped lines joined. `wrappedAtEnd`: the page's last line is wrapped too, and goes on on the next page. */
export function pageText(lines: Line[]): { text: string; wrappedAtEnd: boolean } {
  const edge = Math.max(...lines.map((l) => l.right));
  // A line that ends a sentence ends its paragraph too, even when it reaches the margin.
  const wrapped = (l: Line) => !l.cells && l.right >= edge - 1.5 * l.size && !/[。!?;:!?;:]\s*$/.test(l.text);
  let text = '';
  lines.forEach((l, k) => {
    text += l.text.replace(/\s+$/, '');
    if (k < lines.length - 1 && !wrapped(l)) text += '\n';
  });
  const last = lines.at(-1);
  return { text, wrappedAtEnd: last !== undefined && lines.length > 1 && wrapped(last) };
}
