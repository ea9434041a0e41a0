// `batch` in-process with the real engine and the bundled questionnaire: formats in and out,
// stdin/stdout, error records and exit codes, -o, and the same results as `evaluate`.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync, symlinkSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { VIGNETTES } from '../helpers/clinical-paths.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/batch');

interface Vignette {
  id: string;
  answers: Record<string, unknown>;
  expected: { disposition: string };
}
const vignettes: Vignette[] = existsSync(VIGNETTES) ? (parseYaml(readFileSync(VIGNETTES, 'utf8')) as { vignettes: Vignette[] }).vignettes : [];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'batch-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
function jsonLines(out: string): Record<string, unknown>[] {
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const GOOD = { leg_pain: 'no', age: 40 };

describe('batch: input formats', () => {
  it('JSONL from stdin to stdout: one line per record, in order, summary only on stderr', async () => {
    const input = vignettes
      .slice(0, 3)
      .map((v) => JSON.stringify({ questionnaire: 'sciatica-massage', version: '1.0.0', id: v.id, answers: v.answers }))
      .join('\n');
    const r = await runCli(['batch', '-'], { stdin: `${input}\n` });
    expect(r.code).toBe(0);
    const out = jsonLines(r.stdout);
    expect(out.map((o) => [o.line, o.id, o.disposition])).toEqual(vignettes.slice(0, 3).map((v, i) => [i + 1, v.id, v.expected.disposition]));
    expect(Object.keys(out[0] ?? {})).toEqual(['line', 'id', 'disposition', 'cautions', 'fired', 'missing']);
    expect(r.stderr).toMatch(/^batch: 3 records read: 3 evaluated \(emergency 3\), 0 errors · \d+\.\d\d s · \d+ records\/s\n$/);
  });

  it('CSV: header of question ids and id, empty cell unanswered, quoted fields, BOM and CRLF', async () => {
    const path = file('in.csv', '\uFEFFid,leg_pain,"age"\r\n"p,1",no,40\r\n"p""2",no,\r\n');
    const r = await runCli(['batch', path]);
    expect(r.code).toBe(0);
    const out = jsonLines(r.stdout);
    expect(out.map((o) => [o.line, o.id])).toEqual([
      [2, 'p,1'],
      [3, 'p"2'],
    ]);
    expect(out[1]?.missing).toContain('age');
  });

  it('a JSON array, with the line each element starts on', async () => {
    const path = file('in.json', `[\n  ${JSON.stringify(GOOD)},\n  ${JSON.stringify({ ...GOOD, pain_intensity: 14 })}\n]\n`);
    const r = await runCli(['batch', path, '--to', 'json']);
    expect(r.code).toBe(65);
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(out.map((o) => o.line)).toEqual([2, 3]);
    expect(out[1]).toEqual({ line: 3, element: 1, error: '"pain_intensity": 14 is above the maximum 10' });
  });

  it('--from says the format when the name does not; without it the command refuses', async () => {
    const path = file('answers.txt', `${JSON.stringify(GOOD)}\n`);
    expect((await runCli(['batch', path, '--from', 'jsonl'])).code).toBe(0);
    const r = await runCli(['batch', path]);
    expect(r).toMatchObject({ code: 64, stdout: '' });
    expect(r.stderr).toContain(`cannot tell the format of ${path} from its name; add --from jsonl, --from csv or --from json`);
  });

  it('stdin can be CSV with --from csv', async () => {
    const r = await runCli(['batch', '-', '--from', 'csv', '--to', 'csv'], { stdin: 'leg_pain,age\nno,40\n' });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('line,id,disposition,cautions,fired,missing,error');
    expect(r.stdout.split('\n')[1]).toMatch(/^2,,[a-z_]+,/);
  });
});

describe('batch: output formats', () => {
  const input = `${JSON.stringify(GOOD)}\n{broken\n`;

  it('jsonl (default), csv and json carry the same records', async () => {
    const jsonl = jsonLines((await runCli(['batch', '-'], { stdin: input })).stdout);
    const json = JSON.parse((await runCli(['batch', '-', '--to', 'json'], { stdin: input })).stdout) as Record<string, unknown>[];
    expect(json).toEqual(jsonl);
    const csv = (await runCli(['batch', '-', '--to', 'csv'], { stdin: input })).stdout.trim().split('\n');
    const good = jsonl[0]!;
    expect(csv[1]).toBe(`1,,${String(good.disposition)},${(good.cautions as string[]).join(' ')},${(good.fired as string[]).join(' ')},${(good.missing as string[]).join(' ')},`);
    expect(csv[2]).toMatch(/^2,,,,,,"?column \d+: /);
  });

  it('an empty input gives an empty JSON array and exit 0', async () => {
    const r = await runCli(['batch', '-', '--to', 'json'], { stdin: '' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('--full gives the whole Result', async () => {
    const r = await runCli(['batch', '-', '--full'], { stdin: input });
    const [good] = jsonLines(r.stdout);
    expect(Object.keys(good ?? {})).toEqual(['line', 'result']);
    expect(good?.result).toMatchObject({ format: 'sciatica-screen/result', formatVersion: 1, questionnaire: { id: 'sciatica-massage' } });
  });

  it('CSV output neutralises formulas coming from the input', async () => {
    const r = await runCli(['batch', '-', '--to', 'csv'], {
      stdin: `${JSON.stringify({ questionnaire: 'sciatica-massage', id: '=HYPERLINK("http://evil","x")', answers: GOOD })}\n${JSON.stringify({ questionnaire: 'sciatica-massage', id: '+1', answers: { pain_intensity: 14 } })}\n`,
    });
    const rows = r.stdout.trim().split('\n');
    expect(rows[1]).toMatch(/^1,"'=HYPERLINK\(""http:\/\/evil"",""x""\)",/);
    expect(rows[2]).toBe(`2,'+1,,,,,"""pain_intensity"": 14 is above the maximum 10"`);
  });

  it('-o writes the file atomically and leaves no temporary file', async () => {
    const out = join(dir, 'out', 'results.csv');
    mkdirSync(join(dir, 'out'), { recursive: true });
    const r = await runCli(['batch', '-', '--to', 'csv', '-o', out], { stdin: `${JSON.stringify(GOOD)}\n` });
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('line,id,disposition,cautions,fired,missing,error');
    expect(readdirSync(join(dir, 'out'))).toEqual(['results.csv']);
  });
});

describe('batch: bad records and exit codes', () => {
  it('every bad record class becomes an error record and a stderr line; the good ones are all written; exit 65', async () => {
    const records = [
      JSON.stringify(GOOD),
      '{"leg_pain": "no",',
      JSON.stringify({ leg_pian: 'no' }),
      JSON.stringify({ ...GOOD, pain_intensity: 14 }),
      JSON.stringify({ questionnaire: 'another', version: '1.0.0', id: 'p5', answers: GOOD }),
      JSON.stringify(GOOD),
    ];
    const r = await runCli(['batch', '-'], { stdin: `${records.join('\n')}\n` });
    expect(r.code).toBe(65);
    const out = jsonLines(r.stdout);
    expect(out.map((o) => o.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out.filter((o) => 'disposition' in o).map((o) => o.line)).toEqual([1, 6]);
    expect(out[2]).toEqual({ line: 3, error: '"leg_pian" is not a question of sciatica-massage (did you mean "leg_pain"?)' });
    expect(out[3]).toEqual({ line: 4, error: '"pain_intensity": 14 is above the maximum 10' });
    expect(out[4]).toEqual({ line: 5, id: 'p5', error: 'the answers are for questionnaire "another", not "sciatica-massage"' });
    const err = r.stderr.split('\n');
    expect(err[0]).toMatch(/^<stdin>:2:\d+: /);
    expect(err.slice(1, 4)).toEqual([
      '<stdin>:3: "leg_pian" is not a question of sciatica-massage (did you mean "leg_pain"?)',
      '<stdin>:4: "pain_intensity": 14 is above the maximum 10',
      '<stdin>:5: the answers are for questionnaire "another", not "sciatica-massage"',
    ]);
    expect(err[4]).toMatch(/^batch: 6 records read: 2 evaluated \(.+\), 4 errors · /);
  });

  it('a missing input file is exit 66', async () => {
    const r = await runCli(['batch', join(dir, 'nope.jsonl')]);
    expect(r).toMatchObject({ code: 66, stdout: '' });
    expect(r.stderr).toBe(`sciatica-screen: cannot read ${join(dir, 'nope.jsonl')}: no such file\n`);
  });

  it('an invalid questionnaire is exit 78', async () => {
    const q = file('bad.yaml', 'id: x\nversion: 1\n');
    const r = await runCli(['batch', '-', '--questionnaire', q], { stdin: '{}\n' });
    expect(r.code).toBe(78);
    expect(r.stderr).toContain(q);
  });

  it('an unwritable -o is exit 73 and nothing is read', async () => {
    const r = await runCli(['batch', '-', '-o', join(dir, 'no-such-dir', 'out.jsonl')], { stdin: `${JSON.stringify(GOOD)}\n` });
    expect(r.code).toBe(73);
    expect(r.stderr).toBe(`sciatica-screen: cannot write ${join(dir, 'no-such-dir', 'out.jsonl')}: the folder does not exist\n`);
  });

  it('a JSON input that is not an array stops with exit 65 and its line', async () => {
    const path = file('obj.json', '\n{"leg_pain":"no"}\n');
    const r = await runCli(['batch', path]);
    expect(r.code).toBe(65);
    expect(r.stderr).toBe(`sciatica-screen: ${path}:2: expected a JSON array starting with [, found "{"\n`);
  });

  it('a JSONL line over 4 MiB becomes an error record and the batch goes on', async () => {
    const huge = `{"leg_pain":"${'x'.repeat(5 * 1024 * 1024)}"}`;
    const path = file('huge.jsonl', `${JSON.stringify(GOOD)}\n${huge}\n${JSON.stringify(GOOD)}\n`);
    const r = await runCli(['batch', path]);
    expect(r.code).toBe(65);
    const out = jsonLines(r.stdout);
    expect(out.map((x) => x.line)).toEqual([1, 2, 3]);
    expect(out[1]).toEqual({ line: 2, error: 'the record is longer than 4 MiB' });
    expect(r.stderr).toContain(`${path}:2: the record is longer than 4 MiB\n`);
    // …also when it is the last line, without a final LF.
    const last = await runCli(['batch', file('huge-last.jsonl', `${JSON.stringify(GOOD)}\n${huge}`)]);
    expect(jsonLines(last.stdout).map((x) => [x.line, x.error])).toEqual([[1, undefined], [2, 'the record is longer than 4 MiB']]);
  });

  it('-o naming a folder is exit 73 before anything is read', async () => {
    mkdirSync(join(dir, 'a-folder'), { recursive: true });
    const r = await runCli(['batch', '-', '-o', join(dir, 'a-folder')], { stdin: `${JSON.stringify(GOOD)}\n` });
    expect(r).toEqual({ code: 73, stdout: '', stderr: `sciatica-screen: cannot write ${join(dir, 'a-folder')}: it is a folder\n` });
  });

  it('-o --force through a symbolic link replaces the target and keeps the link', async () => {
    const target = file('target.jsonl', 'old\n');
    const link = join(dir, 'link.jsonl');
    symlinkSync(target, link);
    const r = await runCli(['batch', '-', '-o', link, '--force'], { stdin: `${JSON.stringify(GOOD)}\n` });
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(jsonLines(readFileSync(target, 'utf8'))[0]).toMatchObject({ line: 1 });
  });

  it('a bad --to is a usage error', async () => {
    expect((await runCli(['batch', '-', '--to', 'xml'], { stdin: '' })).code).toBe(64);
  });
});

describe('batch: the same results as evaluate', () => {
  it.skipIf(vignettes.length === 0)('every sample vignette: batch --full equals evaluate --format json', async () => {
    const lines = vignettes.map((v) => JSON.stringify({ questionnaire: 'sciatica-massage', version: '1.0.0', id: v.id, answers: v.answers }));
    const batch = jsonLines((await runCli(['batch', '-', '--full'], { stdin: `${lines.join('\n')}\n` })).stdout);
    expect(batch).toHaveLength(vignettes.length);
    for (const [i, v] of vignettes.entries()) {
      const answers = file(`${v.id}.json`, JSON.stringify({ questionnaire: 'sciatica-massage', answers: v.answers }));
      const single = await runCli(['evaluate', answers, '--format', 'json']);
      expect(single.code).toBe(0);
      expect(batch[i]).toEqual({ line: i + 1, id: v.id, result: JSON.parse(single.stdout) });
      expect((batch[i]?.result as { disposition: string }).disposition).toBe(v.expected.disposition);
    }
  });

  it.skipIf(vignettes.length === 0)('and the same through CSV', async () => {
    const ids = [...new Set(vignettes.flatMap((v) => Object.keys(v.answers)))];
    const cell = (x: unknown) => (x === undefined ? '' : Array.isArray(x) ? x.join(';') : String(x));
    const csv = [['id', ...ids].join(','), ...vignettes.map((v) => [v.id, ...ids.map((k) => cell(v.answers[k]))].join(','))].join('\n');
    const out = jsonLines((await runCli(['batch', '-', '--from', 'csv'], { stdin: `${csv}\n` })).stdout);
    expect(out.map((o) => [o.id, o.disposition])).toEqual(vignettes.map((v) => [v.id, v.expected.disposition]));
  });
});

describe('batch: progress', () => {
  it('on a terminal, stderr shows records, rate and percent, erased before the summary', async () => {
    const path = file('p.jsonl', `${JSON.stringify(GOOD)}\n`);
    const r = await runCli(['batch', path], { tty: true });
    expect(r.stderr).toMatch(/^\r\x1b\[2K\[#{20}\] 100% · batch: 1 records · \d+\/s\r\x1b\[2Kbatch: 1 record read: /);
  });

  it('not on a terminal: only the summary', async () => {
    const r = await runCli(['batch', '-'], { stdin: `${JSON.stringify(GOOD)}\n` });
    expect(r.stderr).toMatch(/^batch: 1 record read: 1 evaluated \([a-z_]+ 1\), 0 errors · [^\r\x1b]+\n$/);
  });
});

describe('batch: fixtures', () => {
  it('the documented example files run as docs/batch.md says', async () => {
    const r = await runCli(['batch', join(FIXTURES, 'scattered-bad.jsonl')]);
    expect(r.code).toBe(65);
    const out = jsonLines(r.stdout);
    expect(out.filter((o) => 'error' in o).map((o) => o.line)).toEqual([3, 6, 9]);
    expect(out).toHaveLength(10);
  });
});
