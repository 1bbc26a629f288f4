/**
 * HTML pages reduced to their text with a real parser (htmlparser2): script
 * and style dropped, block elements and <br> as line breaks, table cells
 * separated by tabs, entities decoded.
 * Offsets in a report from an HTML file point into this text.
 */
import { Tokenizer } from 'htmlparser2';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head']);
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'table', 'ul', 'ol',
  'blockquote', 'pre', 'header', 'footer', 'title', 'dd', 'dt',
]);

const CELL = new Set(['td', 'th']);

/**
 * htmlparser2's tokenizer, not its Parser: the text needs only tags, text and
 * entities, and the Parser keeps its open elements in an array it unshifts,
 * quadratic in the depth of unclosed tags (half a minute for a page of 100 000
 * unclosed <div>s, common in pages saved from government sites).
 */
export function htmlToText(html: string): string {
  // The text is built in parts and joined once: appending to one string and asking it
  // endsWith('\n') before each block flattened the whole string every time.
  const parts: string[] = [];
  let atLineStart = true;
  let skipping = 0;
  // An unclosed <head> ends where the body starts.
  let inHead = false;
  let openTag = '';
  const push = (s: string) => {
    if (!s || skipping || inHead) return;
    parts.push(s);
    atLineStart = s.endsWith('\n');
  };
  const lineBreak = () => {
    if (!atLineStart) push('\n');
  };
  const name = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const none = () => {};
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        openTag = name(start, end);
        if (openTag === 'head') inHead = true;
        else if (openTag === 'body') inHead = false;
        else if (SKIP.has(openTag)) skipping++;
        else if (BLOCK.has(openTag)) lineBreak();
      },
      onselfclosingtag() {
        // <script/> opens nothing.
        if (openTag !== 'head' && SKIP.has(openTag)) skipping = Math.max(0, skipping - 1);
        if (openTag === 'head') inHead = false;
      },
      onclosetag(start, end) {
        const tag = name(start, end);
        if (tag === 'head') inHead = false;
        else if (SKIP.has(tag)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK.has(tag)) lineBreak();
        // Table cells stay apart: 出生人数 | 1083 is not 出生人数1083.
        else if (CELL.has(tag)) push('\t');
      },
      ontext(start, end) {
        // Scripts and styles are most of many pages' text: dropped before they are copied.
        if (skipping || inHead) return;
        push(html.slice(start, end).replace(/[ \t\r\n]+/g, (ws) => (ws.includes('\n') ? '\n' : ' ')));
      },
      ontextentity(codepoint) {
        push(String.fromCodePoint(codepoint));
      },
      onattribdata: none,
      onattribentity: none,
      onattribend: none,
      onattribname: none,
      oncdata: none,
      oncomment: none,
      ondeclaration: none,
      onend: none,
      onopentagend: none,
      onprocessinginstruction: none,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return parts.join('').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
