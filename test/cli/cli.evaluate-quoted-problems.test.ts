/**
 * `evaluate` on an answers file with many problems, or with keys made to steer a terminal: the
 * list stops at 20 lines and says how many more; every key is quoted on one line with its control
 * characters visible (tab, CR, newline, ESC) and a long one is cut, with its length counted in
 * characters (an emoji is one), so no message carries an escape sequence or runs for pages.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sciatica-quoted-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function evaluateKeys(name: string, keys: string[]) {
  await writeFile(join(dir, name), JSON.stringify({ answers: Object.fromEntries(keys.map((k) => [k, 1])) }));
  return runCli(['evaluate', name], { cwd: dir });
}

describe('evaluate: the problems of an answers file', () => {
  it('at most 20 lines, then "and N more"; exit 65, nothing on stdout', async () => {
    const r = await evaluateKeys('many.json', Array.from({ length: 27 }, (_, i) => `k${i}`));
    expect(r.code).toBe(65);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('many.json: "k0" is not a question of sciatica-massage');
    expect(lines[19]).toBe('many.json: "k19" is not a question of sciatica-massage');
    expect(lines[20]).toBe('many.json: and 7 more');
  });

  it('a key with control characters is one line with them made visible', async () => {
    const r = await evaluateKeys('hostile.json', ['tab\there\r\n', '\u001b[31mred']);
    expect(r.stderr).toBe(
      [
        'hostile.json: "tab\\there\\r\\n" is not a question of sciatica-massage',
        'hostile.json: "\\u001b[31mred" is not a question of sciatica-massage',
        '',
      ].join('\n'),
    );
  });

  it('a long key is cut at 60 characters, its length counted in characters (emoji and accents one each)', async () => {
    const r = await evaluateKeys('long.json', ['😀'.repeat(300), 'é'.repeat(70)]);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`long.json: "${'😀'.repeat(60)}…" (300 characters) is not a question of sciatica-massage`);
    expect(lines[1]).toBe(`long.json: "${'é'.repeat(60)}…" (70 characters) is not a question of sciatica-massage`);
  });
});
