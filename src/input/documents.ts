/**
 * Documents to text, with well-kept readers: mammoth for .docx (to HTML, so
 * that table rows stay rows through htmlToText), word-extractor for Word
 * 97–2003 and Kingsoft WPS (body, text boxes, footnotes), PDF.js for PDF
 * (with its CMaps, without which a Chinese PDF whose font is not embedded
 * gives no text). Offsets in a report from a document point into the text
 * made here; for a PDF, `pages` holds where each page starts in it.
 *
 * Every way a document can fail to give text is a DocumentError with a
 * reason a person can act on; none is "no figures found".
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Kind } from './format.js';
import { linesOf, pageText } from './pdf-lines.js';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

export class DocumentError extends Error {}

export type DocumentFormat = 'pdf' | 'docx' | 'doc';
export type Converted = { text: string; format: DocumentFormat; pages?: number[] };

export async function convert(bytes: Uint8Array, kind: Exclude<Kind, 'text'>): Promise<Converted> {
  switch (kind) {
    case 'pdf':
      return pdfToText(bytes);
    case 'docx':
      return { text: await docxToText(bytes), format: 'docx' };
    case 'doc':
    case 'ole':
      // An OLE file that names no stream we know is given to the Word reader, which says what it finds.
      return { text: await wordToText(bytes), format: 'doc' };
    case 'xls':
      throw new DocumentError('is an Excel workbook (.xls), which is not read yet: save its sheets as CSV or text');
    case 'ppt':
      throw new DocumentError('is a PowerPoint presentation, which is not read: save it as PDF or text');
    case 'xlsx':
      throw new DocumentError('is an Excel workbook (.xlsx), which is not read yet: save its sheets as CSV or text');
    case 'zip':
      throw new DocumentError('is a ZIP archive, not a document: unpack it and read the folder');
  }
}

async function docxToText(bytes: Uint8Array): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (e) {
    throw new DocumentError(`is a damaged Word document (.docx): ${(e as Error).message}`);
  }
  return (await import('./html.js')).htmlToText(html);
}

async function wordToText(bytes: Uint8Array): Promise<string> {
  const WordExtractor = (await import('word-extractor')).default;
  let doc;
  try {
    doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    throw new DocumentError(`is a damaged Word or WPS document (${(e as Error).message})`);
  }
  // Word ends a table cell with a tab and a row with a line break here; text boxes and notes follow the body.
  const parts = [doc.getBody(), doc.getTextboxes({ includeHeadersAndFooters: false }), doc.getFootnotes(), doc.getEndnotes()];
  return parts.filter((p) => p.trim()).join('\n');
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: { lib: PdfJs; root: string } | undefined;

/** PDF.js is an optional dependency (with its CMaps, 40 MB): a clear error when it was not installed. */
async function loadPdfJs(): Promise<{ lib: PdfJs; root: string }> {
  if (pdfjs) return pdfjs;
  let root: string;
  try {
    root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  } catch {
    throw new DocumentError('is a PDF, and reading PDF needs the optional package pdfjs-dist, which is not installed (npm install pdfjs-dist)');
  }
  const lib = (await import(pathToFileURL(join(root, 'legacy/build/pdf.mjs')).href)) as PdfJs;
  return (pdfjs = { lib, root });
}

async function pdfToText(bytes: Uint8Array): Promise<Converted> {
  const { lib, root } = await loadPdfJs();
  let doc;
  try {
    doc = await lib.getDocument({
      // PDF.js takes the buffer over: a copy, so the caller's stays whole.
      data: new Uint8Array(bytes),
      cMapUrl: join(root, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(root, 'standard_fonts') + '/',
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') throw new DocumentError('is an encrypted PDF: it needs a password to open');
    throw new DocumentError(`is a damaged PDF (${(e as Error).message})`);
  }
  try {
    const pages: number[] = [];
    let text = '';
    let goesOn = false;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const items = (await page.getTextContent()).items.filter((i): i is TextItem => 'str' in i);
      const lines = linesOf(items);
      page.cleanup();
      // A page's last line that reaches the margin goes on on the next page.
      if (text && !goesOn) text += '\n';
      pages.push(text.length);
      if (!lines.length) continue;
      const made = pageText(lines);
      text += made.text;
      goesOn = made.wrappedAtEnd;
    }
    if (!/[\p{L}\p{N}]/u.test(text)) throw new DocumentError('has no text layer: a scanned PDF needs OCR first');
    return { text: text + '\n', format: 'pdf', pages };
  } finally {
    await doc.destroy();
  }
}
