/** The built command, spawned as a user runs it, for the CLI batteries (cli*.test.ts). */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from './scratch.js';

export const root = new URL('../..', import.meta.url).pathname;
export const bin = join(root, 'bin/extract.js');
export const fixture = (n: string) => join(root, 'fixtures', n);

export function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The command with its standard output redirected to `file` (extract … > file), as a shell does it. */
export function runToFile(args: string[], file: string) {
  const fd = openSync(file, 'w');
  try {
    const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', stdio: ['pipe', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    return { code: r.status, err: r.stderr, bytes: readFileSync(file) };
  } finally {
    closeSync(fd);
  }
}

/** A scratch folder for a battery, with `texts`: a folder of the four text fixtures (fixtures/ holds documents too). */
export function cliScratch(name: string): { dir: string; texts: string } {
  if (!existsSync(join(root, 'dist/bundle/cli.js'))) spawnSync('npm', ['run', 'build'], { cwd: root });
  const dir = scratchDir(name);
  const texts = join(dir, 'texts');
  mkdirSync(texts);
  for (const f of readdirSync(join(root, 'fixtures')).filter((n) => n.endsWith('.txt'))) copyFileSync(fixture(f), join(texts, f));
  return { dir, texts };
}
