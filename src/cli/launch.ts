/**
 * The CLI's entry (what bin/ runs, through the bundle): `--version` alone is answered here, from
 * package.json, and `--help` alone from the text the build wrote (dist/bundle/help.txt: what
 * `main` prints for it, laid out for 80 columns), without loading commander and building the
 * program — that was most of their start-up. A terminal narrower than 80 columns, or no built
 * text (running from the TypeScript sources), goes the long way. Everything else goes to `main`
 * (./main.ts), loaded on demand. The output is the one commander gives
 * (test/perf-equivalence/launch.test.ts holds them equal, and the built binary's to the sources').
 */
import { readFileSync } from 'node:fs';
import { afterOutput, HELP_WIDTH, helpWidthOf, watchOutput, type CliIo } from './io.js';

/** Where the build writes the top-level help (beside the bundled entry; absent when running from sources). */
export const BUILT_HELP = new URL('./help.txt', import.meta.url);

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    return print(`${pkg.version}\n`, io);
  }
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h') && helpWidthOf(io.stdout) === HELP_WIDTH) {
    const help = builtHelp();
    if (help !== undefined) return print(help, io);
  }
  return (await import('./main.js')).main(argv, io);
}

/** Like every command: a closed pipe ends quietly, a full disk with one line and 73 (main.ts). */
async function print(text: string, io: CliIo): Promise<number> {
  const stdout = watchOutput(io.stdout);
  io.stdout.write(text);
  return afterOutput(await stdout.settle(), 0, io.stderr);
}

function builtHelp(): string | undefined {
  try {
    return BUILT_HELP.protocol === 'file:' ? readFileSync(BUILT_HELP, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
