/**
 * Issue 9.5, 9.9, 9.10: hostile answers files at `evaluate`, on the built binary. A huge unknown
 * key gets no did-you-mean scan and is echoed cut; 100,000 bad keys give one screen of lines;
 * control characters are shown as escapes; a valid 400-digit number gets the right message.
 */
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/spawn-bin.js';

const evaluateStdin = (doc: string) => runBin(['evaluate', '-'], { stdin: doc });
const ESC = '\u001b';

describe('evaluate with hostile answers', () => {
  it('a 1 MB unknown key: one short line, cut with its length, exit 65', async () => {
    const key = `x${'a'.repeat(1024 * 1024)}`;
    const r = await evaluateStdin(JSON.stringify({ [key]: 'yes', leg_pain: 'no' }));
    expect(r.code).toBe(65);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^<stdin>: "xa{59}…" \(1,048,577 characters\) is not a question of sciatica-massage$/);
  });

  it('100,000 unknown keys: 20 lines and "and 99,980 more", not 100,001 lines', async () => {
    const doc: Record<string, string> = {};
    for (let i = 0; i < 100_000; i++) doc[`k${i}`] = 'yes';
    const r = await evaluateStdin(JSON.stringify(doc));
    expect(r.code).toBe(65);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('<stdin>: and 99,980 more');
  });

  it('an 8 MB value is echoed cut, not whole', async () => {
    const r = await evaluateStdin(JSON.stringify({ saddle_numbness: 'z'.repeat(7 * 1024 * 1024) }));
    expect(r.code).toBe(65);
    expect(r.stderr.length).toBeLessThan(300);
    expect(r.stderr).toContain('"saddle_numbness": "zzz');
    expect(r.stderr).toContain('(7,340,032 characters) is not one of yes, no, unsure');
  });

  it('control characters in keys and values reach the terminal as visible escapes', async () => {
    const r = await evaluateStdin(JSON.stringify({ [`${ESC}[2J${ESC}]0;owned\u0007`]: 'yes', saddle_numbness: `\u009b31m` }));
    expect(r.code).toBe(65);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stderr).toContain('"\\u001b[2J\\u001b]0;owned\\u0007" is not a question');
    expect(r.stderr).toContain('"saddle_numbness": "\\u009b31m" is not one of');
  });

  it('a repeated key with control characters is quoted safely by the JSON reader too', async () => {
    const r = await evaluateStdin(`{"${'\\u001b'}[2J": 1, "${'\\u001b'}[2J": 2}`);
    expect(r.code).toBe(65);
    expect(r.stderr).not.toContain(ESC);
    expect(r.stderr).toContain('"\\u001b[2J" appears twice');
  });

  it('a valid JSON number of 400 digits: "too large", not a syntax error', async () => {
    const r = await evaluateStdin(`{"age": 1${'0'.repeat(400)}}`);
    expect(r.code).toBe(65);
    expect(r.stderr.trim()).toBe('<stdin>: "age": the number is too large to be an answer; the maximum is 110');
  });

  it('a 400-digit number that is in range (0.000…1) is read as the number it is', async () => {
    const r = await evaluateStdin(`{"leg_pain": "no", "age": 4${'0'.repeat(1)}.${'0'.repeat(400)}}`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('batch: a 1.5 MB unknown key on one line is an error record; the good records are all there', async () => {
    const key = `x${'a'.repeat(1_500_000)}`;
    const input = [{ leg_pain: 'no', age: 40 }, { [key]: 'yes' }, { leg_pain: 'no', age: 41 }].map((r) => JSON.stringify(r)).join('\n');
    const r = await runBin(['batch', '-'], { stdin: `${input}\n` });
    expect(r.code).toBe(65);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { line: number; disposition?: string; error?: string });
    expect(out.map((o) => [o.line, o.disposition !== undefined])).toEqual([[1, true], [2, false], [3, true]]);
    expect(out[1]?.error).toMatch(/^"xa{59}…" \(1,500,001 characters\) is not a question of sciatica-massage$/);
  });
});
