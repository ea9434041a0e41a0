/** Placeholder until the `interview` command lands (see its issue). */
import type { Command } from 'commander';
import { EXIT, ScreenError } from '../../errors.js';
import type { CommandContext } from '../main.js';

export function registerInterview(program: Command, _ctx: CommandContext): void {
  program
    .command('interview')
    .description('(not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new ScreenError('cli.not-implemented', EXIT.usage, 'the interview command is not available yet');
    });
}
