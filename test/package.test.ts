/**
 * What a user installs: a LICENSE, both bin names, an entry that import and
 * require() both reach on Node 20, and no source maps pointing at sources
 * that do not ship.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/cli.js';
import { scratchDir } from './helpers/scratch.js';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Every file under a folder, recursively. */
const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

describe('the package', () => {
  it('ships a LICENSE that names its licence', () => {
    expect(pkg.files).toContain('LICENSE');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(new RegExp(`^${pkg.license} License`));
  });
  it('answers to extract and to fpextract, a name Debian does not use (its extract is libextractor)', () => {
    expect(pkg.bin).toEqual({ extract: 'bin/extract.js', fpextract: 'bin/extract.js' });
  });
  it('is reached by require() as well as by import', () => {
    const code = "const { extract } = require(process.argv[1]); console.log(extract('全县全年出生1520人').indicators[0].value)";
    const r = spawnSync(process.execPath, ['-e', code, root], { encoding: 'utf8' });
    expect(r.stderr.replace(/.*ExperimentalWarning.*\n|.*--trace-warnings.*\n/g, '')).toBe('');
    expect(r.stdout.trim()).toBe('1520');
  });
  it('starts a run of one report without Node\'s crypto or its worker threads, which only some runs need', () => {
    // The command line as bin/extract.js runs it, then the modules the run loaded, by name.
    const code = `const { main } = await import(process.argv[1]);
      await main([process.argv[2], '--json', '--quiet', '--out', process.argv[3]]);
      console.log(JSON.stringify(process.moduleLoadList));`;
    const out = join(scratchDir('startup'), 'out.json');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code, join(root, 'dist/bundle/cli.js'), join(root, 'fixtures/annual-summary.txt'), out], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const loaded = JSON.parse(r.stdout) as string[];
    expect(loaded).toContain('NativeModule fs'); // the list is what it should be
    expect(loaded).not.toContain('NativeModule crypto');
    expect(loaded).not.toContain('NativeModule worker_threads');
    expect(JSON.parse(readFileSync(out, 'utf8')).indicators.length).toBeGreaterThan(0);
  });
  it('ships no source maps, as it ships no sources', () => {
    expect(pkg.files).not.toContain('src');
    expect(walk(join(root, 'dist')).filter((f) => f.endsWith('.map'))).toEqual([]);
  });
  it('packs what the files list names: LICENSE, dist, bin, patterns, and neither tests nor fixtures', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
    const paths = (packed.files as { path: string }[]).map((f) => f.path);
    for (const p of ['LICENSE', 'README.md', 'package.json', 'bin/extract.js', 'dist/index.js', 'dist/cli.js', 'dist/bundle/cli.js', 'dist/bundle/worker.js', 'dist/rules/validated.json', 'patterns/indicators.json']) expect(paths).toContain(p);
    expect(paths.filter((p) => /^(src|test|fixtures)\//.test(p) || p.endsWith('.map'))).toEqual([]);
    expect(existsSync(join(root, 'LICENSE'))).toBe(true);
  }, 30_000);
});
