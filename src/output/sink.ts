/**
 * Where output goes. A file is written to a temporary sibling and renamed into
 * place only when the run commits, so an interrupted or failed run never
 * leaves a half-written file, and never damages the file it would replace.
 */
import { closeSync, existsSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * A piece of output: text, or text a worker thread has already encoded as UTF-8.
 * `commit` and `abort` write out what is still held back, where it goes (a stream can take no writes back).
 */
export type Piece = string | Uint8Array;
export type Sink = {
  write(s: Piece): void | Promise<void>;
  commit(): void;
  abort(): void;
  /** Why the output could not be written, once it could not (a full disk, a closed pipe): the run's output is then lost. */
  failure(): string | undefined;
};

// Pieces are encoded as UTF-8 straight into a block of bytes and written a block
// at a time, rather than with a system call per report (thousands in a batch),
// and without joining them into one string first. Output still goes out as the
// batch runs: at most a block of it, or this long, is held back.
const BLOCK_BYTES = 1 << 20;
const BLOCK_MS = 200;
// A JavaScript string takes at most three bytes of UTF-8 per UTF-16 code unit.
const MAX_UTF8_PER_UNIT = 3;
// TextEncoder.encodeInto, with the same U+FFFD for a lone surrogate as Buffer.prototype.write:
// a little faster on fresh JSON Lines (13 against 15 ms for 10 MB here, best of twelve; most
// of either is V8 flattening the string the report was joined into before it encodes it).
const encoder = new TextEncoder();

/**
 * Pieces in, blocks out to `out`: a block goes once it is full or old, and
 * `flush` sends what is left; a piece larger than a block goes on its own.
 * Returns what `out` returns (a wait for drain). With `reuse`, `out` must be
 * done with a block when it returns (a synchronous write); otherwise each
 * block is a new buffer, which a stream may hold on to.
 */
type Wait = void | Promise<void>;

function blockWriter(out: (bytes: Uint8Array) => Wait, reuse: boolean) {
  let block = Buffer.allocUnsafeSlow(BLOCK_BYTES);
  let used = 0;
  let since = Date.now();
  const send = (): Wait => {
    if (!used) return;
    const bytes = block.subarray(0, used);
    used = 0;
    if (!reuse) block = Buffer.allocUnsafeSlow(BLOCK_BYTES);
    return out(bytes);
  };
  /** Copies or encodes `piece` into the block when it fits; false when it does not. */
  const add = (piece: Piece): boolean => {
    if (typeof piece === 'string') {
      if (piece.length * MAX_UTF8_PER_UNIT > block.length - used) return false;
      used += encoder.encodeInto(piece, block.subarray(used)).written;
    } else {
      if (piece.length > block.length - used) return false;
      block.set(piece, used);
      used += piece.length;
    }
    return true;
  };
  return {
    write(piece: Piece): Wait {
      if (!piece.length) return used && Date.now() - since >= BLOCK_MS ? send() : undefined;
      if (!used) since = Date.now();
      if (add(piece)) return used >= block.length || Date.now() - since >= BLOCK_MS ? send() : undefined;
      const sent = send();
      since = Date.now();
      if (add(piece)) return sent;
      // Larger than a block: on its own, after what was held.
      const big = out(typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece);
      return sent && big ? Promise.all([sent, big]).then(() => undefined) : (sent ?? big);
    },
    flush: send,
  };
}

export class OutputError extends Error {}

type Stream = { write(chunk: Uint8Array): unknown; once?(event: 'drain', cb: () => void): unknown; on?(event: 'error', cb: (e: Error) => void): unknown };

/** The reason for a failed write, in the words of its error code. */
function because(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = { ENOSPC: 'no space left on the device', EPIPE: 'the reader closed the pipe', EISDIR: 'it is a folder', EACCES: 'permission denied', EROFS: 'a read-only file system', EDQUOT: 'the disk quota is used up', EIO: 'an input/output error' };
  return code ? `${words[code] ?? code} (${code})` : (e as Error).message;
}

/**
 * Standard output; waits for 'drain' when the pipe is full, so a batch never piles up in memory.
 * `synchronous`: the stream has written a chunk when its write returns (a file), so the block is reused.
 * A write error (a full disk, a closed pipe) is kept, not thrown: the run goes on, writes no more,
 * and reports it as a failed output.
 */
export function streamSink(stream: Stream, bom = false, synchronous = false): Sink {
  let failed: string | undefined;
  // The wait for drain under way, if any: a stream that fails while full never drains, and its one
  // error listener ends the wait (a listener per wait would pile up on a pipe to a slow reader).
  let waiting: (() => void) | undefined;
  stream.on?.('error', (e) => {
    failed ??= because(e);
    waiting?.();
  });
  // A stream that writes at once (standard output to a file: Node writes files synchronously) is done
  // with a block when write returns, so one block serves the whole run. Otherwise each block is new,
  // and a run of a few hundred MB left as many 1 MB buffers for the collector.
  const blocks = blockWriter((bytes) => {
    if (failed) return;
    let ok: unknown;
    try {
      ok = stream.write(bytes);
    } catch (e) {
      failed ??= because(e);
      return;
    }
    if (ok !== false || !stream.once) return;
    return new Promise<void>((resolve) => {
      waiting = resolve;
      stream.once!('drain', () => {
        waiting = undefined;
        resolve();
      });
    });
  }, synchronous);
  if (bom) void blocks.write('\ufeff');
  return {
    write: (s) => blocks.write(s),
    commit: () => void blocks.flush(),
    abort: () => void blocks.flush(),
    failure: () => (failed ? `standard output: cannot write: ${failed}` : undefined),
  };
}

const live = new Set<string>();
let hooked = false;
/** Signal and exit handlers, once: temporary files are removed whatever ends the run. Installed as a run starts. */
export function cleanupOnExit(): void {
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
  // Interrupted: the temporary files go, no output replaces an earlier one, and the run ends with
  // 128 + the signal's number, as a shell reports a process the signal ended (130, 143). The
  // commit step yields to pending signals first (see settle), so a signal that arrived while a
  // large file was read on this thread ends the run before anything is renamed into place.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      clean();
      process.exit(128 + (osConstants.signals[sig] ?? 0));
    });
  }
}

