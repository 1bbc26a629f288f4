// The benchmarks' corpora at the density of real reports: copies of the texts of
// ../shared/corpus (the project's development and training reports, never committed),
// figures varied so that no two files are alike. Shared by bench.mjs and instructions.mjs.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every number in `text` moved by `k`: the same wording with other figures. */
export const vary = (text, k) => text.replace(/\d+/g, (d) => String((Number(d) + k) % 100000));

/** The shared corpus's texts, dev then train, each in name order; none when it is not there. */
export function realTexts(root) {
  const shared = join(root, '..', 'shared', 'corpus');
  return ['dev', 'train']
    .map((d) => join(shared, d))
    .filter((d) => existsSync(d))
    .flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(d, f), 'utf8')));
}

/** A folder `real-<mb>MB` in `dir` of copies of `texts` up to `mb` megabytes (10^6 bytes). */
export function buildReal(dir, texts, mb) {
  const folder = join(dir, `real-${mb}MB`);
  mkdirSync(folder);
  let bytes = 0;
  let n = 0;
  while (bytes < mb * 1e6) {
    const text = vary(texts[n % texts.length], Math.floor(n / texts.length));
    writeFileSync(join(folder, `r${String(n).padStart(6, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
    n++;
  }
  return { name: `real ${mb} MB`, folder, files: n, mb: bytes / 1e6 };
}
