/**
 * Word-wrapping for the terminal, shared by the result text and the interview's screens. Each
 * line of `text` is a paragraph wrapped on its own (an empty one stays an empty line); runs of
 * white space become one space; a word longer than a line is kept whole. The first output line
 * is indented by `first` spaces, every other by `rest`; `width` counts the indent.
 */
export function wrapText(text: string, width: number, first = 0, rest = 0): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const room = width - (out.length === 0 ? first : rest);
      if (line !== '' && line.length + 1 + word.length > room) {
        out.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    out.push(line);
  }
  return out.map((l, i) => `${' '.repeat(i === 0 ? first : rest)}${l}`);
}
