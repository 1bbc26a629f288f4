/**
 * Which files to read: files as given, folders searched recursively for
 * reports (.txt, .md, .html, .htm), "-" for standard input. Sorted by path
 * so that outputs come in a stable order.
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

export const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm']);

/** A file to read; `size` in bytes where known; `missing` says why it cannot be read. */
export type Input = { path: string; size?: number; missing?: string };

export function collectInputs(args: string[]): Input[] {
  const out: Input[] = [];
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
    if (st.isDirectory()) {
      const inside = walk(arg);
      if (!inside.length) out.push({ path: arg, missing: 'no reports (.txt, .md, .html, .htm) in this folder' });
      out.push(...inside);
    } else out.push({ path: arg, size: st.size });
  }
  // Folder contents are sorted; explicit files keep their given order after the sort key.
  return out.sort((a, b) => (a.path === '-' ? -1 : b.path === '-' ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function walk(dir: string): Input[] {
  const found: Input[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(p));
    else if (entry.isFile() && REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase()) && !entry.name.endsWith('.gold.json')) {
      found.push({ path: p, size: statSync(p).size });
    }
  }
  return found;
}

// Below this much input, one thread does as well as two or better: a second
// thread costs about a second and a half of CPU of its own here (loading, its
// own JIT warm-up, a second heap's collector). Measured on the benchmark's
// reports: --jobs 2 is slower at 16 MB, about even at 32 MB, faster at 50 MB.
const WORKERS_PAY_OFF_BYTES = 32e6;

/** Worker threads for a batch when --jobs is not given: the cores, for a batch big enough to repay them. */
export function defaultJobs(inputs: Input[], cores: number): number {
  const bytes = inputs.reduce((sum, i) => sum + (i.size ?? 0), 0);
  return bytes < WORKERS_PAY_OFF_BYTES ? 1 : cores;
}

export function isHtml(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ext === '.html' || ext === '.htm';
}
