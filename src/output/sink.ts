/**
 * Where output goes. A file is written to a temporary sibling and renamed into
 * place only when the run commits, so an interrupted or failed run never
 * leaves a half-written file, and never damages the file it would replace.
 */
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `commit` and `abort` write out what is still held back, where it goes (a stream can take no writes back). */
export type Sink = { write(s: string): void | Promise<void>; commit(): void; abort(): void };

// Pieces are gathered and written in blocks rather than with a system call per
// report (thousands in a batch). Output still goes out as the batch runs: at
// most this much of it, or this long, is held back.
const BLOCK_CHARS = 1 << 18;
const BLOCK_MS = 200;

/**
 * Pieces in, blocks out to `out`: a block goes once it is full or old, and
 * `flush` sends what is left. Returns what `out` returns (a wait for drain).
 */
function blockWriter<R>(out: (block: string) => R) {
  let parts: string[] = [];
  let size = 0;
  let since = Date.now();
  const send = (): R | undefined => {
    if (!parts.length) return undefined;
    const block = parts.join('');
    parts = [];
    size = 0;
    return out(block);
  };
  return {
    write(s: string): R | undefined {
      if (s) {
        if (!parts.length) since = Date.now();
        parts.push(s);
        size += s.length;
      }
      return size >= BLOCK_CHARS || Date.now() - since >= BLOCK_MS ? send() : undefined;
    },
    flush: send,
  };
}

export class OutputError extends Error {}

type Stream = { write(s: string): unknown; once?(event: 'drain', cb: () => void): unknown };

/** Standard output; waits for 'drain' when the pipe is full, so a batch never piles up in memory. */
export function streamSink(stream: Stream): Sink {
  const blocks = blockWriter((block) => {
    if (stream.write(block) !== false || !stream.once) return undefined;
    return new Promise<void>((resolve) => stream.once!('drain', resolve));
  });
  return {
    write: (s) => blocks.write(s),
    commit: () => void blocks.flush(),
    abort: () => void blocks.flush(),
  };
}

const live = new Set<string>();
let hooked = false;
function cleanupOnExit(): void {
  if (hooked) return;
  hooked = true;
  const clean = () => {
    for (const f of live) {
      try {
        unlinkSync(f);
      } catch {
        /* already gone */
      }
    }
  };
  process.on('exit', clean);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      clean();
      process.kill(process.pid, sig);
    });
  }
}

export function fileSink(path: string, bom: boolean): Sink {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  // Handlers first: a signal between creating the file and hooking it would leave it behind.
  cleanupOnExit();
  let fd: number;
  try {
    fd = openSync(tmp, 'wx');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new OutputError(
      `${path}: cannot write (${code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'permission denied' : code ?? (e as Error).message})`,
    );
  }
  live.add(tmp);
  if (bom) writeSync(fd, '\ufeff');
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  const blocks = blockWriter((block) => void writeSync(fd, block));
  return {
    write: (s) => blocks.write(s),
    commit: () => {
      blocks.flush();
      close();
      renameSync(tmp, path);
      live.delete(tmp);
    },
    abort: () => {
      close();
      try {
        unlinkSync(tmp);
      } catch {
        /* already gone */
      }
      live.delete(tmp);
    },
  };
}
