/**
 * The folder walk never crashes a run: a folder it cannot read is one failed
 * input with its reason, and a tree of any size is walked without overflowing
 * the stack. The file system is simulated (a root user reads every folder, and a
 * real tree of 200 000 files would take minutes to make).
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Entry = { name: string; dir: boolean };
const tree = new Map<string, Entry[] | 'EACCES'>();

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const dirent = (e: Entry) => ({ name: e.name, isDirectory: () => e.dir, isFile: () => !e.dir, isSymbolicLink: () => false });
  const known = (p: string) => tree.has(p) || tree.has(p.slice(0, p.lastIndexOf('/')));
  return {
    ...fs,
    realpathSync: (p: string) => (tree.size && known(p) ? p : fs.realpathSync(p)),
    statSync: (p: string) => (tree.size && known(p) ? { isDirectory: () => tree.has(p), size: 10 } : fs.statSync(p)),
    // The walk reads a folder entry by entry.
    opendirSync: (p: string) => {
      const v = tree.get(p);
      if (v === 'EACCES') throw Object.assign(new Error(`EACCES: permission denied, opendir '${p}'`), { code: 'EACCES' });
      if (!v) return fs.opendirSync(p);
      let at = 0;
      return { readSync: () => (at < v.length ? dirent(v[at++]!) : null), closeSync: () => {} };
    },
  };
});

const { collectInputs, collectInputList, InputList } = await import('../src/input/inputs.js');

beforeEach(() => tree.clear());

describe('the folder walk', () => {
  it('names a folder it cannot read as a failed input and reads the rest', () => {
    tree.set('/r', [{ name: 'a', dir: true }, { name: 'locked', dir: true }, { name: 'z.txt', dir: false }]);
    tree.set('/r/a', [{ name: 'one.txt', dir: false }]);
    tree.set('/r/locked', 'EACCES');
    expect(collectInputs(['/r'])).toEqual([
      { path: '/r/a/one.txt', size: 10 },
      { path: '/r/locked', missing: 'cannot read this folder (EACCES)' },
      { path: '/r/z.txt', size: 10 },
    ]);
  });
  it('walks a tree of 200 000 files without overflowing the stack', () => {
    const files = Array.from({ length: 200_000 }, (_, i) => ({ name: `r${String(i).padStart(6, '0')}.txt`, dir: false }));
    tree.set('/big', [{ name: 'sub', dir: true }]);
    tree.set('/big/sub', files);
    const found = collectInputs(['/big']);
    expect(found).toHaveLength(200_000);
    expect(found[0]).toEqual({ path: '/big/sub/r000000.txt', size: 10 });
  });
  it('gives the files of folders and subfolders in path order, as a sort of their paths would', () => {
    // A folder sorts as its name and "/": "a-b.txt" and "a.txt" come before the files in "a/", "a0.txt" after them.
    tree.set('/p', [
      { name: 'c.txt', dir: false },
      { name: 'a', dir: true },
      { name: 'a0.txt', dir: false },
      { name: 'a.txt', dir: false },
      { name: 'a-b.txt', dir: false },
      { name: 'b', dir: true },
      { name: '报告.txt', dir: false },
    ]);
    tree.set('/p/a', [{ name: 'z.txt', dir: false }, { name: 'deep', dir: true }, { name: 'y.txt', dir: false }]);
    tree.set('/p/a/deep', [{ name: 'x.txt', dir: false }]);
    tree.set('/p/b', [{ name: 'w.txt', dir: false }]);
    const paths = collectInputs(['/p']).map((f) => f.path);
    expect(paths).toEqual(['/p/a-b.txt', '/p/a.txt', '/p/a/deep/x.txt', '/p/a/y.txt', '/p/a/z.txt', '/p/a0.txt', '/p/b/w.txt', '/p/c.txt', '/p/报告.txt']);
    expect(paths).toEqual([...paths].sort());
  });
  it('keeps a folder\'s files compact: the folder once, each file by its name', () => {
    tree.set('/q', [{ name: 'a.txt', dir: false }, { name: 'b.txt', dir: false }]);
    const list = collectInputList(['/q']);
    expect(list.length).toBe(2);
    expect([list.path(0), list.path(1)]).toEqual(['/q/a.txt', '/q/b.txt']);
    expect(list.size(1)).toBe(10);
    expect(list.missing(1)).toBeUndefined();
  });
  it('passes over the temporary file of an output being written', () => {
    tree.set('/t', [{ name: '.out.txt.123.456.tmp', dir: false }, { name: 'r.txt', dir: false }]);
    expect(collectInputs(['/t']).map((f) => f.path)).toEqual(['/t/r.txt']);
  });
});

describe('InputList', () => {
  // Inputs as a plain list would hold them: the compact list must give back each one exactly.
  const input = fc.record({
    dir: fc.option(fc.constantFrom('/a', '/a/b', '/报告'), { nil: undefined }),
    name: fc.string({ unit: fc.constantFrom('a', '报', '.', ' ', '1', 'txt'), minLength: 1, maxLength: 12 }),
    size: fc.option(fc.nat({ max: 2 ** 40 }), { nil: undefined }),
    missing: fc.option(fc.constantFrom('no such file or folder', 'EACCES'), { nil: undefined }),
  });
  // Lengths drawn evenly (fast-check keeps arrays short by default): past the chunk of 1024 names as often as not.
  const lists = (most: number) => fc.integer({ min: 0, max: most }).chain((n) => fc.array(input, { minLength: n, maxLength: n }));
  const listOf = (inputs: { dir?: string; name: string; size?: number; missing?: string }[]) => {
    const list = new InputList();
    for (const x of inputs) {
      if (x.dir) list.pushIn(x.dir, x.name, x.size, x.missing);
      else list.push(x.name, x.size, x.missing);
    }
    return list;
  };
  const expected = (x: { dir?: string; name: string; size?: number; missing?: string }) => ({ path: x.dir ? join(x.dir, x.name) : x.name, size: x.size, missing: x.missing });
  const read = (list: InstanceType<typeof InputList>) => Array.from({ length: list.length }, (_, i) => ({ path: list.path(i), size: list.size(i), missing: list.missing(i) }));

  it('gives back every input pushed, past the thousands of names it joins into one string', () => {
    fc.assert(
      fc.property(lists(3000), (inputs) => {
        const list = listOf(inputs);
        expect(list.length).toBe(inputs.length);
        expect(read(list)).toEqual(inputs.map(expected));
      }),
      { numRuns: 30 },
    );
  });
  it('reorders its inputs as told', () => {
    fc.assert(
      fc.property(
        lists(2500).chain((inputs) => fc.tuple(fc.constant(inputs), fc.shuffledSubarray([...inputs.keys()], { minLength: inputs.length }))),
        ([inputs, order]) => {
          expect(read(listOf(inputs).reordered(order))).toEqual(order.map((i) => expected(inputs[i]!)));
        },
      ),
      { numRuns: 20 },
    );
  });
});
