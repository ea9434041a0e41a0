/**
 * The CLI's entry (what bin/ runs, through the bundle): `--version` alone is answered here, from
 * package.json, without loading commander and building the program — that was most of its
 * start-up. Everything else goes to `main` (./main.ts), loaded on demand. The output is the one
 * commander gives (test/perf-equivalence/launch.test.ts holds them equal).
 */
import { readFileSync } from 'node:fs';
import { afterOutput, watchOutput, type CliIo } from './io.js';

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    // Like every command: a closed pipe ends quietly, a full disk with one line and 73 (main.ts).
    const stdout = watchOutput(io.stdout);
    io.stdout.write(`${pkg.version}\n`);
    return afterOutput(await stdout.settle(), 0, io.stderr);
  }
  return (await import('./main.js')).main(argv, io);
}