/** Lets signals that arrived during synchronous work be handled (they wait for the event loop) before an output is committed. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Temporary files of `path` left by an earlier run that was killed outright (SIGKILL): recognised by name and a process that is gone. */
function removeStale(path: string): void {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const m = /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length));
    if (!m || alive(Number(m[1]))) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      /* another run's, or gone */
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function fileSink(path: string, bom: boolean): Sink {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  // Handlers first: a signal between creating the file and hooking it would leave it behind.
  cleanupOnExit();
  removeStale(path);
  let fd: number;
  try {
    if (existsSync(path) && statSync(path).isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    fd = openSync(tmp, 'wx');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new OutputError(
      `${path}: cannot write (${code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code ?? (e as Error).message})`,
    );
  }
  live.add(tmp);
  if (bom) writeSync(fd, '\ufeff');
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  let failed: string | undefined;
  const blocks = blockWriter((bytes) => {
    if (failed) return;
    // writeSync may write less than it was given (a signal, a full disk that frees up).
    try {
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off);
    } catch (e) {
      failed = because(e);
    }
  }, true);
  const sink: Sink = {
    write: (s) => blocks.write(s),
    commit: () => {
      blocks.flush();
      // A file that could not be written whole never replaces the one before it.
      if (failed) return sink.abort();
      close();
      try {
        renameSync(tmp, path);
      } catch (e) {
        failed = because(e);
        return sink.abort();
      }
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
    failure: () => (failed ? `${path}: cannot write: ${failed}` : undefined),
  };
  return sink;
}
