/**
 * Hints that tell the person a command to type ("use `… evaluate answers.json`") name the tool as
 * it was started, so they can be typed as printed: `sciatica-screen` when installed on the PATH,
 * `npx sciatica-screen` from a project's node_modules, `npm start --` from `npm start`, and
 * `node bin/sciatica-screen.js` (quoted if need be) from a clone.
 */
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo, CliStdout } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** The interview without a terminal: its refusal names the command to use instead. */
async function hint(launcher: string | undefined, env: Record<string, string>, cwd = '/home/ann/project'): Promise<string> {
  const err = new PassThrough() as PassThrough & CliStdout;
  let text = '';
  err.on('data', (c: Buffer) => (text += c.toString()));
  const io: CliIo = { stdin: Readable.from([]), stdout: new PassThrough(), stderr: err, env, cwd, ...(launcher !== undefined ? { launcher } : {}) };
  expect(await main(['interview'], io)).toBe(64);
  const m = /use `(.*) evaluate answers\.json`, or `\1 batch` for many\n$/.exec(text);
  if (!m) throw new Error(`no hint in ${JSON.stringify(text)}`);
  return m[1] as string;
}

describe('the command named in hints', () => {
  it('installed on the PATH: the bare name', async () => {
    expect(await hint('/usr/local/bin/sciatica-screen', { PATH: '/usr/bin:/usr/local/bin' })).toBe('sciatica-screen');
  });

  it('from node_modules/.bin or through npm exec: npx', async () => {
    expect(await hint('/home/ann/project/node_modules/.bin/sciatica-screen', { PATH: '/usr/bin' })).toBe('npx sciatica-screen');
    expect(await hint('/tmp/npx-cache/sciatica-screen', { PATH: '/usr/bin', npm_command: 'exec' })).toBe('npx sciatica-screen');
  });

  it('from npm start: npm start --', async () => {
    expect(await hint(join('/home/ann/project', 'bin/sciatica-screen.js'), { npm_lifecycle_event: 'start' })).toBe('npm start --');
  });

  it('from a clone: node and the launcher, relative to the working folder when inside it, else absolute and quoted when needed', async () => {
    expect(await hint('bin/sciatica-screen.js', {})).toBe('node bin/sciatica-screen.js');
    expect(await hint('/home/ann/project/bin/sciatica-screen.js', {})).toBe('node bin/sciatica-screen.js');
    expect(await hint('/opt/my tools/bin/sciatica-screen.js', {})).toBe("node '/opt/my tools/bin/sciatica-screen.js'");
    expect(await hint("/opt/ann's/sciatica-screen", { PATH: '/usr/bin' })).toBe(`node '/opt/ann'\\''s/sciatica-screen'`);
  });

  it('unknown launcher: the bare name', async () => {
    expect(await hint(undefined, {})).toBe('sciatica-screen');
    expect(await hint('', {})).toBe('sciatica-screen');
  });
});
