/** The handout in one of its two forms; one entry point for `evaluate --format` and the interview. */
import { buildHandout, type HandoutInput } from './handout.js';
import { renderHandoutHtml } from './html.js';
import { renderHandoutMarkdown } from './markdown.js';

export type HandoutFormat = 'markdown' | 'html';

export function renderHandout(format: HandoutFormat, input: HandoutInput): string {
  const handout = buildHandout(input);
  return format === 'html' ? renderHandoutHtml(handout) : renderHandoutMarkdown(handout);
}

/** The format a file name says (`.html`/`.htm` → html, else markdown). */
export function handoutFormatOf(path: string): HandoutFormat {
  return /\.html?$/i.test(path) ? 'html' : 'markdown';
}
