/**
 * HTML pages reduced to their text with a real parser (htmlparser2): script
 * and style dropped, block elements and <br> as line breaks, table cells
 * separated by tabs, entities decoded.
 * Offsets in a report from an HTML file point into this text.
 */
import { Parser } from 'htmlparser2';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head']);
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'table', 'ul', 'ol',
  'blockquote', 'pre', 'header', 'footer', 'title', 'dd', 'dt',
]);

const CELL = new Set(['td', 'th']);

export function htmlToText(html: string): string {
  let out = '';
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipping++;
        else if (BLOCK.has(name) && !out.endsWith('\n')) out += '\n';
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK.has(name) && !out.endsWith('\n')) out += '\n';
        // Table cells stay apart: 出生人数 | 1083 is not 出生人数1083.
        else if (CELL.has(name) && !skipping) out += '\t';
      },
      ontext(text) {
        if (!skipping) out += text.replace(/[ \t\r\n]+/g, (ws) => (ws.includes('\n') ? '\n' : ' '));
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out.replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
