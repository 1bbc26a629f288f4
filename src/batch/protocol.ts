/**
 * What the pool (pool.ts) and its workers (serve.ts) send each other. A module of
 * its own that imports nothing but types, so that a run that starts no worker loads no part of
 * node:worker_threads.
 */
import type { MessagePort } from 'node:worker_threads';
import type { RenderOptions, Rendered } from './render.js';

/** A file by its path, or an input read already (standard input) by its bytes, `path` then naming it; `missing`: why it cannot be read, known before it is opened. */
export type FileJob = { id: number; path: string; size?: number; bytes?: Uint8Array; missing?: string };
export type Batch = { files: FileJob[] };
export type BatchResult = { results: { id: number; rendered: Rendered }[] };
export type WorkerData = { options: RenderOptions; port: MessagePort; current: Int32Array };
/** What `current` holds when the worker is between files. */
export const BETWEEN_FILES = -1;
