/**
 * What every command's `register*` and action receives, in a file of its own so that commands
 * and actions never import `main.ts` (which imports them): no import circle.
 */
import type { CliIo } from './io.js';

/** What every command's `register*` receives. A command sets `state.exitCode` or throws. */
export interface CommandContext {
  readonly io: CliIo;
  readonly state: { exitCode: number };
}

/** Thrown by a command to end with an exit code after it has already written what it had to say. */
export class ExitRequest extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}
