// How this process is scheduled, for the benches' headers (the measured processes inherit it).
import { readFileSync } from 'node:fs';
/**
 * How this process is scheduled (the measured processes inherit it): on a machine shared with
 * other work, `chrt -r 10 npm run bench:…` (root) runs the bench round-robin ahead of every
 * ordinary process, so the figures measure the program rather than the queue for a CPU.
 */
export function scheduling() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const policy = ['SCHED_OTHER', 'SCHED_FIFO', 'SCHED_RR', 'SCHED_BATCH', 'SCHED_ISO', 'SCHED_IDLE'][Number(fields[38])] ?? `policy ${fields[38]}`;
    return policy === 'SCHED_OTHER' ? `${policy}, nice ${fields[16]}` : `${policy} (real-time priority ${fields[37]}: other work waits)`;
  } catch {
    return 'unknown';
  }
}
