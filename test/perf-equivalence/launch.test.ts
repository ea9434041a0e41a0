/** The entry's own `--version` (src/cli/launch.ts, no commander) prints what commander prints. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main as launch } from '../../src/cli/launch.js';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { runBin } from '../helpers/spawn-bin.js';

async function run(entry: typeof main, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const io: CliIo = { stdin: new PassThrough(), stdout, stderr, env: {}, cwd: process.cwd() };
  const code = await entry(argv, io);
  return { code, stdout: out, stderr: err };
}

describe('the CLI entry', () => {
  for (const flag of ['--version', '-V']) {
    it(`answers ${flag} itself with exactly commander's output`, async () => {
      const own = await run(launch, [flag]);
      expect(own).toEqual(await run(main, [flag]));
      expect(own.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
      expect(own.code).toBe(0);
    });
  }

  it('hands everything else to main: --version with anything else, help, commands', async () => {
    for (const argv of [['--version', '--debug'], ['--help'], ['evaluate', '--help'], ['nonsense']]) {
      expect(await run(launch, argv)).toEqual(await run(main, argv));
    }
  });

  it('the built binary prints the same version', async () => {
    const r = await runBin(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: (await run(main, ['--version'])).stdout, stderr: '' });
  });
});
