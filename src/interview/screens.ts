/**
 * What the interview writes between prompts: the welcome, the "what to do now" banner of an
 * emergency stop, and the result (rendered by src/report/text.ts). In plain mode: no box
 * drawing, no colour, nothing that moves — every line reads well in a screen reader.
 * Colour only ever repeats what the words already say.
 */
import { wrapText as wrap } from '../report/wrap-text.js';
import type { ChalkInstance } from 'chalk';
import type { Result } from '../engine/result.js';
import type { Questionnaire } from '../questionnaire/model.js';
import type { InterviewScreens } from './run-interview.js';

export interface ScreenStyle {
  readonly chalk: ChalkInstance;
  readonly plain: boolean;
  /** Columns available; text is wrapped to this (at most 100). */
  readonly width: number;
  /** Terminal rows, when known: a result taller than the screen ends with a one-line reminder of it. */
  readonly rows?: number;
}

export interface Screens extends InterviewScreens {
  intro(q: Questionnaire): void;
  /** One line of information (saved to…, continuing from…). */
  note(text: string): void;
  /** After an emergency, once more below what followed the result: what to do now, in one line. */
  remind(result: Result): void;
}

export function createScreens(
  write: (text: string) => void,
  style: ScreenStyle,
  renderResult: (result: Result, heading: boolean) => string,
): Screens {
  const c = style.chalk;
  // After the emergency banner the result leaves out the title and advice it has just shown.
  let banner: string | undefined;
  // No floor but a small one: a 30-column terminal is wrapped too (it was left to cut words below 40).
  const width = Math.max(20, Math.min(style.width - 1, 100));
  return {
    intro(q) {
      const lines = ['', ...wrap(q.title, width).map((l) => c.bold(l))];
      if (q.description) lines.push(...wrap(q.description, width));
      lines.push('', ...wrap(keysLine(style.plain), width));
      write(lines.join('\n') + '\n');
    },
    emergency(result) {
      const body = [c.bold('WHAT TO DO NOW'), c.bold.red(result.title), ...wrap(result.advice, width - 2)];
      if (style.plain) {
        banner = ['', `WHAT TO DO NOW: ${result.title}`, ...wrap(result.advice, width), '', 'Why, and the full result:'].join('\n') + '\n';
      } else {
        const rule = c.red('━'.repeat(width));
        banner = ['', rule, ...body.map((l) => `  ${l}`), rule, '', 'Why, and the full result:'].join('\n') + '\n';
      }
      write(banner);
    },
    result(result) {
      const text = renderResult(result, banner === undefined);
      const shown = `\n${text}${text.endsWith('\n') ? '' : '\n'}`;
      write(shown);
      // In a short terminal what to do has scrolled out of sight by now: the last line says it again.
      if (style.rows !== undefined && lineCount((banner ?? '') + shown) > style.rows - 4) {
        const reminder = `${banner !== undefined ? 'WHAT TO DO NOW' : 'Your result'}: ${result.title} (scroll up to read it all)`;
        const tone = banner !== undefined ? c.bold.red : c.bold;
        write(`\n${wrap(reminder, width).map((l) => tone(l)).join('\n')}\n`);
      }
    },
    remind(result) {
      write(`\n${wrap(`WHAT TO DO NOW: ${result.title}`, width).map((l) => c.bold.red(l)).join('\n')}\n`);
    },
    note(text) {
      write(`${wrap(text, width).join('\n')}\n`);
    },
  };
}

export function keysLine(plain: boolean): string {
  return plain
    ? 'Type the number of your answer and press Enter. Type b to go back to the previous question. Press Ctrl+C to stop.'
    : 'Use the arrow keys and Enter to answer. Choose "← Back" (or type b in a number box) to go back and change an answer. You can check every answer before the result. Ctrl+C stops.';
}

function lineCount(text: string): number {
  return text.split('\n').length - 1;
}

