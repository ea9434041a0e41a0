/**
 * CSV as spreadsheets write it (issue 13.4, 13.5): Excel in most European locales saves
 * "CSV (semicolon-delimited)" with a BOM and CRLF; headers come in any case; extra columns
 * (Notes) are common. And CSV written back for Excel (--excel).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'batch-spreadsheet-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
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

/** What Excel (German locale) writes for "CSV (Trennzeichen-getrennt)" / UTF-8: BOM, `;`, CRLF, quotes only where needed. */
const EXCEL_SEMICOLON = '\uFEFFid;leg_pain;age;pain_side\r\np1;no;40;\r\n"p;2";yes;55;one_leg\r\np3;no;;\r\n';

describe('semicolon CSV (Excel in European locales)', () => {
  it('is detected from the header, read right (BOM, CRLF, a quoted ";" inside a cell), and stderr says which delimiter was used', async () => {
    const path = file('excel.csv', EXCEL_SEMICOLON);
    const r = await runCli(['batch', path]);
    const out = jsonLines(r.stdout);
    expect(out.map((o) => [o.line, o.id, typeof o.error])).toEqual([
      [2, 'p1', 'undefined'],
      [3, 'p;2', 'undefined'],
      [4, 'p3', 'undefined'],
    ]);
    expect(r.stderr.split('\n')[0]).toBe(`batch: ${path}: CSV fields separated by semicolons (;) (found in the header; --delimiter to choose)`);
    expect(r.code).toBe(0);
  });

  it('the same answers as the comma version of the file', async () => {
    const semi = await runCli(['batch', file('semi.csv', EXCEL_SEMICOLON)]);
    const comma = await runCli(['batch', file('comma.csv', EXCEL_SEMICOLON.replaceAll(';', ',').replace('"p,2"', '"p;2"'))]);
    expect(semi.stdout).toBe(comma.stdout);
  });

  it('--delimiter chooses (tab here), and a header that does not fit the delimiter gives one clear line', async () => {
    const tab = await runCli(['batch', file('t.csv', 'id\tleg_pain\tage\np1\tno\t40\n'), '--delimiter', 'tab']);
    expect(jsonLines(tab.stdout)[0]).toMatchObject({ line: 2, id: 'p1' });
    expect(tab.stderr.split('\n')[0]).toMatch(/CSV fields separated by tabs$/);
    const wrong = await runCli(['batch', file('w.csv', 'id;leg_pain;age\np1;no;40\n'), '--delimiter', ',']);
    expect(wrong.code).toBe(65);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr.split('\n').at(-2)).toMatch(/^sciatica-screen: .*w\.csv:1: column "id;leg_pain;age" is not a question of sciatica-massage; /);
    expect((await runCli(['batch', file('x.csv', 'a\n'), '--delimiter', '|'])).code).toBe(64);
  });
});

describe('--to csv --excel', () => {
  it('writes ";" between fields, CRLF and a BOM, quoting a ";" inside a field', async () => {
    const out = join(dir, 'for-excel.csv');
    const r = await runCli(['batch', '-', '--to', 'csv', '--excel', '-o', out], { stdin: '{"leg_pain":"no","age":40}\n{"leg_pain":"maybe"}\n' });
    expect(r.code).toBe(65);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFline;id;disposition;cautions;fired;missing;error\r\n')).toBe(true);
    const rows = text.slice(1).split('\r\n');
    expect(rows[1]).toMatch(/^1;;[a-z_]+;/);
    expect(rows[2]).toBe('2;;;;;;"""leg_pain"": ""maybe"" is not one of yes, no"');
    expect(rows).toHaveLength(4); // header, 2 records, and the empty string after the last CRLF
  });

  it('is refused without --to csv', async () => {
    const r = await runCli(['batch', '-', '--excel'], { stdin: '' });
    expect(r).toMatchObject({ code: 64, stderr: 'sciatica-screen: --excel is for CSV output: add --to csv\n' });
  });
});

describe('columns as spreadsheets name them', () => {
  it('headers in another case or with spaces map to question ids (Age, Leg pain, ID)', async () => {
    const r = await runCli(['batch', file('case.csv', 'ID,Leg pain,AGE\np1,no,40\n')]);
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout)[0]).toMatchObject({ line: 2, id: 'p1', missing: expect.not.arrayContaining(['age', 'leg_pain']) });
  });

  it('unknown columns are reported ONCE, at the start, with did-you-mean, not on every row (exit 65, nothing evaluated)', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `p${i},no,40,x,y`);
    const path = file('unknown.csv', `id,leg_pain,age,Notes,sadle_numbness\n${rows.join('\n')}\n`);
    const r = await runCli(['batch', path]);
    expect(r.code).toBe(65);
    expect(r.stdout).toBe('');
    const err = r.stderr.trim().split('\n');
    expect(err).toHaveLength(1);
    expect(err[0]).toBe(
      `sciatica-screen: ${path}:1: columns "Notes", "sadle_numbness" (did you mean "saddle_numbness"?) are not questions of sciatica-massage; rename it to a question id, or let it through with --ignore-column NAME (or --keep-column NAME to copy it into the results)`,
    );
  });

  it('--ignore-column lets a column through unread (repeatable, any case); --keep-column copies it into each result', async () => {
    const path = file('notes.csv', 'id,leg_pain,age,Notes,Clinic\np1,no,40,"called back, ok",North\np2,maybe,41,=1+1,South\n');
    const ignored = await runCli(['batch', path, '--ignore-column', 'notes', '--ignore-column', 'Clinic']);
    expect(ignored.code).toBe(65);
    expect(jsonLines(ignored.stdout).map((o) => o.id)).toEqual(['p1', 'p2']);

    const kept = await runCli(['batch', path, '--keep-column', 'Notes', '--ignore-column', 'Clinic']);
    const out = jsonLines(kept.stdout);
    expect(out[0]).toMatchObject({ line: 2, id: 'p1', columns: { Notes: 'called back, ok' }, disposition: expect.any(String) });
    expect(Object.keys(out[0] ?? {}).slice(0, 3)).toEqual(['line', 'id', 'columns']);
    expect(out[1]).toEqual({ line: 3, id: 'p2', columns: { Notes: '=1+1' }, error: '"leg_pain": "maybe" is not one of yes, no' });

    const csv = await runCli(['batch', path, '--keep-column', 'Notes', '--keep-column', 'Clinic', '--to', 'csv']);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe('line,id,disposition,cautions,fired,missing,error,Notes,Clinic');
    expect(rows[1]).toMatch(/,"called back, ok",North$/);
    expect(rows[2]).toMatch(/,'=1\+1,South$/); // neutralised like every field we write
  });

  it('a NAME that is no column, or a column option on JSONL input, is a usage error (64)', async () => {
    const path = file('n.csv', 'id,leg_pain\np1,no\n');
    const r = await runCli(['batch', path, '--ignore-column', 'Notse']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain(`--ignore-column "Notse": ${path} has no such column (its columns: "id", "leg_pain")`);
    expect((await runCli(['batch', '-', '--keep-column', 'x'], { stdin: '' })).code).toBe(64);
  });

  it('two columns answering the same question stop the batch with one line', async () => {
    const r = await runCli(['batch', file('twice.csv', 'Age,age\n40,41\n')]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain(':1: columns "Age" and "age" both answer "age"');
  });
});
