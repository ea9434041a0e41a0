/**
 * `sciatica-screen [interview]` — the default command: a terminal interview with the bundled
 * questionnaire (or `--questionnaire FILE`). It refuses to start without a terminal on both stdin
 * and stdout (exit 64, pointing to `evaluate` and `batch`) so a pipe or a CI job never hangs.
 * `--resume -` is refused (64): the terminal cannot be both the answers file and the keyboard.
 * `CI=true` alone does not refuse: a CI job that deliberately gives it a pseudo-terminal (tmux,
 * `script`, `docker run -t`) gets the interview; a runner without a terminal is refused by the
 * terminal check. Everything else (the prompt library above all) is imported only here, lazily.
 */
import type { Command } from 'commander';
import { EXIT, ScreenError } from '../../errors.js';
import type { CommandContext } from '../context.js';
import type { InterviewCommandOptions } from '../actions/interview.js';
import { invocation } from '../invocation.js';

export function registerInterview(program: Command, ctx: CommandContext): void {
  program
    .command('interview', { isDefault: true })
    .description('answer the questionnaire in the terminal (the default when no command is given)')
    .option('-q, --questionnaire <file>', 'use another questionnaire file (default: the bundled one)')
    .option('-s, --save <file>', 'save your answers to this file as you go (readable only by you)')
    .option('-r, --resume <file>', 'continue from a saved answers file')
    .option('--report <file>', 'at the end, write a handout of the result and your answers here (.html: a printable page; else Markdown)')
    .option('-f, --force', 'replace the --save (or --report) file if it exists, without asking')
    .option('--plain', 'screen-reader friendly: plain lines, numbered answers, no colour or symbols (also when TERM=dumb)')
    .addHelpText(
      'after',
      '\nKeys: arrow keys and Enter to answer, Space to tick in lists; choose "← Back" (or type b\n' +
        'in a number box) to go back. Ctrl+C stops (answers are kept only with --save).\n\n' +
        'Examples:\n' +
        '  sciatica-screen\n' +
        '  sciatica-screen --save answers.json\n' +
        '  sciatica-screen --report handout.html\n' +
        '  sciatica-screen --resume answers.json --save answers.json\n' +
        '  sciatica-screen --plain',
    )
    .action(async (options: InterviewCommandOptions) => {
      const { io } = ctx;
      const cmd = invocation(io.launcher, io.env, io.cwd);
      if (!io.stdin.isTTY || !io.stdout.isTTY) {
        throw new ScreenError(
          'interview.no-terminal',
          EXIT.usage,
          `the interview needs a terminal; to screen answers from a file use \`${cmd} evaluate answers.json\`, or \`${cmd} batch\` for many`,
        );
      }
      // The terminal answers the questions: it cannot also be the answers file (it would wait unseen).
      if (options.resume === '-') {
        throw new ScreenError(
          'interview.resume-stdin',
          EXIT.usage,
          `--resume needs the name of a saved answers file (the terminal is for the questions): ${cmd} --resume answers.json --save answers.json`,
        );
      }
      // Ctrl+C, SIGTERM or SIGHUP from here on (while the interview loads, or between two prompts)
      // aborts this signal instead of killing the process without a word; see runInterviewCommand.
      const interrupt = new AbortController();
      const stopListening = io.onInterrupt?.((signal = 'SIGINT') => {
        if (!interrupt.signal.aborted) interrupt.abort({ signal, echoed: signal === 'SIGINT' && io.stdin.isRaw !== true });
      });
      try {
        const { runInterviewCommand } = await import('../actions/interview.js');
        ctx.state.exitCode = await runInterviewCommand(options, io, interrupt.signal, cmd);
      } finally {
        stopListening?.();
      }
    });
}
