/** Placeholder until the `evaluate` command lands (see its issue). */
import type { Command } from 'commander';
import { EXIT, ScreenError } from '../../errors.js';
import type { CommandContext } from '../main.js';

export function registerEvaluate(program: Command, _ctx: CommandContext): void {
  program
    .command('evaluate')
    .description('(not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new ScreenError('cli.not-implemented', EXIT.usage, 'the evaluate command is not available yet');
    });
}
