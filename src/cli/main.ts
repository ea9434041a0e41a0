/**
 * The CLI as a function: `main(argv, io)` resolves to an exit code and never calls
 * `process.exit()`. Commands live one per file in ./commands and are registered here; heavy
 * modules (the prompt library above all) are imported lazily inside the command that needs them,
 * so commands that never prompt never load `@inquirer/prompts`.
 */
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { EXIT, formatProblem, isScreenError } from '../errors.js';
import { suggest } from '../questionnaire/suggest.js';
import { printable } from '../quote.js';
import { afterOutput, helpWidthOf, watchOutput, type CliIo } from './io.js';
import { ExitRequest, type CommandContext } from './context.js';
import { registerValidate } from './commands/validate.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerTest } from './commands/test.js';
import { registerBatch } from './commands/batch.js';
import { registerInterview } from './commands/interview.js';
import { registerExport } from './commands/export.js';
import { registerGraph } from './commands/graph.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

export const PROGRAM_NAME = 'sciatica-screen';

export { ExitRequest, type CommandContext } from './context.js';

function outputOf(io: CliIo) {
  return {
    writeOut: (s: string) => io.stdout.write(s),
    writeErr: (s: string) => io.stderr.write(printable(s)),
    getOutHelpWidth: () => helpWidthOf(io.stdout),
    getErrHelpWidth: () => helpWidthOf(io.stderr),
  };
}

/** Every command, by name, in the order --help lists them. */
const COMMANDS: readonly (readonly [string, (program: Command, ctx: CommandContext) => void])[] = [
  ['interview', registerInterview],
  ['validate', registerValidate],
  ['evaluate', registerEvaluate],
  ['batch', registerBatch],
  ['test', registerTest],
  ['export', registerExport],
  ['graph', registerGraph],
];

/**
 * The program. With `command` (the first word of the command line, when it names a command),
 * only that command is defined: its parsing, errors and help are the same, and the others' options
 * are not built for nothing (a measurable part of an `evaluate`'s start-up). Without it, or for a
 * word that is no command, all of them, as --help and "did you mean" need.
 */
export function buildProgram(io: CliIo, state: { exitCode: number }, command?: string): Command {
  const program = new Command(PROGRAM_NAME);
  program
    .description(
      'A self-screening questionnaire for sciatica before a sports or deep-tissue massage.\n' +
        'Not a diagnosis: it says whether massage is a reasonable complement to your care, or whom to see first.',
    )
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--debug', 'show the stack trace of internal errors')
    .showHelpAfterError('(add --help for usage)')
    // Wrap a description even in a narrow column (commander's default, 40, left the command list
    // unwrapped at 80 columns: lines of 160 characters in a pipe or a standard terminal).
    .configureHelp({ minWidthToWrap: 20 })
    .exitOverride()
    .configureOutput(outputOf(io));
  const ctx = { io, state };
  const only = command === undefined ? undefined : COMMANDS.find(([name]) => name === command);
  for (const [, register] of only === undefined ? COMMANDS : [only]) register(program, ctx);
  for (const c of program.commands) c.exitOverride().configureOutput(outputOf(io));
  return program;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const state = { exitCode: EXIT.ok as number };
  const debug = argv.includes('--debug');
  // Output that cannot be written ends the run with one line, never a stack trace: a closed pipe
  // (`| head`, EPIPE) quietly, with the command's own exit code; any other failure (a full disk)
  // with exit 73. A failing stderr has nowhere to be reported and only must not crash.
  const stdout = watchOutput(io.stdout);
  if (io.stderr !== io.stdout) watchOutput(io.stderr);
  const program = buildProgram(io, state, argv[0]);
  const unknown = unknownCommand(argv, program);
  if (unknown !== undefined) {
    io.stderr.write(printable(`${PROGRAM_NAME}: ${unknown}\n(add --help for usage)\n`));
    return EXIT.usage;
  }
  let code: number;
  try {
    await program.parseAsync([...argv], { from: 'user' });
    code = state.exitCode;
  } catch (e) {
    code = reportError(e, io, debug);
  }
  return afterOutput(await stdout.settle(), code, io.stderr);
}

/**
 * The default command (interview) takes no arguments, so a first word that is not an option and
 * not a command is a mistyped command: without this check commander would hand it to the
 * interview ("too many arguments for 'interview'").
 */
function unknownCommand(argv: readonly string[], program: Command): string | undefined {
  const first = argv[0];
  if (first === undefined || first.startsWith('-')) return undefined;
  const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  if (names.includes(first) || first === 'help') return undefined;
  const meant = suggest(first, names);
  return meant !== undefined
    ? `unknown command '${first.slice(0, 60)}' (did you mean ${meant}?)`
    : `unknown command '${first.slice(0, 60)}' (the commands are ${names.join(', ')})`;
}

export function reportError(e: unknown, io: CliIo, debug: boolean): number {
  if (e instanceof ExitRequest) return e.exitCode;
  if (e instanceof CommanderError) {
    // help and version are not errors; commander has already printed them.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (isScreenError(e)) {
    // Problems in a file are the message: one `file:line:col: severity: message` line each.
    const lines = e.problems.length > 0 ? e.problems.map(formatProblem) : [`${PROGRAM_NAME}: ${e.message}`];
    // printable: whatever a message quotes from input, no escape sequence reaches the terminal.
    io.stderr.write(printable(`${lines.join('\n')}\n`));
    if (debug && e.stack) io.stderr.write(`${e.stack}\n`);
    return e.exitCode;
  }
  if (isInterrupt(e)) {
    io.stderr.write(`${PROGRAM_NAME}: interrupted\n`);
    return EXIT.interrupted;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.stderr.write(printable(`${PROGRAM_NAME}: internal error (a bug; please report it with --debug output): ${message}\n`));
  if (debug && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
  return EXIT.software;
}

function isInterrupt(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}
