/**
 * What the interview writes between prompts: the emergency banner first, and — in a terminal too
 * short to keep it in sight — a last line saying again what to do.
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { createScreens } from '../../src/interview/screens.js';
import { FAKE_Q, fakeEngine } from './fake-engine.js';

const EMERGENCY = fakeEngine.evaluate(FAKE_Q, { pain: 'no', saddle: 'yes' });
const OK = fakeEngine.evaluate(FAKE_Q, { pain: 'no', saddle: 'no', level: 2, age: null, tried: ['rest'] });
/** A result rendering of `n` lines, like the real one (reasons, cautions, notice). */
const tall = (n: number) => (r: typeof OK, heading: boolean) =>
  [...(heading ? [r.title] : []), ...Array.from({ length: n }, (_, i) => `  because: reason ${i + 1}`)].join('\n');

function screens(rows: number | undefined, lines: number, plain = false) {
  let out = '';
  const s = createScreens((t) => (out += t), { chalk: new Chalk({ level: 0 }), plain, width: 80, ...(rows ? { rows } : {}) }, tall(lines));
  return { s, out: () => out };
}

describe('the result screens', () => {
  it('an emergency in a short terminal: the banner first, and the last line says again what to do now', () => {
    const { s, out } = screens(20, 12);
    s.emergency(EMERGENCY);
    s.result(EMERGENCY);
    const text = out();
    expect(text.indexOf('WHAT TO DO NOW')).toBeLessThan(text.indexOf('because: reason 1'));
    expect(text.endsWith('\nWHAT TO DO NOW: Go to A&E now or call 999 (scroll up to read it all)\n')).toBe(true);
    expect(text).not.toContain('\nGo to A&E now or call 999\n  because'); // the result under the banner has no title of its own
  });

  it('when banner and result fit on the screen, nothing is repeated', () => {
    const { s, out } = screens(40, 12);
    s.emergency(EMERGENCY);
    s.result(EMERGENCY);
    expect(out().split('WHAT TO DO NOW')).toHaveLength(2);
    expect(out().endsWith('  because: reason 12\n')).toBe(true);
  });

  it('a result taller than the terminal ends with its title; a short one, or unknown rows, does not', () => {
    const short = screens(20, 30);
    short.s.result(OK);
    expect(short.out().endsWith('\nYour result: Massage is a reasonable complement (scroll up to read it all)\n')).toBe(true);
    const fits = screens(40, 10);
    fits.s.result(OK);
    expect(fits.out()).not.toContain('Your result:');
    const unknown = screens(undefined, 100);
    unknown.s.result(OK);
    expect(unknown.out()).not.toContain('Your result:');
  });

  it('the emergency banner in plain mode: words only, no rule', () => {
    const { s, out } = screens(20, 3, true);
    s.emergency(EMERGENCY);
    expect(out()).toBe('\nWHAT TO DO NOW: Go to A&E now or call 999\nDo not wait.\n\nWhy, and the full result:\n');
  });
});
