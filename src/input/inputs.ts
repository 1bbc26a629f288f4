/**
 * Which files to read: files as given, folders searched recursively for
 * reports (text, web pages, Word, WPS and PDF documents), "-" for standard input. Sorted by path
 * so that outputs come in a stable order.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

// Not workbooks (.xls, .xlsx): a folder's appendix tables are counted as skipped, not failed;
// named on the command line, one fails with its reason (not read yet).
export const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm', '.doc', '.docx', '.wps', '.pdf']);

/** A file to read; `size` in bytes where known; `missing` says why it cannot be read. */
export type Input = { path: string; size?: number; missing?: string };

/**
 * `skipped`, when given, counts the files of the folders that are not reports by
 * their names, by extension (".xls", or "" for none), so that the run can say so.
 */
export function collectInputs(args: string[], skipped?: Map<string, number>): Input[] {
  const out: Input[] = [];
  const seen = new Set<string>(); // folders walked, by real path
  for (const arg of args) {
    if (arg === '-') {
      out.push({ path: '-' });
      continue;
    }
    let st;
    try {
      st = statSync(arg);
    } catch (e) {
      out.push({ path: arg, missing: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String((e as Error).message) });
      continue;
    }
    if (!st.isDirectory() && !st.isFile()) {
      // A FIFO, device or socket named on the command line would block the run: standard input is "-".
      out.push({ path: arg, missing: `not a regular file (${st.isFIFO() ? 'a FIFO' : st.isSocket() ? 'a socket' : 'a device'}): name "-" to read standard input` });
      continue;
    }
    if (st.isDirectory()) {
      const inside = walk(arg, seen, skipped);
      if (!inside.length) out.push({ path: arg, missing: `no reports (${[...REPORT_EXTENSIONS].join(', ')}) in this folder` });
      // One at a time: a spread of a tree's hundred thousand files would overflow the stack.
      for (const f of inside) out.push(f);
    } else out.push({ path: arg, size: st.size });
  }
  // Folder contents are sorted; explicit files keep their given order after the sort key.
  return out.sort((a, b) => (a.path === '-' ? -1 : b.path === '-' ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const isReport = (name: string) => REPORT_EXTENSIONS.has(extname(name).toLowerCase()) && !name.endsWith('.gold.json');

/**
 * The reports under `dir`. Symbolic links are followed (a folder of links to an
 * archive is common); each folder is walked once, by its real path, so a folder
 * linked twice or a link back up the tree is not read again. Entries are read
 * in name order, so which path stands for a folder reached twice does not
 * depend on the file system's order.
 */
function walk(root: string, seen: Set<string>, skipped?: Map<string, number>): Input[] {
  const found: Input[] = [];
  // Folders still to read, the next one last: an explicit stack, as a tree may be deeper than the call stack.
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let real: string;
    let entries;
    try {
      real = realpathSync(dir);
      if (seen.has(real)) continue;
      seen.add(real);
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      // A folder that cannot be read is one input that failed, named with its reason; the walk goes on.
      found.push({ path: dir, missing: `cannot read this folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      continue;
    }
    const folders: string[] = [];
    for (const entry of entries) {
      const p = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      let size: number | undefined;
      if (entry.isSymbolicLink()) {
        let st;
        try {
          st = statSync(p);
        } catch {
          // A link to a report that is not there is named, not passed over in silence.
          if (isReport(entry.name)) found.push({ path: p, missing: 'a link to nothing' });
          continue;
        }
        isDirectory = st.isDirectory();
        isFile = st.isFile();
        size = st.size;
      }
      if (isDirectory) folders.push(p);
      else if (isFile && isReport(entry.name) && !isOurTemporary(entry.name)) {
        try {
          found.push({ path: p, size: size ?? statSync(p).size });
        } catch (e) {
          found.push({ path: p, missing: String((e as NodeJS.ErrnoException).code ?? (e as Error).message) });
        }
      } else if (isFile && skipped && !isOurTemporary(entry.name)) {
        const ext = extname(entry.name).toLowerCase();
        skipped.set(ext, (skipped.get(ext) ?? 0) + 1);
      }
    }
    // Pushed in reverse, so the first subfolder is read next.
    for (let i = folders.length - 1; i >= 0; i--) stack.push(folders[i]!);
  }
  return found;
}

/** The temporary file of an output being written (output/sink.ts): never a report. */
export function isOurTemporary(name: string): boolean {
  return /^\..+\.\d+\.\d+\.tmp$/.test(name);
}

export function isHtml(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ext === '.html' || ext === '.htm';
}
