/** Which files a run reads, and how many worker threads it starts by default. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectInputs } from '../src/input/inputs.js';
import { scratchDir } from './helpers/scratch.js';

describe('collectInputs', () => {
  it('walks folders for reports in path order, with their sizes, and names what it cannot read', () => {
    const dir = scratchDir('inputs');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'b.txt'), '出生12人');
    writeFileSync(join(dir, 'sub', 'a.html'), '<p>x</p>');
    writeFileSync(join(dir, 'notes.pdf'), '%PDF');
    writeFileSync(join(dir, 'x.gold.json'), '{}');
    writeFileSync(join(dir, 'sheet.xls'), '');
    writeFileSync(join(dir, 'scan.jpg'), '');
    writeFileSync(join(dir, 'scan2.JPG'), '');
    const skipped = new Map<string, number>();
    expect(collectInputs([dir, join(dir, 'missing.txt')], skipped)).toEqual([
      { path: join(dir, 'b.txt'), size: Buffer.byteLength('出生12人') },
      { path: join(dir, 'missing.txt'), missing: 'no such file or folder' },
      { path: join(dir, 'notes.pdf'), size: 4 },
      { path: join(dir, 'sub', 'a.html'), size: 8 },
    ]);
    // What is not a report is counted, by extension, so that the run says so.
    expect(Object.fromEntries(skipped)).toEqual({ '.json': 1, '.xls': 1, '.jpg': 2 });
  });
});

describe('collectInputs and symbolic links', () => {
  it('follows links to reports and to folders, each folder once however it is linked', () => {
    const archive = scratchDir('archive');
    mkdirSync(join(archive, '2019'));
    writeFileSync(join(archive, '2019', '青石县.txt'), '出生3105人');
    writeFileSync(join(archive, 'loose.txt'), '出生12人');
    const dir = scratchDir('links');
    symlinkSync(join(archive, 'loose.txt'), join(dir, 'a.txt')); // a link to a report
    symlinkSync(join(archive, '2019'), join(dir, 'y2019')); // a link to a folder
    symlinkSync(join(archive, '2019'), join(dir, 'z-again')); // the same folder again
    symlinkSync(dir, join(dir, 'loop')); // a cycle
    symlinkSync(join(archive, 'gone.txt'), join(dir, 'broken.txt')); // a dangling link
    expect(collectInputs([dir])).toEqual([
      { path: join(dir, 'a.txt'), size: Buffer.byteLength('出生12人') },
      { path: join(dir, 'broken.txt'), missing: 'a link to nothing' },
      { path: join(dir, 'y2019', '青石县.txt'), size: Buffer.byteLength('出生3105人') },
    ]);
  });
});

describe('collectInputs and what is neither file nor folder', () => {
  it.skipIf(process.platform === 'win32')('passes over a FIFO in a folder, and a link to one, without counting either as skipped', () => {
    const dir = scratchDir('fifo');
    writeFileSync(join(dir, 'a.txt'), '出生12人');
    spawnSync('mkfifo', [join(dir, 'pipe.txt')]);
    symlinkSync(join(dir, 'pipe.txt'), join(dir, 'to-pipe.txt'));
    // A broken link that is no report is left out too, as a file that is no report is counted.
    symlinkSync(join(dir, 'gone.xls'), join(dir, 'old.xls'));
    const skipped = new Map<string, number>();
    expect(collectInputs([dir], skipped)).toEqual([{ path: join(dir, 'a.txt'), size: Buffer.byteLength('出生12人') }]);
    expect(Object.fromEntries(skipped)).toEqual({});
  });
});
