/**
 * Issue 13.14 and 9.9, 9.8 (questionnaire size): hostile or mistyped questionnaires at `validate`,
 * on the built binary. One tab in indentation is one error, not 1 + 20 follow-ons; control
 * characters (written, or as YAML escapes) are refused at file:line:col and never echoed raw;
 * a questionnaire over the question cap is refused with one clear line.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBin } from '../helpers/spawn-bin.js';

const dir = mkdtempSync(join(tmpdir(), 'sciatica-validate-'));
const MINIMAL = readFileSync(join(ROOT, 'test/fixtures/questionnaires/valid/minimal.yaml'), 'utf8');

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const errorLines = (stderr: string): string[] => stderr.split('\n').filter((l) => l.includes(': error: '));

describe('validate: the root cause once', () => {
  it('one tab in indentation: one error at the tab, no follow-ons', async () => {
    const p = file('tab.yaml', MINIMAL.replace('\n    type: yesno\n', '\n\ttype: yesno\n'));
    const r = await runBin(['validate', p]);
    expect(r.code).toBe(78);
    expect(errorLines(r.stderr)).toEqual([`${p}:8:1: error: a tab is used for indentation; YAML indents with spaces only`]);
  });
});

describe('validate: control characters in questionnaire text', () => {
  it('a raw ESC sequence in a question text: refused at its line and column, shown as U+001B', async () => {
    const p = file('esc.yaml', MINIMAL.replace('text: Have you noticed', 'text: \u001b[2J\u001b]0;owned\u0007Have you noticed'));
    const r = await runBin(['validate', p]);
    expect(r.code).toBe(78);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(errorLines(r.stderr)[0]).toBe(`${p}:11:11: error: control character U+001B in the text; write it out in words (it could steer the terminal that shows it)`);
  });

  it('a C1 control (U+009B, a one-character CSI) is refused too', async () => {
    const p = file('c1.yaml', MINIMAL.replace('title: Minimal example', 'title: Minimal \u009b2J example'));
    const r = await runBin(['validate', p]);
    expect(r.code).toBe(78);
    expect(errorLines(r.stderr)).toEqual([`${p}:5:16: error: control character U+009B in the text; write it out in words (it could steer the terminal that shows it)`]);
  });

  it('an escape in a double-quoted string ("\\e[2J") is refused at the string', async () => {
    const p = file('escaped.yaml', MINIMAL.replace('title: Minimal example', 'title: "Minimal \\e[2J example"'));
    const r = await runBin(['validate', p]);
    expect(r.code).toBe(78);
    expect(r.stderr).not.toContain('\u001b');
    expect(errorLines(r.stderr)).toEqual([`${p}:5:8: error: control character U+001B in this text (written as an escape); write it out in words (it could steer the terminal that shows it)`]);
  });

  it('a question id full of escape sequences is never echoed raw (it is refused before any message quotes it)', async () => {
    const p = file('id.yaml', MINIMAL.replace('id: saddle_numbness', 'id: "saddle\\e[2J"'));
    const r = await runBin(['validate', p]);
    expect(r.code).toBe(78);
    expect(r.stderr).not.toContain('\u001b');
  });

  it('tabs, CRLF line ends and a BOM are still fine', async () => {
    const p = file('crlf.yaml', `\ufeff${MINIMAL.replace('title: Minimal example', 'title: "Minimal\texample"').replace(/\n/g, '\r\n')}`);
    const r = await runBin(['validate', p]);
    expect(errorLines(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('validate: questionnaire size', () => {
  it('more than 2,000 questions (well under 1 MiB): one clear error', async () => {
    const questions = Array.from({ length: 2001 }, (_, i) => `  - { id: q${i}, type: yesno, text: Q${i}? }`).join('\n');
    const p = file('many.yaml', MINIMAL.replace(/questions:\n(?:  .*\n|    .*\n)*?rules:/, `questions:\n${questions}\nrules:`));
    const r = await runBin(['validate', p]);
    expect(r.code).toBe(78);
    expect(errorLines(r.stderr)).toEqual([`${p}:7:3: error: 2,001 questions; a questionnaire may have at most 2,000`]);
  });
});
