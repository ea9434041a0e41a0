/**
 * batch's summary-only path (no explained Result, no answers object per record) writes exactly
 * the bytes the full path would: every summary record equals the summary cut from the same
 * record's `--full` Result, for JSONL and CSV input (unquoted, and quoted as R's write.csv
 * writes it), JSONL and CSV output, one thread and workers. The built binary, as a user runs it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import type { Question } from '../../src/questionnaire/model.js';
import { ROOT, runBin } from '../helpers/spawn-bin.js';

const RECORDS = 3000;
const dir = mkdtempSync(join(tmpdir(), 'batch-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const q = await loadQuestionnaire(join(ROOT, 'questionnaires/sciatica-massage.yaml'));
let state = 7;
const rnd = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
function answerFor(x: Question): unknown {
  const r = rnd();
  if (r < 0.08) return undefined;
  switch (x.type) {
    case 'yesno':
      return r < 0.8 ? 'no' : x.unsure && r < 0.9 ? 'unsure' : 'yes';
    case 'choice':
      return x.options[Math.floor(rnd() * x.options.length)]!.value;
    case 'multi':
      return x.options.filter(() => rnd() < 0.3).map((o) => o.value);
    case 'number':
      return Math.round((x.min ?? 0) + rnd() * ((x.max ?? 100) - (x.min ?? 0)));
    case 'scale':
      return Math.round(x.min + rnd() * (x.max - x.min));
  }
}
const columns = ['id', ...q.questions.map((x) => x.id)];
const numeric = new Set(q.questions.filter((x) => x.type === 'number' || x.type === 'scale').map((x) => x.id));
const jsonl: string[] = [];
const csv: string[] = [columns.join(',')];
const quoted: string[] = [columns.map((c) => `"${c}"`).join(',')];
for (let i = 1; i <= RECORDS; i++) {
  const answers: Record<string, unknown> = {};
  for (const x of q.questions) {
    const a = answerFor(x);
    if (a !== undefined) answers[x.id] = a;
  }
  if (i % 97 === 0) answers.fever = 'maybe'; // an error record now and then
  const id = `r${i}`;
  jsonl.push(JSON.stringify(i % 5 === 0 ? answers : { questionnaire: q.id, id, answers }));
  const cell = (c: string) => (c === 'id' ? id : answers[c] === undefined ? '' : Array.isArray(answers[c]) ? (answers[c] as string[]).join(';') : String(answers[c]));
  csv.push(columns.map(cell).join(','));
  quoted.push(columns.map((c) => (cell(c) === '' ? '' : numeric.has(c) ? cell(c) : `"${cell(c)}"`)).join(','));
}
const files = {
  jsonl: join(dir, 'in.jsonl'),
  csv: join(dir, 'in.csv'),
  quoted: join(dir, 'in-quoted.csv'),
};
writeFileSync(files.jsonl, `${jsonl.join('\n')}\n`);
writeFileSync(files.csv, `${csv.join('\n')}\n`);
writeFileSync(files.quoted, `${quoted.join('\n')}\n`);

interface FullRecord {
  line: number;
  id?: string;
  error?: string;
  result?: { disposition: string; cautions: { id: string }[]; fired: { rule: string }[]; missing: string[] };
}
/** The summary record that the full record's Result gives (key order as batch writes it). */
function summaryLine(f: FullRecord): string {
  if (f.result === undefined) return JSON.stringify(f);
  const r = f.result;
  const s = { disposition: r.disposition, cautions: r.cautions.map((c) => c.id), fired: r.fired.map((x) => x.rule), missing: r.missing };
  return JSON.stringify(f.id === undefined ? { line: f.line, ...s } : { line: f.line, id: f.id, ...s });
}

describe('batch summary records are the summary of the full Result, byte for byte', () => {
  for (const [name, file] of Object.entries(files)) {
    for (const jobs of ['1', '2']) {
      it(`${name} input, --jobs ${jobs}: JSONL and CSV output`, async () => {
        const full = await runBin(['batch', file, '--full', '--jobs', jobs]);
        const summary = await runBin(['batch', file, '--jobs', jobs]);
        expect(summary.code).toBe(65); // the error records
        expect(full.code).toBe(65);
        const fullLines = full.stdout.trimEnd().split('\n');
        expect(fullLines).toHaveLength(RECORDS);
        expect(summary.stdout).toBe(`${fullLines.map((l) => summaryLine(JSON.parse(l) as FullRecord)).join('\n')}\n`);
        expect(summary.stderr).toBe(full.stderr.replace(/ · [\d.]+ s · \d+ records\/s/, summary.stderr.match(/ · [\d.]+ s · \d+ records\/s/)?.[0] ?? ''));

        // CSV output: the same first seven columns as --full's (which adds `result`).
        const csvFull = await runBin(['batch', file, '--to', 'csv', '--full', '--jobs', jobs]);
        const csvSummary = await runBin(['batch', file, '--to', 'csv', '--jobs', jobs]);
        const rows = csvSummary.stdout.trimEnd().split('\n');
        expect(rows[0]).toBe('line,id,disposition,cautions,fired,missing,error');
        expect(rows).toHaveLength(RECORDS + 1);
        const fullRows = csvFull.stdout.trimEnd().split('\n');
        // A full row is the summary row plus one more field: the Result as quoted JSON.
        for (let i = 1; i < rows.length; i++) expect(fullRows[i]!.startsWith(`${rows[i]},`)).toBe(true);
      }, 300_000);
    }
  }
});
