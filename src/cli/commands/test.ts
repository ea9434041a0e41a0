/** Placeholder until the `test` command lands (see its issue). */
import type { Command } from 'commander';
import { EXIT, ScreenError } from '../../errors.js';
import type { CommandContext } from '../main.js';

export function registerTest(program: Command, _ctx: CommandContext): void {
  program
    .command('test')
    .description('(not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new ScreenError('cli.not-implemented', EXIT.usage, 'the test command is not available yet');
    });
}
