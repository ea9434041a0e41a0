/**
 * `evaluate -o` writes through the same atomic writer as `batch -o`, with the same refusals: never
 * over its own answers file (even with --force: the answers would be replaced by the result), and
 * `-o ""` is a usage error, not "it is a folder".
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'evaluate-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('evaluate -o', () => {
  it('never writes over its own answers file, by name or through a link, even with --force', async () => {
    const answers = join(dir, 'a.json');
    const text = '{"questionnaire":"sciatica-massage","answers":{"leg_pain":"no","age":40}}';
    writeFileSync(answers, text);
    symlinkSync(answers, join(dir, 'a-link.json'));
    for (const out of ['a.json', 'a-link.json']) {
      const r = await runCli(['evaluate', 'a.json', '--format', 'json', '-o', out, '--force'], { cwd: dir });
      expect(r.code).toBe(73);
      expect(r.stderr).toBe(`sciatica-screen: cannot write ${out}: it is the input file (the results would replace the answers); write them to another file\n`);
    }
    expect(readFileSync(answers, 'utf8')).toBe(text);
    const ok = await runCli(['evaluate', 'a.json', '--format', 'json', '-o', 'result.json'], { cwd: dir });
    expect(ok.code).toBe(0);
  });

  it('-o "" is a usage error', async () => {
    writeFileSync(join(dir, 'b.json'), '{"leg_pain":"no"}');
    const r = await runCli(['evaluate', 'b.json', '-o', ''], { cwd: dir });
    expect(r).toMatchObject({ code: 64, stderr: 'sciatica-screen: -o needs a file name (or leave it out to write to standard output)\n' });
  });
});
