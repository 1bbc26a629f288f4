/**
 * What a file is, from its first bytes and not its name: reports are saved
 * as .txt that are PDF, or .doc that are web pages. PDF starts with %PDF;
 * Word 97–2003 (.doc), Kingsoft WPS (.wps) and Excel (.xls) are OLE compound
 * files; .docx and .xlsx are ZIP containers, told apart by the part names
 * their central directory lists.
 */
export type Kind = 'text' | 'pdf' | 'doc' | 'xls' | 'ppt' | 'ole' | 'docx' | 'xlsx' | 'zip';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

/** Whether `name` occurs in the bytes: a ZIP lists every part's name (ASCII), an OLE file every stream's (UTF-16). */
function holds(bytes: Uint8Array, name: string, encoding: 'latin1' | 'utf16le' = 'latin1'): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name, 0, encoding);
}

/** An OLE file by the streams it names: Word (and WPS, which writes Word's format) has WordDocument. */
function oleKind(bytes: Uint8Array): Kind {
  if (holds(bytes, 'WordDocument', 'utf16le')) return 'doc';
  if (holds(bytes, 'Workbook', 'utf16le') || holds(bytes, 'Book', 'utf16le')) return 'xls';
  if (holds(bytes, 'PowerPoint Document', 'utf16le')) return 'ppt';
  return 'ole';
}

export function sniff(bytes: Uint8Array): Kind {
  // A PDF's header may follow a little junk (a byte-order mark, a mail header): the format allows 1024 bytes.
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, OLE)) return oleKind(bytes);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (holds(bytes, 'word/document.xml')) return 'docx';
    if (holds(bytes, 'xl/workbook.xml')) return 'xlsx';
    return 'zip';
  }
  // Most files are text with no % in their first kilobyte: one byte search settles them.
  const head = bytes.subarray(0, 1024);
  const percent = head.indexOf(0x25);
  if (percent >= 0 && Buffer.from(head.buffer, head.byteOffset + percent, head.byteLength - percent).includes('%PDF-', 0, 'latin1')) return 'pdf';
  return 'text';
}

/** A web page, whatever its name: Word's "save as web page" keeps the .doc name, and scraped pages are saved as .txt. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(text.slice(0, 2048));
}
