/**
 * The word-wrapper measures text made only of `ONE_COLUMN_EACH` characters by its length, without
 * fast-string-width (src/report/wrap-text.ts). Every character of that class must take exactly
 * one column by the library's own measure, or a line would be cut by the terminal; and text with
 * any other character (a wide one, a combining mark, a soft hyphen) must go to the library.
 */
import fastStringWidth from 'fast-string-width';
import { describe, expect, it } from 'vitest';
import { ONE_COLUMN_EACH, textWidth, wrapText } from '../../src/report/wrap-text.js';

describe('the one-column shortcut of the word-wrapper', () => {
  it('every character it measures by length takes one column by the library', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (ONE_COLUMN_EACH.test(ch) && fastStringWidth(ch) !== 1) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('text with other characters is measured by the library', () => {
    for (const s of ['漢字', 'e\u0301', 'soft\u00adhyphen', 'zero\u200bwidth', '😀 ok', '\u202eRTL']) {
      expect(ONE_COLUMN_EACH.test(s), s).toBe(false);
      expect(textWidth(s)).toBe(fastStringWidth(s));
    }
  });

  it('the result text’s own characters (§ — ›) wrap at the width, counted one column each', () => {
    const lines = wrapText('Reasons › cauda equina — NICE NG59 §1.1.1 '.repeat(6), 30);
    expect(lines.every((l) => l.length <= 30)).toBe(true);
    expect(lines.join(' ')).toBe('Reasons › cauda equina — NICE NG59 §1.1.1 '.repeat(6).trim());
  });
});
