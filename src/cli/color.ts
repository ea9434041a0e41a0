/**
 * The colour decision, made once at the edge and passed down (chalk 5 ignores NO_COLOR, and
 * Inquirer's styleText differs between Node minors, so neither may decide by itself).
 * Rule, as commander 14's `useColor()`: NO_COLOR set and non-empty → off; FORCE_COLOR 0/false → off;
 * FORCE_COLOR otherwise set, or CLICOLOR_FORCE → on; else on only for a TTY that has colours.
 */
import type { CliStdout } from './io.js';

export function useColor(stream: CliStdout, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  if (env.CLICOLOR_FORCE !== undefined && env.CLICOLOR_FORCE !== '0') return true;
  if (env.TERM === 'dumb') return false;
  if (!stream.isTTY) return false;
  return typeof stream.hasColors === 'function' ? stream.hasColors() : true;
}
