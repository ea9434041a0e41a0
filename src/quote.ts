/**
 * The one way a message quotes something that came from input (an answer, a key, an id, a file's
 * text): in double quotes, JSON-style escapes, every character that could steer a terminal made
 * visible, and cut to a length a person can read. Messages built with it are one line and never
 * carry an escape sequence, however hostile the input.
 *
 * Escaped: C0 controls (tab and newline too: a message is one line), DEL, C1 controls
 * (U+0080–U+009F, which some terminals obey like ESC sequences), bidirectional overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), line/paragraph separators, BOM and lone surrogates.
 */

/** Longest quoted text, in characters (code points), before it is cut with `…`. */
export const QUOTE_MAX_CHARS = 60;

/** Most items a message lists before it says "and N more". */
export const LIST_MAX_ITEMS = 20;

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeChar(ch: string): string {
  switch (ch) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default:
      return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
}

/** `s` with every unsafe character written as a visible escape (`\u001b`); nothing cut. */
export function escapeControls(s: string): string {
  return s.replace(UNSAFE, escapeChar);
}

/**
 * Text printed at the edge (error lines from any source, including libraries we call): unsafe
 * characters escaped as in `quote`, but line breaks kept.
 */
export function printable(s: string): string {
  return s.replace(UNSAFE, (ch) => (ch === '\n' ? ch : escapeChar(ch)));
}

/**
 * `"text"` for a message: quotes and backslashes escaped, unsafe characters visible, and at most
 * `max` characters, then `…" (N characters)` so the reader knows it was cut.
 */
export function quote(s: string, max = QUOTE_MAX_CHARS): string {
  let cut = s;
  let total = -1;
  // Count code points only when the string may be too long (cheap for the common short case).
  if (s.length > max) {
    const points = Array.from(s.length > max * 4 ? s.slice(0, max * 4) : s);
    if (points.length > max) {
      cut = points.slice(0, max).join('');
      total = s.length > max * 4 ? countCodePoints(s) : points.length;
    }
  }
  const body = escapeControls(cut.replace(/[\\"]/g, (c) => `\\${c}`));
  return total < 0 ? `"${body}"` : `"${body}…" (${total.toLocaleString('en-US')} characters)`;
}

function countCodePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * At most `max` of `items` (already rendered), then one `and N more` entry, so a message about
 * 100,000 things stays short.
 */
export function capList(items: readonly string[], max = LIST_MAX_ITEMS): string[] {
  if (items.length <= max) return [...items];
  return [...items.slice(0, max), `and ${(items.length - max).toLocaleString('en-US')} more`];
}
