import stringWidth from 'fast-string-width';
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/report/wrap-text.js';

describe('the one word-wrapper (terminal columns, not string length)', () => {
  it('counts CJK and emoji as two columns, colour escapes as none', () => {
    const lines = wrapText('日本語 日本語 日本語 😀😀 end', 14);
    expect(lines).toEqual(['日本語 日本語', '日本語 😀😀', 'end']); // by string length the first three words fit in 14
    expect(lines.every((l) => stringWidth(l) <= 14)).toBe(true);
    expect(wrapText('\x1b[31mred\x1b[39m words here', 15)).toEqual(['\x1b[31mred\x1b[39m words here']);
  });

  it('breaks text without spaces (Japanese) between characters; keeps a long path whole', () => {
    const ja = wrapText('坐骨神経痛のためにマッサージを受ける前に', 10);
    expect(ja.every((l) => stringWidth(l) <= 10)).toBe(true);
    expect(ja.join('')).toBe('坐骨神経痛のためにマッサージを受ける前に');
    expect(wrapText('see /a/very/long/path/to/answers.json now', 12)).toEqual(['see', '/a/very/long/path/to/answers.json', 'now']);
  });

  it('indents the first and the other lines as asked, the indent counted in the width', () => {
    expect(wrapText('one two three four', 10, 2, 4)).toEqual(['  one two', '    three', '    four']);
  });
});
