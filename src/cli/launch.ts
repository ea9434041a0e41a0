/**
 * The CLI's entry (what bin/ runs, through the bundle): `--version` alone is answered here, from
 * package.json, without loading commander and building the program — that was most of its
 * start-up. Everything else goes to `main` (./main.ts), loaded on demand. The output is the one
 * commander gives (test/perf-equivalence/launch.test.ts holds them equal).
 */
import { readFileSync } from 'node:fs';
import type { CliIo } from './io.js';

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  return (await import('./main.js')).main(argv, io);
}
