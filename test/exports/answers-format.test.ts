/**
 * The answers file format, version 1 (docs/answers-format.md): what `evaluate` and `batch` accept
 * and refuse in its envelope, each with one clear line and exit 65.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'answers-format-'));
const SCHEMA = JSON.parse(readFileSync(new URL('../../schema/answers.schema.json', import.meta.url), 'utf8')) as object;
const V1 = { format: 'sciatica-screen/answers', formatVersion: 1, questionnaire: 'sciatica-massage', version: '1.0.0', complete: false, savedAt: '2026-11-30T12:00:00.000Z', answers: { leg_pain: 'no', saddle_numbness: 'yes' } };

async function evaluateDoc(doc: unknown): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(doc));
  const r = await runCli(['evaluate', file, '--format', 'json']);
  return { ...r, stderr: r.stderr.replaceAll(`${file}: `, '') };
}

describe('answers format version 1', () => {
  it('a full v1 file is read, and matches the JSON Schema', async () => {
    const r = await evaluateDoc(V1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ disposition: 'emergency' });
    const ajv = new Ajv2020();
    expect(ajv.validate(SCHEMA, V1)).toBe(true);
  });

  it('a file from before the format (no format, formatVersion, complete, savedAt) is still read', async () => {
    const { format: _f, formatVersion: _v, complete: _c, savedAt: _s, ...old } = V1;
    expect((await evaluateDoc(old)).code).toBe(0);
  });

  it.each([
    [{ ...V1, formatVersion: 2 }, 'the answers file is format version 2, written by a newer sciatica-screen; this one reads version 1'],
    [{ ...V1, format: 'other/answers' }, '"format" must be "sciatica-screen/answers", got "other/answers"'],
    [{ ...V1, complete: 'yes' }, '"complete" must be true or false, got "yes"'],
    [{ ...V1, savedAt: 'yesterday' }, '"savedAt" must be a date and time like 2026-11-30T09:15:00.000Z, got "yesterday"'],
  ])('refuses %j with one line and exit 65', async (doc, message) => {
    const r = await evaluateDoc(doc);
    expect(r.code).toBe(65);
    expect(r.stderr).toBe(`${message}\n`);
    const ajv = new Ajv2020();
    expect(ajv.validate(SCHEMA, doc)).toBe(false);
  });
});
