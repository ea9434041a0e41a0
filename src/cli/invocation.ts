/**
 * How the person started the tool, so that hints ("continue with: … --resume answers.json") can
 * be typed as they are printed. A clone has no `sciatica-screen` on its PATH: there the hint says
 * `node bin/sciatica-screen.js` (or `npx sciatica-screen`, `npm start --`) instead.
 */
import { basename, delimiter, dirname, isAbsolute, relative, resolve, sep } from 'node:path';

export const PROGRAM_COMMAND = 'sciatica-screen';

/**
 * `launcher`: the launcher's path as started (process.argv[1]); unknown → `sciatica-screen`.
 * The result is a shell command prefix, quoted where needed.
 */
export function invocation(launcher: string | undefined, env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  if (launcher === undefined || launcher === '') return PROGRAM_COMMAND;
  if (env.npm_lifecycle_event === 'start') return 'npm start --';
  const dir = dirname(resolve(cwd, launcher));
  if (basename(launcher) === PROGRAM_COMMAND) {
    if (env.npm_command === 'exec' || dir.endsWith(`${sep}node_modules${sep}.bin`)) return `npx ${PROGRAM_COMMAND}`;
    const onPath = (env.PATH ?? '').split(delimiter).some((p) => p !== '' && resolve(cwd, p) === dir);
    if (onPath) return PROGRAM_COMMAND;
  }
  const rel = relative(cwd, resolve(cwd, launcher));
  const shown = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? resolve(cwd, launcher) : rel;
  return `node ${shellWord(shown)}`;
}

function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
