/**
 * What `main` prints for an error that is not a documented one (a bug): one line asking for a
 * report, exit 70, the stack only with --debug; a prompt's Ctrl+C that escaped a command: one
 * line, 130; a documented error with --debug: its line, then the stack. (reportError is what
 * main calls with whatever a command threw.)
 */
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo, CliStdout } from '../../src/cli/io.js';
import { reportError } from '../../src/cli/main.js';
import { EXIT, ScreenError } from '../../src/errors.js';

function io(): { io: CliIo; err: () => string } {
  const stderr = new PassThrough() as PassThrough & CliStdout;
  let text = '';
  stderr.on('data', (c: Buffer) => (text += c.toString()));
  return { io: { stdin: Readable.from([]), stdout: new PassThrough(), stderr, env: {}, cwd: '/' }, err: () => text };
}

describe('an error no command reported', () => {
  it('a bug: one line naming it and asking for a report, exit 70; escape sequences in it are made visible', async () => {
    const { io: cli, err } = io();
    expect(reportError(new TypeError('x is \u001b[2Jundefined'), cli, false)).toBe(EXIT.software);
    expect(err()).toBe('sciatica-screen: internal error (a bug; please report it with --debug output): x is \\u001b[2Jundefined\n');
  });

  it('with --debug the stack follows the line; a thrown non-Error is named too', async () => {
    const { io: cli, err } = io();
    expect(reportError(new Error('boom'), cli, true)).toBe(70);
    expect(err()).toMatch(/^sciatica-screen: internal error \(a bug; please report it with --debug output\): boom\nError: boom\n\s+at /);
    const other = io();
    expect(reportError('a string', other.io, true)).toBe(70);
    expect(other.err()).toBe('sciatica-screen: internal error (a bug; please report it with --debug output): a string\n');
  });

  it('Ctrl+C in a prompt that reached main: "interrupted", exit 130', async () => {
    for (const name of ['ExitPromptError', 'AbortPromptError']) {
      const { io: cli, err } = io();
      expect(reportError(Object.assign(new Error('User force closed the prompt'), { name }), cli, false)).toBe(130);
      expect(err()).toBe('sciatica-screen: interrupted\n');
    }
  });

  it('a documented error with --debug: its line, then the stack', async () => {
    const { io: cli, err } = io();
    expect(reportError(new ScreenError('io.cannot-read', EXIT.noInput, 'cannot read a.json: no such file'), cli, true)).toBe(66);
    expect(err()).toMatch(/^sciatica-screen: cannot read a\.json: no such file\n\S*Error.*\n\s+at /);
  });
});
