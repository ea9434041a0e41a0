/**
 * Progress of a batch on stderr, only when stderr is a terminal: records done, rate, and percent
 * and ETA when the input size is known. Redrawn in place at most 10 times a second; `clear()`
 * erases it before other stderr lines and at the end. On a non-terminal it writes nothing.
 */
import type { Writable } from 'node:stream';

export interface Progress {
  update(records: number, bytesRead: number): void;
  clear(): void;
}

export const NO_PROGRESS: Progress = { update: () => undefined, clear: () => undefined };

/**
 * `stderr.columns` is read at each redraw (a terminal may be resized). The line always fits in
 * one row less one column: a line that wraps cannot be redrawn in place (`\r` returns only to
 * the start of its last row) and a narrow terminal would fill with copies. When it does not fit,
 * parts are dropped in this order: the bar, the ETA, the rate; then the line is cut.
 */
export function terminalProgress(stderr: Writable & { columns?: number }, totalBytes: number | undefined, now: () => number = () => performance.now()): Progress {
  const started = now();
  let last = -Infinity;
  let shown = false;
  return {
    update(records, bytesRead) {
      const t = now();
      if (t - last < 100) return;
      last = t;
      const seconds = (t - started) / 1000;
      const rate = seconds > 0 ? records / seconds : 0;
      const room = Math.max(1, (stderr.columns ?? 80) - 1);
      const count = `batch: ${records} records`;
      const speed = ` · ${Math.round(rate)}/s`;
      let percent = '';
      let bar = '';
      let eta = '';
      if (totalBytes && totalBytes > 0) {
        const fraction = Math.min(1, bytesRead / totalBytes);
        const width = 20;
        const filled = Math.round(fraction * width);
        bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] `;
        percent = `${Math.floor(fraction * 100)}% · `;
        if (fraction > 0.01 && fraction < 1) eta = ` · ETA ${formatDuration((seconds * (1 - fraction)) / fraction)}`;
      }
      const candidates = [bar + percent + count + speed + eta, percent + count + speed + eta, percent + count + speed, percent + count, count];
      const text = candidates.find((c) => c.length <= room) ?? count.slice(0, room);
      stderr.write(`\r\x1b[2K${text}`);
      shown = true;
    },
    clear() {
      if (shown) stderr.write('\r\x1b[2K');
      shown = false;
      last = -Infinity;
    },
  };
}

function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}
