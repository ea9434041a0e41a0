/**
 * The entry's own `--version` and `--help` (src/cli/launch.ts, no commander: --help from the text
 * the build wrote, dist/bundle/help.txt) print what commander prints.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main as launch } from '../../src/cli/launch.js';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runBin } from '../helpers/spawn-bin.js';

const BUILT_HELP_FILE = join(ROOT, 'dist/bundle/help.txt');

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

  for (const flag of ['--help', '-h']) {
    it(`the built binary answers ${flag} from the build's text, which is exactly main's help`, async () => {
      const r = await runBin([flag]);
      expect(r).toEqual({ code: 0, signal: null, stdout: (await run(main, ['--help'])).stdout, stderr: '' });
      expect(r.stdout).toMatch(/^Usage: sciatica-screen \[options\] \[command\]\n/);
      expect(r.stdout).toContain('evaluate [options] <answers>');
      expect(readFileSync(BUILT_HELP_FILE, 'utf8')).toBe(r.stdout);
    });
  }

  it('help is laid out for 80 columns: no line longer, descriptions wrapped in their column', async () => {
    const help = (await run(main, ['--help'])).stdout;
    expect(Math.max(...help.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(Math.max(...help.split('\n').map((l) => l.length))).toBeGreaterThan(60);
  });

  it('the built binary prints the same version', async () => {
    const r = await runBin(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: (await run(main, ['--version'])).stdout, stderr: '' });
  });
});
