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

export function terminalProgress(stderr: Writable, totalBytes: number | undefined, now: () => number = () => performance.now()): Progress {
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
      let text = `batch: ${records} records · ${Math.round(rate)}/s`;
      if (totalBytes && totalBytes > 0) {
        const fraction = Math.min(1, bytesRead / totalBytes);
        const width = 20;
        const filled = Math.round(fraction * width);
        text = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(fraction * 100)}% · ${text}`;
        if (fraction > 0.01 && fraction < 1) text += ` · ETA ${formatDuration((seconds * (1 - fraction)) / fraction)}`;
      }
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
