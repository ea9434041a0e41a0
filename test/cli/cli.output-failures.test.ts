/**
 * Issue 9.7: when stdout cannot be written, every command ends with one line and a documented
 * code, never a stack trace: a closed pipe (the reader went away, as `| head` does) quietly with
 * the command's own code, a full disk (/dev/full) with 73. Run on the built binary, through a
 * real shell pipe whose reader has closed its end, and into the real /dev/full.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/spawn-bin.js';

const dir = mkdtempSync(join(tmpdir(), 'sciatica-out-'));
const answers = join(dir, 'a.json');
writeFileSync(answers, JSON.stringify({ leg_pain: 'no', age: 40 }));

const COMMANDS: readonly (readonly [string, readonly string[]])[] = [
  ['evaluate', ['evaluate', answers]],
  ['evaluate --format json', ['evaluate', '--format', 'json', answers]],
  ['validate', ['validate', 'questionnaires/sciatica-massage.yaml']],
  ['test', ['test', 'test/cases/sciatica-massage.cases.yaml']],
  ['--help', ['--help']],
  ['--version', ['--version']],
];

function sh(script: string): { stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr };
}

const quoted = (args: readonly string[]): string => args.map((a) => `'${a}'`).join(' ');

describe('stdout that cannot be written', () => {
  it.each(COMMANDS)('%s into a closed pipe: no stack trace, no error line, the command’s own code', (_name, args) => {
    // The reader closes its end at once and lingers, so every write gets EPIPE.
    const err = join(dir, `pipe-${args.join('-').replace(/\W+/g, '_')}.err`);
    const r = sh(`${quoted([process.execPath, BIN, ...args])} 2>'${err}' | (exec 0<&-; sleep 1); echo "\${PIPESTATUS[0]}"`);
    const stderr = sh(`cat '${err}'`).stdout;
    expect(stderr).not.toMatch(/\n\s+at |Unhandled 'error' event|EPIPE/);
    expect(stderr.split('\n').filter((l) => l.startsWith('sciatica-screen:'))).toEqual([]);
    const own = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: 'ignore', timeout: 60_000 }).status;
    expect(Number(r.stdout.trim())).toBe(own);
  });

  it.each(COMMANDS)('%s into /dev/full: one line on stderr and exit 73', (_name, args) => {
    expect(existsSync('/dev/full')).toBe(true);
    const full = sh(`${quoted([process.execPath, BIN, ...args])} >/dev/full; echo "exit=$?" >&2`);
    expect(full.stderr).not.toMatch(/\n\s+at |Unhandled 'error' event|ENOSPC/);
    const ours = full.stderr.split('\n').filter((l) => l.startsWith('sciatica-screen:'));
    expect(ours).toEqual(['sciatica-screen: cannot write standard output: the disk is full']);
    expect(full.stderr).toContain('exit=73');
  });
});
