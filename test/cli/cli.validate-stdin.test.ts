/**
 * `validate -` reads the questionnaire from standard input (in-process; the built binary does the
 * same in cli.validate.test.ts): named <stdin> in every line, and a stream longer than the 1 MiB
 * limit is refused after reading just past it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const MINIMAL = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'questionnaires', 'valid', 'minimal.yaml'), 'utf8');

describe('validate -', () => {
  it('a valid questionnaire on stdin: ok <stdin>', async () => {
    expect(await runCli(['validate', '-'], { stdin: MINIMAL })).toEqual({ code: 0, stdout: 'ok <stdin>: 1 question, 1 rule, 2 outcomes\n', stderr: '' });
  });

  it('its problems are named <stdin>:line:col, also in JSON', async () => {
    const r = await runCli(['validate', '-', '--format', 'json'], { stdin: MINIMAL.replace('version: 1.0.0', 'version: 1.0') });
    expect(r.code).toBe(78);
    const report = JSON.parse(r.stdout) as { files: Array<{ file: string; ok: boolean; problems: Array<{ file: string; line: number }> }> };
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ file: '<stdin>', ok: false });
    expect(report.files[0]?.problems[0]).toMatchObject({ file: '<stdin>', line: 4 });
  });

  it('more than 1 MiB: refused, one line', async () => {
    const r = await runCli(['validate', '-'], { stdin: `${MINIMAL}# ${'x'.repeat(2 * 1024 * 1024)}\n` });
    expect(r).toEqual({ code: 78, stdout: '', stderr: '<stdin>:1:1: error: the file is more than 1 MiB; a questionnaire may be at most 1 MiB\n' });
  });
});
