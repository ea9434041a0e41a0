/**
 * The CLI's clock, the only one in the program: `io.now()` when injected (tests), else
 * `SOURCE_DATE_EPOCH` (whole seconds since 1970, the reproducible-builds convention) when set,
 * else the system clock. Used for the date on a handout, `savedAt` in an answers file and a FHIR
 * bundle's timestamp; the engine never reads a clock.
 */
import type { CliIo } from './io.js';

export function cliNow(io: Pick<CliIo, 'env' | 'now'>): Date {
  if (io.now) return io.now();
  const epoch = io.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d{1,12}$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return new Date();
}
