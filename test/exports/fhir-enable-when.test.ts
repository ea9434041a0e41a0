/**
 * `export questionnaire --to fhir` on a flow with a branch of every kind: each question's
 * enableWhen says when the interview asks it, in FHIR's terms (integer or decimal answers,
 * negations turned round, "answered" as `exists`, a test of an answer implying its question was
 * asked); a question no path reaches is exported without enableWhen and said so on stderr.
 */
import type { Questionnaire as FhirQuestionnaire } from 'fhir/r4.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { fhirProblems } from './fhir-validator.js';

const FILE = join(import.meta.dirname, 'fixtures', 'branch-kinds.yaml');

describe('the flow as enableWhen', () => {
  it('every kind of branch, in FHIR terms; a question never reached is noted', async () => {
    const r = await runCli(['export', 'questionnaire', FILE, '--to', 'fhir']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note: never_asked: when it is asked: never reached\n');
    const resource = JSON.parse(r.stdout) as FhirQuestionnaire;
    expect(fhirProblems(resource)).toEqual([]);
    const when = Object.fromEntries((resource.item ?? []).map((i) => [i.linkId, i.enableWhen === undefined ? 'none' : { enableWhen: i.enableWhen, ...(i.enableBehavior ? { behavior: i.enableBehavior } : {}) }]));
    expect(when).toEqual({
      age: 'none', // on every path
      // age >= 60 goes elsewhere: weight is asked below 60 (a whole number)
      weight: { enableWhen: [{ question: 'age', operator: '<', answerInteger: 60 }] },
      // not (weight < 50.5): a decimal, turned round
      heavy_work: { enableWhen: [{ question: 'weight', operator: '>=', answerDecimal: 50.5 }] },
      // answered: true is "exists"; it implies heavy_work was asked, so weight's test is not repeated
      lifting: { enableWhen: [{ question: 'heavy_work', operator: 'exists', answerBoolean: true }] },
      bone_check: 'none', // every route comes back to it
      scan_result: { enableWhen: [{ question: 'bone_check', operator: '=', answerCoding: { system: 'urn:sciatica-screen:answer:bone_check', code: 'yes', display: 'Yes' } }] },
      never_asked: 'none', // never reached: FHIR cannot say "never"; the note above says it
    });
  });
});
