/**
 * The one word-wrapper for everything the tool prints to a terminal (the result text, the
 * interview's screens, prompts, hints and error lines). Widths are terminal columns, not string
 * lengths: a CJK character or an emoji takes two, a combining accent none, colour escapes none
 * (fast-string-width, the measure the prompt library's own wrapper uses).
 *
 * Each line of `text` is a paragraph wrapped on its own (an empty one stays an empty line); runs
 * of white space become one space. A word wider than a line is kept whole (a path or a web
 * address stays copyable) unless it holds wide characters: text without spaces, as Chinese or
 * Japanese is written, is broken between characters. The first output line is indented by
 * `first` spaces, every other by `rest`; `width` counts the indent.
 */
import fastStringWidth from 'fast-string-width';

/**
 * Characters that take one column each (printable ASCII, Latin-1 and Latin Extended letters and
 * signs, the dashes, quotes, bullets and arrows of General Punctuation; not the soft hyphen, not
 * combining marks, not the invisible format characters): text made only of them — every word of
 * the result text (§, —, ›) — is measured by its length, without the library, whose first calls
 * cost milliseconds of start-up. test/report/wrap-text.test.ts checks every one against it.
 */
export const ONE_COLUMN_EACH = /^[\x20-\x7e\u00a1-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e]*$/;

function stringWidth(text: string): number {
  return ONE_COLUMN_EACH.test(text) ? text.length : fastStringWidth(text);
}

/** Terminal columns `text` takes. */
export function textWidth(text: string): number {
  return stringWidth(text);
}

// Made on first use: creating a segmenter loads ICU data, a few ms of every start-up that prints.
let graphemeSegmenter: Intl.Segmenter | undefined;
const graphemes = { segment: (s: string) => (graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(s) };

/** `word` in pieces of at most `room` columns (the first at most `firstRoom`), between characters. */
function breakWide(word: string, firstRoom: number, room: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const { segment } of graphemes.segment(word)) {
    const w = stringWidth(segment);
    const limit = pieces.length === 0 ? firstRoom : room;
    if (piece !== '' && used + w > limit) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += segment;
    used += w;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

export function wrapText(text: string, width: number, first = 0, rest = 0): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let used = 0;
    const room = (): number => Math.max(1, width - (out.length === 0 ? first : rest));
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const w = stringWidth(word);
      const gap = line === '' ? 0 : 1;
      if (used + gap + w <= room()) {
        line = gap ? `${line} ${word}` : word;
        used += gap + w;
        continue;
      }
      if (w > room() && w > word.length) {
        // Wide characters and no room for the word: fill this line, then go on between characters.
        const left = room() - used - gap;
        const pieces = breakWide(word, left >= 2 ? left : room(), room());
        if (left >= 2) {
          line = gap ? `${line} ${pieces.shift() ?? ''}` : (pieces.shift() ?? '');
        }
        for (const piece of pieces) {
          if (line !== '') out.push(line);
          line = piece;
        }
        used = stringWidth(line);
        continue;
      }
      if (line !== '') out.push(line);
      line = word;
      used = w;
    }
    out.push(line);
  }
  return out.map((l, i) => `${' '.repeat(i === 0 ? first : rest)}${l}`);
}
