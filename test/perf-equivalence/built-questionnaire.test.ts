/**
 * The bundled questionnaire's built form (dist/questionnaires/sciatica-massage.json, made by
 * `npm run build`) is the YAML loaded by the full loader, exactly; the CLI gives the same bytes
 * from it; and a YAML edited after the build is never served stale (issue 12.1).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { loadBuiltQuestionnaire } from '../../src/questionnaire/load-built.js';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import type { AnswerValue, Question, Questionnaire } from '../../src/questionnaire/model.js';
import { packageCopy } from '../helpers/package-copy.js';
import { ROOT, runBin } from '../helpers/spawn-bin.js';

const YAML = join(ROOT, 'questionnaires/sciatica-massage.yaml');
const BUILT = join(ROOT, 'dist/questionnaires/sciatica-massage.json');



function valueArb(q: Question): fc.Arbitrary<AnswerValue> {
  const unsure = q.unsure ? ['unsure'] : [];
  switch (q.type) {
    case 'yesno':
      return fc.constantFrom('yes', 'no', ...unsure);
    case 'choice':
      return fc.constantFrom(...q.options.map((o) => o.value), ...unsure);
    case 'multi':
      return fc.subarray(q.options.map((o) => o.value));
    case 'number':
      return fc.oneof(fc.integer({ min: q.min ?? 0, max: q.max ?? 120 }), ...(unsure.length ? [fc.constant('unsure')] : []));
    case 'scale':
      return fc.oneof(fc.integer({ min: q.min, max: q.max }), ...(unsure.length ? [fc.constant('unsure')] : []));
  }
}

/** Answer sets for `q`: every question answered or left out at random. */
function answersArb(q: Questionnaire): fc.Arbitrary<Record<string, AnswerValue>> {
  return fc.record(Object.fromEntries(q.questions.map((x) => [x.id, valueArb(x)])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, AnswerValue>>;
}

describe('the bundled questionnaire’s built form', () => {
  it('is exactly what the full loader makes of the YAML: same model, same SHA-256 of the YAML, frozen', async () => {
    const full = await loadQuestionnaire(YAML);
    const built = await loadBuiltQuestionnaire(YAML, BUILT, YAML);
    expect(built.kind).toBe('loaded');
    if (built.kind !== 'loaded') return;
    expect(built.questionnaire).toStrictEqual(full);
    expect(built.questionnaire.sha256).toBe(full.sha256);
    expect(Object.isFrozen(built.questionnaire.questions[0]?.pos)).toBe(true);
  });

  it('gives the CLI the same output bytes as the YAML through the full loader (evaluate, text and JSON)', async () => {
    const q = await loadQuestionnaire(YAML);
    const samples = fc.sample(answersArb(q), { numRuns: 6, seed: 12 });
    for (const answers of samples) {
      const stdin = JSON.stringify({ questionnaire: q.id, version: q.version, answers });
      for (const format of ['json', 'text']) {
        const bundled = await runBin(['evaluate', '-', '--format', format], { stdin });
        const yaml = await runBin(['evaluate', '-', '--format', format, '--questionnaire', YAML], { stdin });
        expect(bundled.code).toBe(yaml.code);
        expect(bundled.stdout).toBe(yaml.stdout);
        expect(bundled.stderr).toBe(yaml.stderr);
      }
    }
  }, 120_000);

  it('is what the CLI uses for the bundled questionnaire (a marked built form shows in the output)', async () => {
    const dir = packageCopy();
    // A built form whose every outcome title is marked: if the CLI used it, the marks show.
    const built = JSON.parse(readFileSync(join(dir, 'dist/questionnaires/sciatica-massage.json'), 'utf8')) as { questionnaire: { outcomes: { title: string }[] } };
    for (const o of built.questionnaire.outcomes) o.title = `BUILT ${o.title}`;
    writeFileSync(join(dir, 'dist/questionnaires/sciatica-massage.json'), JSON.stringify(built));
    const r = await runBin(['evaluate', fileURLToPath(new URL('../fixtures/answers/unassessed-long-pain.json', import.meta.url))], { cwd: dir, bin: join(dir, 'bin/sciatica-screen.js') });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('BUILT ');
  });

  for (const [what, edit] of [
    ['the same size', (s: string) => s.replace(/Massage is a reasonable/, 'Massage is a REASONABLE')],
    ['another size', (s: string) => `${s}\n# edited after the build\n`],
  ] as const) {
    it(`is never served stale: a YAML edited after the build (${what}) is read from the YAML, with a note`, async () => {
      const dir = packageCopy();
      const yaml = join(dir, 'questionnaires/sciatica-massage.yaml');
      const before = readFileSync(yaml, 'utf8');
      const after = edit(before);
      expect(after).not.toBe(before);
      writeFileSync(yaml, after);
      const fixture = fileURLToPath(new URL('../fixtures/answers/unassessed-long-pain.json', import.meta.url));
      const stale = await runBin(['evaluate', fixture, '--format', 'json'], { cwd: dir, bin: join(dir, 'bin/sciatica-screen.js') });
      const direct = await runBin(['evaluate', fixture, '--format', 'json', '--questionnaire', yaml], { cwd: dir, bin: join(dir, 'bin/sciatica-screen.js') });
      expect(stale.code).toBe(0);
      expect(stale.stdout).toBe(direct.stdout);
      expect(stale.stderr).toBe('sciatica-screen: note: the bundled questionnaire is read from its YAML (slower): its YAML changed after the build; `npm run build` rebuilds it\n');
      // The result names the edited YAML, not the one the built form was made from.
      expect(JSON.parse(stale.stdout).questionnaire.sha256).toBe(createHash('sha256').update(after).digest('hex'));
    });
  }

  it('says so when the built form is broken, and still answers from the YAML', async () => {
    const dir = packageCopy();
    writeFileSync(join(dir, 'dist/questionnaires/sciatica-massage.json'), '{"format":');
    const fixture = fileURLToPath(new URL('../fixtures/answers/unassessed-long-pain.json', import.meta.url));
    const r = await runBin(['evaluate', fixture, '--format', 'json'], { cwd: dir, bin: join(dir, 'bin/sciatica-screen.js') });
    const ok = await runBin(['evaluate', fixture, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('its built form is not valid JSON');
    expect(JSON.parse(r.stdout)).toMatchObject({ disposition: JSON.parse(ok.stdout).disposition });
  });

  it('is absent, not stale, when there is none (running from the TypeScript sources): the caller loads the YAML without a note', async () => {
    expect(await loadBuiltQuestionnaire(YAML, join(tmpdir(), 'no-such-dir', 'built.json'), YAML)).toEqual({ kind: 'absent' });
  });
});
