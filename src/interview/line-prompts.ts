/**
 * The two prompts plain mode needs (`input`, `confirm`), as plain lines: the question is written
 * once, the person types a line that the terminal itself echoes and edits (cooked mode, never raw),
 * and a reply that does not validate is answered with one line and the question again. Not one
 * cursor-control or colour code is written, so it works in an Emacs shell, over a serial line and
 * with a screen reader (TERM=dumb, `--plain`).
 *
 * Same contract as Inquirer's prompts (see ./prompter.ts): Ctrl+D (end of input) rejects with an
 * `ExitPromptError`; an aborted `signal` (Ctrl+C arrives as SIGINT in cooked mode) rejects with an
 * `AbortPromptError`.
 */
import { createInterface, type Interface } from 'node:readline';
import type { PromptTheme } from './prompt-theme.js';

type Validate = (text: string) => boolean | string | Promise<boolean | string>;

export interface LinePromptContext {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly signal?: AbortSignal;
}

export interface LinePrompts {
  input(config: { message: string; default?: string; validate?: Validate; theme?: PromptTheme }, context: LinePromptContext): Promise<string>;
  confirm(config: { message: string; default?: boolean; theme?: PromptTheme }, context: LinePromptContext): Promise<boolean>;
}

/** A reply longer than this is refused unread (a paste by mistake); no answer is near it. */
export const MAX_REPLY_LENGTH = 1000;

function named(name: 'ExitPromptError' | 'AbortPromptError', message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

/** Line prompts over one input stream; lines typed ahead are kept for the next question. */
export function createLinePrompts(): LinePrompts {
  let rl: Interface | undefined;
  let ended = false;
  const lines: string[] = [];
  let waiting: ((line: string | undefined) => void) | undefined;

  const open = (input: NodeJS.ReadableStream): Interface => {
    if (rl) return rl;
    rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
    rl.on('line', (line) => {
      if (waiting) {
        const w = waiting;
        waiting = undefined;
        w(line);
      } else lines.push(line);
    });
    rl.on('close', () => {
      ended = true;
      const w = waiting;
      waiting = undefined;
      w?.(undefined);
    });
    return rl;
  };

  /** The next line, or undefined at the end of input. */
  const nextLine = (context: LinePromptContext): Promise<string | undefined> => {
    const r = open(context.input);
    if (lines.length > 0) return Promise.resolve(lines.shift());
    if (ended) return Promise.resolve(undefined);
    r.resume();
    return new Promise<string | undefined>((resolve, reject) => {
      const onAbort = (): void => {
        waiting = undefined;
        r.pause();
        reject(named('AbortPromptError', 'Prompt was aborted'));
      };
      if (context.signal?.aborted) return onAbort();
      context.signal?.addEventListener('abort', onAbort, { once: true });
      waiting = (line) => {
        context.signal?.removeEventListener('abort', onAbort);
        // Paused between questions: nothing holds the process open once the interview is over.
        r.pause();
        resolve(line);
      };
    });
  };

  const ask = async (context: LinePromptContext, theme: PromptTheme | undefined, prompt: string, answer: (line: string) => Promise<{ ok: true } | { ok: false; message: string }>): Promise<void> => {
    for (;;) {
      if (context.signal?.aborted) throw named('AbortPromptError', 'Prompt was aborted');
      context.output.write(prompt);
      const line = await nextLine(context);
      if (line === undefined) {
        context.output.write('\n');
        throw named('ExitPromptError', 'User force closed the prompt (end of input)');
      }
      const verdict = line.length > MAX_REPLY_LENGTH ? { ok: false as const, message: `That is ${line.length} characters: too long for an answer here` } : await answer(line);
      if (verdict.ok) return;
      context.output.write(`${theme?.style.error(verdict.message) ?? verdict.message}\n`);
    }
  };

  return {
    async input(config, context) {
      const shownDefault = config.default !== undefined && config.default !== '' ? ` (${config.default})` : '';
      let result = '';
      await ask(context, config.theme, `${config.message}${shownDefault} `, async (line) => {
        const text = line.trim() === '' && config.default !== undefined ? config.default : line;
        const v = config.validate ? await config.validate(text) : true;
        if (v === true) {
          result = text;
          return { ok: true };
        }
        return { ok: false, message: typeof v === 'string' ? v : 'Please try again' };
      });
      return result;
    },
    async confirm(config, context) {
      const d = config.default ?? false;
      let result = d;
      await ask(context, config.theme, `${config.message} (${d ? 'Y/n' : 'y/N'}) `, async (line) => {
        const t = line.trim().toLowerCase();
        if (t === '') result = d;
        else if (t === 'y' || t === 'yes') result = true;
        else if (t === 'n' || t === 'no') result = false;
        else return { ok: false, message: 'Please type y for yes or n for no' };
        return { ok: true };
      });
      return result;
    },
  };
}
