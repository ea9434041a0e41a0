/**
 * batch reads every record with evaluate's reader (src/io/answers-file.ts): the same checks, the
 * same messages, whatever the format and --jobs. Found from outside: a record with a repeated key
 * (`"saddle_numbness":"yes"` then `"no"`) came out `massage_ok` from batch while evaluate refused
 * it. Also the odd inputs of issue 9.10: 400-digit numbers, CR-only line ends, --jobs 10.
 * The built binary, as a user runs it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/spawn-bin.js';

const DUP = '{"saddle_numbness":"yes","saddle_numbness":"no","leg_pain":"no","age":40}';
const GOOD = '{"leg_pain":"no","age":40}';
/** Enough records that batch starts worker threads (inputs under 256 KiB run in-process). */
const FILL = Array.from({ length: 12_000 }, () => GOOD);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'batch-one-reader-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function records(stdout: string): Record<string, unknown>[] {
  const t = stdout.trim();
  if (t.startsWith('[')) return JSON.parse(t) as Record<string, unknown>[];
  return t.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('a repeated key is an error record, with evaluate\'s message', () => {
  it('evaluate refuses it (the reference)', async () => {
    const path = file('dup.json', DUP);
    const r = await runBin(['evaluate', path]);
    expect(r.code).toBe(65);
    expect(r.stderr).toBe(`${path}:1:26: "saddle_numbness" appears twice in the same object\n`);
  });

  for (const jobs of ['1', '2']) {
    it(`JSONL, --jobs ${jobs}`, async () => {
      const path = file(`dup-${jobs}.jsonl`, `${GOOD}\n${DUP}\n${FILL.join('\n')}\n`);
      const r = await runBin(['batch', path, '--jobs', jobs]);
      expect(r.code).toBe(65);
      const out = records(r.stdout);
      expect(out).toHaveLength(2 + FILL.length);
      expect(out[1]).toEqual({ line: 2, error: 'column 26: "saddle_numbness" appears twice in the same object' });
      expect(out.filter((o) => 'error' in o)).toHaveLength(1);
      expect(r.stderr.split('\n')[0]).toBe(`${path}:2:26: "saddle_numbness" appears twice in the same object`);
    });

    it(`a JSON array (one element per line, and all on one line), --jobs ${jobs}`, async () => {
      const lines = file(`dup-${jobs}.json`, `[\n${GOOD},\n  ${DUP},\n${FILL.join(',\n')}\n]\n`);
      const r = await runBin(['batch', lines, '--jobs', jobs]);
      expect(r.code).toBe(65);
      expect(records(r.stdout)[1]).toEqual({ line: 3, element: 1, error: 'column 28: "saddle_numbness" appears twice in the same object' });
      expect(r.stderr.split('\n')[0]).toBe(`${lines}:3:28: element 1: "saddle_numbness" appears twice in the same object`);

      const oneLine = file(`dup-one-line-${jobs}.json`, `[${GOOD},${DUP},${FILL.join(',')}]`);
      const o = await runBin(['batch', oneLine, '--jobs', jobs]);
      expect(o.code).toBe(65);
      const col = GOOD.length + 3 + 25; // "[" + GOOD + "," then the key's column within DUP
      expect(records(o.stdout)[1]).toEqual({ line: 1, element: 1, error: `column ${col}: "saddle_numbness" appears twice in the same object` });
      expect(o.stderr.split('\n')[0]).toBe(`${oneLine}:1:${col}: element 1: "saddle_numbness" appears twice in the same object`);
    });
  }

  it('a key repeated through an escape (`"\\u0061ge"` is `"age"`), and deep inside an object, too', async () => {
    const r = await runBin(['batch', '-'], { stdin: `{"age":40,"\\u0061ge":41,"leg_pain":"no"}\n{"questionnaire":"sciatica-massage","answers":{"leg_pain":"no","leg_pain":"yes"}}\n` });
    expect(r.code).toBe(65);
    expect(records(r.stdout).map((o) => o.error)).toEqual(['column 11: "age" appears twice in the same object', 'column 64: "leg_pain" appears twice in the same object']);
  });

  it('bytes that are not UTF-8: an error record, as evaluate refuses such a file', async () => {
    const path = join(dir, 'latin1.jsonl');
    writeFileSync(path, Buffer.concat([Buffer.from(`${GOOD}\n{"leg_pain":"no","id":"`), Buffer.from([0xe9]), Buffer.from(`"}\n${GOOD}\n`)]));
    const r = await runBin(['batch', path]);
    expect(r.code).toBe(65);
    expect(records(r.stdout).map((o) => o.error)).toEqual([undefined, 'not valid UTF-8 text', undefined]);
  });
});

describe('odd inputs (issue 9.10)', () => {
  it('a valid JSON number of 400+ digits: a right message, the same in evaluate and batch', async () => {
    const big = `1${'0'.repeat(420)}`;
    const r = await runBin(['batch', '-'], { stdin: `{"leg_pain":"no","age":${big}}\n{"leg_pain":"no","age":4${'0'.repeat(400)}e-399}\n` });
    expect(r.code).toBe(65);
    const out = records(r.stdout);
    expect(out[0]).toEqual({ line: 1, error: '"age": the number is too large to be an answer; the maximum is 110' });
    expect(out[1]).toMatchObject({ line: 2, disposition: expect.any(String) }); // 40: a value
    const path = file('big.json', `{"leg_pain":"no","age":${big}}`);
    const e = await runBin(['evaluate', path]);
    expect(e.code).toBe(65);
    expect(e.stderr).toBe(`${path}: "age": the number is too large to be an answer; the maximum is 110\n`);
  });

  it('CR-only line ends (old Mac "CSV (Macintosh)"): JSONL and CSV are read line by line', async () => {
    const jsonl = await runBin(['batch', '-'], { stdin: `${GOOD}\r${GOOD}\r{"leg_pain":"maybe"}\r` });
    expect(jsonl.code).toBe(65);
    expect(records(jsonl.stdout).map((o) => o.line)).toEqual([1, 2, 3]);
    const csv = await runBin(['batch', '-', '--from', 'csv'], { stdin: 'id,leg_pain,age\rp1,no,40\rp2,no,41\r' });
    expect(csv.code).toBe(0);
    expect(records(csv.stdout).map((o) => [o.line, o.id])).toEqual([
      [2, 'p1'],
      [3, 'p2'],
    ]);
  });

  it('CR-only line ends in a questionnaire are line breaks, not "the file has only comments"', async () => {
    const q = file('cr.yaml', '# a questionnaire\rid: x\rversion: 1.0.0\r');
    const r = await runBin(['validate', q]);
    expect(r.stderr).not.toContain('only comments');
    expect(r.stderr).toContain(`${q}:2:1: error: the questionnaire is missing "title"`);
  });

  it('--jobs 10 prints no MaxListenersExceededWarning', async () => {
    const path = file('jobs10.jsonl', `${FILL.join('\n')}\n`);
    const r = await runBin(['batch', path, '--jobs', '10']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('Warning');
    expect(r.stderr).toMatch(/^batch: 12000 records read: 12000 evaluated/);
  });
});
