/**
 * The top-level list headings of a report body (一、基本情况 · 四、2020年工作打算).
 * Reports are organised under them, and some filters depend on which one a
 * figure sits under: figures under a plan heading are targets, not results.
 */
import { countAtOrBefore } from '../util/bisect.js';

// A short line that starts with a Chinese list number and 、, and reads as a title, not a sentence.
const HEADING = /^[ \t]*[一二三四五六七八九十]{1,3}、[^\n。;!?]{1,40}$/gm;

export type Headings = { starts: number[]; texts: string[] };

export function listHeadings(text: string): Headings {
  const starts: number[] = [];
  const texts: string[] = [];
  HEADING.lastIndex = 0;
  for (let m = HEADING.exec(text); m; m = HEADING.exec(text)) {
    starts.push(m.index);
    texts.push(m[0].trim());
  }
  return { starts, texts };
}

/**
 * The heading `offset` lies under, or '' before the first one. A heading before
 * `from` (the start of the report holding `offset`) belongs to another report.
 */
export function headingAt(h: Headings, offset: number, from = 0): string {
  const n = countAtOrBefore(h.starts.length, (i) => h.starts[i]!, offset);
  return n && h.starts[n - 1]! >= from ? h.texts[n - 1]! : '';
}
