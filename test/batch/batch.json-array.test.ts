/**
 * JSON-array input as users meet it (the built binary): an element far over the 4 MiB cap is an
 * error record, found while scanning and never buffered (a 100 MB element used to crash a worker
 * with a V8 heap-limit abort, exit 134, and lose every result); and a one-line array's error
 * records say which element they are (every element is on line 1).
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/spawn-bin.js';

const GOOD = '{"leg_pain":"no","age":40}';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'batch-json-array-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('JSON array elements over the cap', () => {
  it.each([
    ['a 100 MB string', 'string'],
    ['a 100 MB object of many keys', 'object'],
  ])('%s: an error record with its line and index; the other records are all evaluated; no crash', async (_what, kind) => {
    const path = join(dir, `huge-${kind}.json`);
    const fd = openSync(path, 'w');
    writeSync(fd, `[\n${GOOD},\n`);
    const piece = kind === 'string' ? 'x'.repeat(1024 * 1024) : '"k":[1,{"a":"]}"}],'.repeat(55_000);
    writeSync(fd, kind === 'string' ? '{"leg_pain":"' : '{');
    for (let written = 0; written < 100 * 1024 * 1024; written += piece.length) writeSync(fd, piece);
    writeSync(fd, kind === 'string' ? '"},\n' : '"end":1},\n');
    writeSync(fd, `${GOOD},\n${GOOD}\n]\n`);
    closeSync(fd);
    for (const jobs of ['1', '2']) {
      const r = await runBin(['batch', path, '--jobs', jobs]);
      expect(r.code).toBe(65);
      const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(out.map((o) => [o.line, o.element, o.error])).toEqual([
        [2, undefined, undefined],
        [3, 1, 'the element is longer than 4 MiB'],
        [4, undefined, undefined],
        [5, undefined, undefined],
      ]);
      expect(r.stderr.split('\n')[0]).toBe(`${path}:3: element 1: the element is longer than 4 MiB`);
    }
  }, 120_000);
});

describe('a JSON array on one line', () => {
  it('error records carry the element index (0-based) besides the line; CSV output gets an element column', async () => {
    const input = `[${GOOD},{"leg_pain":"maybe"},${GOOD},{"pain_intensity":14}]`;
    const r = await runBin(['batch', '-', '--from', 'json'], { stdin: input });
    expect(r.code).toBe(65);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => [o.line, o.element])).toEqual([
      [1, undefined],
      [1, 1],
      [1, undefined],
      [1, 3],
    ]);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      '<stdin>:1: element 1: "leg_pain": "maybe" is not one of yes, no',
      '<stdin>:1: element 3: "pain_intensity": 14 is above the maximum 10',
    ]);
    const csv = await runBin(['batch', '-', '--from', 'json', '--to', 'csv'], { stdin: input });
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe('line,element,id,disposition,cautions,fired,missing,error');
    expect(rows[1]).toMatch(/^1,,,[a-z_]+,/);
    expect(rows[2]).toBe('1,1,,,,,,"""leg_pain"": ""maybe"" is not one of yes, no"');
  });
});
