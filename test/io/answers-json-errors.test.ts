/**
 * `evaluate` on an answers file that is not valid JSON: one line naming the file, the line and
 * column of the first mistake, and what is wrong there in plain words (exit 65, nothing on
 * stdout) — the mistakes people make by hand: a trailing comma, single quotes, a missing colon or
 * comma, text after the end, a tab or a line break inside quotes, a bad escape, an unclosed string,
 * an empty file, a key written twice (even when one spelling uses a \u escape).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sciatica-json-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const CASES: Array<[string, string, string]> = [
  ['text after the end', '{"answers": {}, "x": [] } extra', '1:27: unexpected "e" after the end of the JSON value'],
  ['a key twice, once escaped', '{"answers": {"k\\u0065y": 1, "key": 2}}', '1:29: "key" appears twice in the same object'],
  ['a trailing comma in an object', '{"answers": {"a\\"b": [], "c": {}}, "d": 1e5, }', '1:46: trailing comma before "}"'],
  ['a trailing comma in a list', '{"answers": [1, 2,]}', '1:19: trailing comma before "]"'],
  ['single quotes', "{'answers': {}}", '1:2: expected a key in double quotes, found "\'"'],
  ['single quotes around a value', "{\"answers\": 'x'}", '1:13: strings need double quotes (")'],
  ['a missing colon', '{"answers": {"a" 1}}', '1:18: expected ":" after the key "a", found "1"'],
  ['a missing comma in a list', '{"a": [1 2]}', '1:10: expected "," or "]" after a value, found "2"'],
  ['a minus alone', '{"answers": -}', '1:13: unexpected "-"'],
  ['a tab inside quotes', '{"a": "tab\there"}', '1:11: control character inside a string'],
  ['a line break inside quotes', '{"a": "two\nlines"}', '1:11: unterminated string (a line break inside quotes)'],
  ['a bad escape', '{"a": "\\x"}', '1:8: invalid escape in a string'],
  ['an unclosed string', '{"a": "open', '1:7: unterminated string'],
  ['an empty file', '  \n', '2:1: the file is empty (expected a JSON object)'],
];

describe('evaluate: an answers file that is not JSON', () => {
  it.each(CASES)('%s: file:line:col and the mistake, exit 65', async (_what, text, where) => {
    await writeFile(join(dir, 'a.json'), text);
    const r = await runCli(['evaluate', 'a.json'], { cwd: dir });
    expect(r).toEqual({ code: 65, stdout: '', stderr: `a.json:${where}\n` });
  });
});
