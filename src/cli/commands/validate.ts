/** Placeholder until the `validate` command lands (see its issue). */
import type { Command } from 'commander';
import { EXIT, ScreenError } from '../../errors.js';
import type { CommandContext } from '../main.js';

export function registerValidate(program: Command, _ctx: CommandContext): void {
  program
    .command('validate')
    .description('(not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new ScreenError('cli.not-implemented', EXIT.usage, 'the validate command is not available yet');
    });
}
