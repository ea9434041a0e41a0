/** Placeholder until the `batch` command lands (see its issue). */
import type { Command } from 'commander';
import { EXIT, ScreenError } from '../../errors.js';
import type { CommandContext } from '../main.js';

export function registerBatch(program: Command, _ctx: CommandContext): void {
  program
    .command('batch')
    .description('(not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new ScreenError('cli.not-implemented', EXIT.usage, 'the batch command is not available yet');
    });
}
