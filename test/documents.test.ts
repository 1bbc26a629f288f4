/**
 * Word and PDF documents, as local governments publish reports. Each fixture
 * in fixtures/documents/ is report.txt made into a document (fixtures/
 * documents/README.md says how): each must give the same figures as the text,
 * say what it was read from, and quote spans of the text extracted from it.
 * A document that gives no text fails with a reason a person can act on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBytes, type Processed } from '../src/batch/process.js';
import { convert } from '../src/input/documents.js';
import { sniff } from '../src/input/format.js';
import { linesOf, pageText, type Item } from '../src/input/pdf-lines.js';
import { scratchDir } from './helpers/scratch.js';

const dir = new URL('../fixtures/documents/', import.meta.url).pathname;
const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const read = async (name: string, data = bytes(name)): Promise<Processed> => readBytes(name, data);
const figures = (p: Processed) => p.report.indicators.map((i) => [i.id, i.value]);

describe('documents give the figures of the same report as text', async () => {
  const text = await read('report.txt');

  it('the text itself has its figures (a table among them)', () => {
    expect(figures(text)).toContainEqual(['births.total', 2846]);
    expect(figures(text)).toContainEqual(['subsidy.specialAssistance.amount', 6835800]);
    expect(text.report.format).toBeUndefined();
  });

  it.each([
    ['report.docx', 'docx', 'Word 2007+, with a table'],
    ['report.doc', 'doc', 'Word 97–2003, with a table'],
    ['embedded-font.pdf', 'pdf', 'PDF from an office suite, its CJK font embedded'],
    ['cid-font.pdf', 'pdf', 'PDF in a CJK font that is not embedded (needs the CMaps); lines break inside 避孕节育手术 and inside 2846'],
  ])('%s (%s: %s)', async (name, format, _what) => {
    const doc = await read(name);
    expect(doc.report.error).toBeUndefined();
    expect(doc.report.format).toBe(format);
    expect(figures(doc)).toEqual(figures(text));
    // Spans quote the text extracted from the document.
    const { text: extracted } = await convert(bytes(name), sniff(bytes(name)) as 'pdf' | 'docx' | 'doc');
    for (const i of doc.report.indicators) expect(extracted.slice(i.start, i.end)).toBe(i.text);
  });

  it('a PDF names the page of each figure', async () => {
    const doc = await read('cid-font.pdf');
    const pages = doc.report.indicators.map((i) => [i.id, i.page]);
    expect(pages[0]).toEqual(['population.total', 1]);
    expect(pages.at(-1)).toEqual(['births.thirdPlus', 2]);
  });
});

describe('documents that give no text fail with their reason', () => {
  it.each([
    ['scanned.pdf', bytes('scanned.pdf'), 'has no text layer: a scanned PDF needs OCR first'],
    ['encrypted.pdf', bytes('encrypted.pdf'), 'is an encrypted PDF: it needs a password to open'],
    ['cut.pdf', bytes('embedded-font.pdf').slice(0, 600), /is a damaged PDF/],
    ['sheet.xlsx', bytes('sheet.xlsx'), /Excel workbook \(\.xlsx\).*save its sheets as CSV or text/],
    ['sheet.xls', bytes('sheet.xls'), /Excel workbook \(\.xls\).*save its sheets as CSV or text/],
    ['archive.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('....reports/a.txt....')]), /ZIP archive.*unpack it/],
    ['broken.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)]), /is a damaged Word or WPS document/],
  ])('%s', async (name, data, reason) => {
    const p = await read(name, data);
    expect(p.report.indicators).toEqual([]);
    expect(p.report.error).toMatch(reason);
  });
});

describe('a file is what its bytes say, not its name', () => {
  it.each([
    ['a PDF saved as .txt', 'embedded-font.pdf', 'x.txt', 'pdf'],
    ['a Word file saved as .txt', 'report.doc', 'x.txt', 'doc'],
    ['a .docx saved as .doc', 'report.docx', 'x.doc', 'docx'],
  ])('%s', async (_what, fixture, name, format) => {
    const p = await read(name, bytes(fixture));
    expect(p.report.format).toBe(format);
    expect(figures(p)).toContainEqual(['births.total', 2846]);
  });

  it('a web page saved as .doc (Word\'s "save as web page") is read as HTML', async () => {
    const page = new TextEncoder().encode('<html><head><title>x</title></head><body><p>全县共出生1083人。</p></body></html>');
    const p = await read('page.doc', page);
    expect(figures(p)).toEqual([['births.total', 1083]]);
    expect(p.report.indicators[0]!.text).toBe('出生1083人');
    // Its title is page furniture, not a section's heading read as text.
    expect(p.report.sections?.[0]?.title).not.toContain('<title>');
  });

  it.each([
    ['<!DOCTYPE html><html><body>', true],
    ['  \n<html lang="zh">', true],
    ['<?xml version="1.0"?>\n<!-- saved -->\n<html>', true],
    ['全县共出生1083人。<html>', false],
    ['<htmlx>', false],
  ])('%j is a web page: %s', async (start, yes) => {
    const { looksLikeHtml } = await import('../src/input/format.js');
    expect(looksLikeHtml(start)).toBe(yes);
  });
});

describe('PDF lines', () => {
  // Items as PDF.js gives them: x in transform[4], 10-point characters 10 wide.
  const item = (str: string, x: number, eol = true): Item => ({ str, transform: [10, 0, 0, 10, x, 0], width: 10 * [...str].length, height: 10, hasEOL: eol });
  const text = (items: Item[]) => pageText(linesOf(items)).text;

  it.each([
    ['a line that reaches the margin joins the next (inside a word)', [item('全年落实各类避孕节', 0), item('育手术1865例。', 0)], '全年落实各类避孕节育手术1865例。'],
    ['inside a number', [item('其中一孩1302人,全年共出生28', 0), item('46人。', 0)], '其中一孩1302人,全年共出生2846人。'],
    ['a short line (a heading) keeps its break', [item('一、基本情况', 0), item('全年共出生2846人,其中一', 0), item('孩1302人。', 0)], '一、基本情况\n全年共出生2846人,其中一孩1302人。'],
    ['a line ending a sentence keeps its break, at the margin or not', [item('全年共出生2846人。', 0), item('死亡1234人,其中男6', 0), item('00人。', 0)], '全年共出生2846人。\n死亡1234人,其中男600人。'],
    ['cells apart on a line are a table row: tab between, never joined', [item('出生人数(人)', 0, false), item('2846', 200), item('一孩(人)', 0, false), item('1302', 200)], '出生人数(人)\t2846\n一孩(人)\t1302'],
  ])('%s', (_what, items, expected) => {
    expect(text(items)).toBe(expected);
  });
});

describe('folders of documents', () => {
  it('a folder scan reads .doc, .docx, .wps and .pdf', async () => {
    const { collectInputs } = await import('../src/input/inputs.js');
    const d = scratchDir('documents');
    for (const name of ['a.doc', 'b.docx', 'c.wps', 'd.pdf', 'e.txt']) writeFileSync(join(d, name), 'x');
    expect(collectInputs([d]).map((f) => f.path.slice(d.length + 1))).toEqual(['a.doc', 'b.docx', 'c.wps', 'd.pdf', 'e.txt']);
  });
});
