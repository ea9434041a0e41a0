/**
 * `--jobs N` evaluates in N threads: the main thread and N − 1 workers, chunks going to whichever
 * is free (src/io/batch/chunk-runner.ts). Whatever the split, the output is the same bytes in the
 * same order as one thread gives, error records and stderr included, for JSONL, a JSON array and
 * CSV, on standard output and with -o. The built binary, as a user runs it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/spawn-bin.js';

const dir = mkdtempSync(join(tmpdir(), 'batch-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// About 1.6 MB: many 32 KiB chunks, so both threads get some. Every 997th record is bad in
// one of the ways a reader must refuse: a repeated key, an unknown question, broken JSON.
const YESNO = ['saddle_numbness', 'bladder_change', 'bowel_change', 'fever', 'night_pain', 'weight_loss', 'trauma'];
const lines: string[] = [];
for (let i = 0; i < 9000; i++) {
  const answers: Record<string, unknown> = { leg_pain: i % 3 === 0 ? 'no' : 'yes', age: 20 + (i % 60), pain_intensity: i % 11 };
  YESNO.forEach((k, j) => (answers[k] = (i >> j) % 7 === 0 ? 'yes' : 'no'));
  let line = JSON.stringify({ questionnaire: 'sciatica-massage', version: '1.1.0', id: `p${i}`, answers });
  if (i % 997 === 1) line = line.replace('"fever"', '"fever":"no","fever"');
  if (i % 997 === 2) line = line.replace('"fever"', '"feverr"');
  if (i % 997 === 3) line = line.slice(0, -5);
  lines.push(line);
}
const jsonl = join(dir, 'in.jsonl');
writeFileSync(jsonl, `${lines.join('\n')}\n`);
const array = join(dir, 'in.json');
writeFileSync(array, `[\n${lines.filter((_, i) => i % 997 !== 3).join(',\n')}\n]\n`);
const csv = join(dir, 'in.csv');
const cols = ['id', 'leg_pain', 'age', 'pain_intensity', ...YESNO];
writeFileSync(csv, `${cols.join(',')}\n${Array.from({ length: 20000 }, (_, i) => [`c${i}`, i % 2 ? 'yes' : 'no', String(20 + (i % 60)), String(i % 11), ...YESNO.map((_, j) => ((i >> j) % 5 === 0 ? 'yes' : 'no'))].join(',')).join('\n')}\n`);

/** stderr without the run's time and rate, which differ from run to run. */
const steady = (s: string) => s.replace(/ · [\d.]+ s · \d+ records\/s/, '');

describe('--jobs N gives the bytes one thread gives', () => {
  for (const [name, input, extra] of [
    ['JSONL', jsonl, []],
    ['a JSON array', array, []],
    ['CSV to CSV', csv, ['--to', 'csv']],
  ] as const) {
    it(name, async () => {
      const one = await runBin(['batch', input, '--jobs', '1', ...extra]);
      expect(one.code).toBe(name === 'CSV to CSV' ? 0 : 65);
      expect(one.stdout.split('\n').length).toBeGreaterThan(8900);
      for (const jobs of ['2', '3']) {
        const many = await runBin(['batch', input, '--jobs', jobs, ...extra]);
        expect(many.code, `--jobs ${jobs}`).toBe(one.code);
        expect(many.stdout === one.stdout, `--jobs ${jobs}: the same output bytes`).toBe(true);
        expect(steady(many.stderr)).toBe(steady(one.stderr));
      }
    });
  }

  it('to a file with -o, the default jobs', async () => {
    const one = await runBin(['batch', jsonl, '--jobs', '1']);
    const out = join(dir, 'out.jsonl');
    const r = await runBin(['batch', jsonl, '-o', out, '--jobs', '2']);
    expect(r.code).toBe(65);
    expect(readFileSync(out, 'utf8') === one.stdout).toBe(true);
  });
});
