/**
 * Which files to read: files as given, folders searched recursively for
 * reports (text, web pages, Word, WPS and PDF documents), "-" for standard input. Sorted by path
 * so that outputs come in a stable order.
 */
import { opendirSync, realpathSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

// Not workbooks (.xls, .xlsx): a folder's appendix tables are counted as skipped, not failed;
// named on the command line, one fails with its reason (not read yet).
export const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm', '.doc', '.docx', '.wps', '.pdf']);

/** A file to read; `size` in bytes where known; `missing` says why it cannot be read. */
export type Input = { path: string; size?: number; missing?: string };

/**
 * The files of a run, by index: each one's path, its size where known, and why it
 * cannot be read where that is known before it is opened (InputList keeps a
 * folder's files compactly; an array of paths serves too). What the pool and the
 * reader ahead of it (batch/pool.ts, read-ahead.ts) read.
 */
export type Sources = { readonly length: number; path(i: number): string; size(i: number): number | undefined; missing?(i: number): string | undefined };

/**
 * The inputs of a run, in order, kept small: a folder's files as the folder (one
 * string for all of them), the names joined a thousand to a string, the folders
 * and sizes in typed arrays. A batch of a hundred thousand files held 220 bytes a
 * file in lists of objects, which the heap then doubled; a string and an array
 * slot per name, 60; here about 25, so that memory does not grow with the number
 * of files.
 */
export class InputList {
  private readonly dirs: string[] = [];
  private readonly dirIndex = new Map<string, number>();
  private count = 0;
  /** Per input: its folder in `dirs`, or −1 when its name is its whole path. */
  private folder = new Int32Array(64);
  /** Per input: its size in bytes, or −1 when unknown. */
  private sizes = new Float64Array(64);
  /** Names NAMES_PER_CHUNK to a string; `ends` says where each ends in its chunk. The last chunk is still an array. */
  private readonly chunks: string[] = [];
  private open: string[] = [];
  private ends = new Int32Array(64);
  private readonly reasons = new Map<number, string>();

  get length(): number {
    return this.count;
  }
  /** A path as given (a file on the command line, "-", a folder that failed). */
  push(path: string, size?: number, missing?: string): void {
    this.add(-1, path, size, missing);
  }
  /** A file found in `dir`. */
  pushIn(dir: string, name: string, size?: number, missing?: string): void {
    let k = this.dirIndex.get(dir);
    if (k === undefined) {
      k = this.dirs.push(dir) - 1;
      this.dirIndex.set(dir, k);
    }
    this.add(k, name, size, missing);
  }
  private add(folder: number, name: string, size: number | undefined, missing: string | undefined): void {
    const i = this.count++;
    if (missing !== undefined) this.reasons.set(i, missing);
    if (i === this.folder.length) {
      this.folder = grown(this.folder);
      this.sizes = grown(this.sizes);
      this.ends = grown(this.ends);
    }
    this.folder[i] = folder;
    this.sizes[i] = size ?? -1;
    this.ends[i] = this.nameStart(i) + name.length;
    this.open.push(name);
    if (this.open.length === NAMES_PER_CHUNK) {
      this.chunks.push(this.open.join(''));
      this.open = [];
    }
  }
  private name(i: number): string {
    const c = Math.floor(i / NAMES_PER_CHUNK);
    if (c === this.chunks.length) return this.open[i % NAMES_PER_CHUNK]!;
    return this.chunks[c]!.slice(this.nameStart(i), this.ends[i]!);
  }
  /** Where name `i` starts in its chunk: where the one before it ends, unless it opens the chunk. */
  private nameStart(i: number): number {
    return i % NAMES_PER_CHUNK ? this.ends[i - 1]! : 0;
  }
  path(i: number): string {
    const f = this.folder[i]!;
    return f < 0 ? this.name(i) : join(this.dirs[f]!, this.name(i));
  }
  size(i: number): number | undefined {
    const s = this.sizes[i]!;
    return s < 0 ? undefined : s;
  }
  /** Why input `i` cannot be read, when the walk already knows. */
  missing(i: number): string | undefined {
    return this.reasons.size ? this.reasons.get(i) : undefined;
  }
  /** The inputs as objects (tests, and callers that want them so). */
  toArray(): Input[] {
    const out: Input[] = [];
    for (let i = 0; i < this.length; i++) {
      const input: Input = { path: this.path(i) };
      const size = this.size(i);
      if (size !== undefined) input.size = size;
      const missing = this.missing(i);
      if (missing !== undefined) input.missing = missing;
      out.push(input);
    }
    return out;
  }
  /** The inputs reordered: `order` lists the old indices in their new order. Folders stay shared. */
  reordered(order: number[]): InputList {
    const out = new InputList();
    out.dirs.push(...this.dirs);
    for (const [dir, k] of this.dirIndex) out.dirIndex.set(dir, k);
    for (const i of order) out.add(this.folder[i]!, this.name(i), this.size(i), this.missing(i));
    return out;
  }
}

const NAMES_PER_CHUNK = 1024;

/** A typed array twice as long, with the same contents. */
function grown<T extends Int32Array | Float64Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/**
 * `skipped`, when given, counts the files of the folders that are not reports by
 * their names, by extension (".xls", or "" for none), so that the run can say so.
 */
export function collectInputs(args: string[], skipped?: Map<string, number>): Input[] {
  return collectInputList(args, skipped).toArray();
}

/** The inputs of `args` in path order, standard input ("-") first, as a compact list. */
export function collectInputList(args: string[], skipped?: Map<string, number>): InputList {
  const out = new InputList();
  const seen = new Set<string>(); // folders walked, by real path
  for (const arg of args) {
    if (arg === '-') {
      out.push('-');
      continue;
    }
    let st;
    try {
      st = statSync(arg);
    } catch (e) {
      out.push(arg, undefined, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String((e as Error).message));
      continue;
    }
    if (!st.isDirectory() && !st.isFile()) {
      // A FIFO, device or socket named on the command line would block the run: standard input is "-".
      out.push(arg, undefined, `not a regular file (${st.isFIFO() ? 'a FIFO' : st.isSocket() ? 'a socket' : 'a device'}): name "-" to read standard input`);
      continue;
    }
    if (st.isDirectory()) {
      if (!walk(arg, seen, out, skipped)) out.push(arg, undefined, `no reports (${[...REPORT_EXTENSIONS].join(', ')}) in this folder`);
    } else out.push(arg, st.size);
  }
  // A folder's walk gives its files in path order already: with one argument, nothing to sort.
  // Otherwise standard input first, then by path, arguments given twice kept in their order.
  if (args.length < 2) return out;
  const paths = Array.from({ length: out.length }, (_, i) => out.path(i));
  const order = paths.map((_, i) => i).sort((a, b) => {
    const x = paths[a]!;
    const y = paths[b]!;
    return x === '-' ? (y === '-' ? 0 : -1) : y === '-' ? 1 : x < y ? -1 : x > y ? 1 : 0;
  });
  return out.reordered(order);
}

const isReport = (name: string) => REPORT_EXTENSIONS.has(extname(name).toLowerCase()) && !name.endsWith('.gold.json');

/**
 * A folder's entries as the walk keeps them, in path order: each by its sort key alone,
 * a folder as its name and "/" (as its files' paths sort; no file name holds a "/"), a
 * file as its name. Only a link carries more, what it names and, for a file, its size.
 * One string a file, not an object: after a walk of 117 093 files the process held
 * 99 MB with an object each (and what the collector had copied of them), 76 MB so.
 */
type Entries = { keys: string[]; links: Map<string, { kind: 'file' | 'broken'; size?: number }> };

/** The entries of `dir` in path order; what is neither file, folder nor link to one (a FIFO, a socket) is left out. */
function entriesOf(dir: string): Entries {
  const keys: string[] = [];
  const links: Entries['links'] = new Map();
  // Entry by entry, not readdirSync's array: a folder of a hundred thousand files
  // held that many directory entries at once (30 MB), where one at a time holds none.
  const d = opendirSync(dir);
  try {
    for (let e = d.readSync(); e; e = d.readSync()) {
      let kind: 'folder' | 'file' | 'broken' | 'other' = kindOf(e);
      if (e.isSymbolicLink()) {
        try {
          const st = statSync(join(dir, e.name));
          kind = kindOf(st);
          // A link to a folder is told by its key, as a folder is.
          if (kind === 'file') links.set(e.name, { kind, size: st.size });
        } catch {
          kind = 'broken';
          links.set(e.name, { kind });
        }
      }
      if (kind !== 'other') keys.push(kind === 'folder' ? `${e.name}/` : e.name);
    }
  } finally {
    d.closeSync();
  }
  // The default order is by UTF-16 code units, as the paths of the files compare.
  keys.sort();
  return { keys, links };
}
const kindOf = (d: { isDirectory(): boolean; isFile(): boolean }): 'folder' | 'file' | 'other' => (d.isDirectory() ? 'folder' : d.isFile() ? 'file' : 'other');

/**
 * Adds the reports under `root` to `out` in path order, and says whether it found any.
 * Symbolic links are followed (a folder of links to an archive is common); each
 * folder is walked once, by its real path, so a folder linked twice or a link back
 * up the tree is not read again: the first reached in path order stands for it.
 * Depth first, a folder's entries in path order (a folder as its name and "/", as
 * its files' paths sort), so the files come out sorted without a sort of them all.
 */
function walk(root: string, seen: Set<string>, out: InputList, skipped?: Map<string, number>): boolean {
  const before = out.length;
  // The folders open on the way down, each with its entries and how far they are read:
  // an explicit stack, as a tree may be deeper than the call stack.
  const stack: { dir: string; entries: Entries; at: number }[] = [];
  const open = (dir: string) => {
    let entries: Entries;
    try {
      const real = realpathSync(dir);
      if (seen.has(real)) return;
      seen.add(real);
      entries = entriesOf(dir);
    } catch (e) {
      // A folder that cannot be read is one input that failed, named with its reason; the walk goes on.
      out.push(dir, undefined, `cannot read this folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      return;
    }
    stack.push({ dir, entries, at: 0 });
  };
  open(root);
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const { keys, links } = top.entries;
    if (top.at >= keys.length) {
      stack.pop();
      continue;
    }
    const key = keys[top.at++]!;
    if (key.endsWith('/')) {
      open(join(top.dir, key.slice(0, -1)));
      continue;
    }
    const name = key;
    const link = links.size ? links.get(name) : undefined;
    if (link?.kind === 'broken') {
      // A link to a report that is not there is named, not passed over in silence.
      if (isReport(name)) out.pushIn(top.dir, name, undefined, 'a link to nothing');
    } else if (isReport(name) && !isOurTemporary(name)) {
      let size = link?.size;
      let missing: string | undefined;
      try {
        size ??= statSync(join(top.dir, name)).size;
      } catch (e) {
        missing = String((e as NodeJS.ErrnoException).code ?? (e as Error).message);
      }
      out.pushIn(top.dir, name, size, missing);
    } else if (skipped && !isOurTemporary(name)) {
      const ext = extname(name).toLowerCase();
      skipped.set(ext, (skipped.get(ext) ?? 0) + 1);
    }
  }
  return out.length > before;
}

/** The temporary file of an output being written (output/sink.ts): never a report. */
export function isOurTemporary(name: string): boolean {
  return /^\..+\.\d+\.\d+\.tmp$/.test(name);
}

export function isHtml(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ext === '.html' || ext === '.htm';
}
