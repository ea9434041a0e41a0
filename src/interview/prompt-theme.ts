/**
 * The Inquirer theme, built from the one colour decision made at the CLI edge (useColor), so
 * prompts obey NO_COLOR on every Node 20 minor: Inquirer's own defaults use node:util styleText,
 * whose colour detection differs between minors. Every style Inquirer would colour is set here.
 * Plain mode: no prefix symbols, ASCII cursor, no spinner animation.
 */
import type { ChalkInstance } from 'chalk';
import { wrapText } from '../report/wrap-text.js';

export interface PromptTheme {
  prefix: { idle: string; done: string };
  spinner: { interval: number; frames: string[] };
  icon: { cursor: string; checked: string; unchecked: string; disabledChecked: string; disabledUnchecked: string };
  style: {
    answer: (text: string) => string;
    message: (text: string, status: string) => string;
    error: (text: string) => string;
    defaultAnswer: (text: string) => string;
    help: (text: string) => string;
    highlight: (text: string) => string;
    key: (text: string) => string;
    description: (text: string) => string;
    disabled: (text: string) => string;
    keysHelpTip: (keys: [key: string, action: string][]) => string | undefined;
  };
}

/** `columns`: error lines under a prompt are word-wrapped to it (when given). */
export function promptTheme(c: ChalkInstance, plain: boolean, columns?: number): PromptTheme {
  return {
    prefix: plain ? { idle: '', done: '' } : { idle: c.blue('?'), done: c.green('✔') },
    spinner: plain ? { interval: 1000, frames: ['…'] } : { interval: 80, frames: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] },
    icon: plain
      ? { cursor: '>', checked: '[x]', unchecked: '[ ]', disabledChecked: '[x]', disabledUnchecked: '[ ]' }
      : { cursor: '❯', checked: c.green('◉'), unchecked: '◯', disabledChecked: c.green('◉'), disabledUnchecked: c.dim('◯') },
    style: {
      answer: (t) => c.cyan(t),
      message: (t) => c.bold(t),
      error: (t) => (columns === undefined ? [`> ${t}`] : wrapText(`> ${t}`, columns - 1, 0, 2)).map((l) => c.red(l)).join('\n'),
      defaultAnswer: (t) => c.dim(`(${t})`),
      help: (t) => c.dim(t),
      highlight: (t) => c.cyan(t),
      key: (t) => c.cyan.bold(`<${t}>`),
      description: (t) => c.cyan(t),
      disabled: (t) => c.dim(t),
      keysHelpTip: (keys) =>
        plain
          ? keys.map(([k, a]) => `${plainKey(k)} ${a}`).join(', ')
          : keys.map(([k, a]) => `${c.bold(k)} ${c.dim(a)}`).join(c.dim(' • ')),
    },
  };
}

function plainKey(k: string): string {
  return k.replace('↑↓', 'Up/Down').replace('⏎', 'Enter');
}

/**
 * The same theme with the question's help (and hints) shown under the message while it is asked;
 * `done`, when given, is the message shown once answered (re-wrapped to leave room for the answer
 * Inquirer writes after it).
 */
export function withHelp(theme: PromptTheme, c: ChalkInstance, help: readonly string[], hint: readonly string[] = [], done?: string): PromptTheme {
  if (help.length === 0 && hint.length === 0 && done === undefined) return theme;
  return {
    ...theme,
    style: {
      ...theme.style,
      message: (t, status) => (status === 'done' ? c.bold(done ?? t) : [c.bold(t), ...help.map((l) => c.dim(l)), ...hint].join('\n')),
    },
  };
}
