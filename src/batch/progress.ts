/** A one-line progress bar on a TTY stderr, shown only once a batch has run for a moment. */
import type { Summary } from './render.js';

const DELAY_MS = 800;

export class Progress {
  private done = 0;
  private failed = 0;
  private chars = 0;
  private readonly started = Date.now();
  private shown = false;

  constructor(
    private readonly out: { write(s: string): unknown; columns?: number },
    private readonly total: number,
    private readonly enabled: boolean,
  ) {}

  tick(s: Summary): void {
    this.done++;
    if (s.error) this.failed++;
    this.chars += s.chars;
    if (!this.enabled) return;
    const elapsed = Date.now() - this.started;
    if (elapsed < DELAY_MS) return;
    const width = 24;
    const filled = Math.round((this.done / this.total) * width);
    const mbps = (this.chars * 3) / 1e6 / (elapsed / 1000); // ~3 bytes a character in UTF-8 Chinese
    const line = `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${this.done}/${this.total} files · ~${mbps.toFixed(1)} MB/s · ${this.failed} failed`;
    this.out.write(`\r${line.slice(0, (this.out.columns ?? 80) - 1)}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.out.write('\r\x1b[K');
    this.shown = false;
  }
}
