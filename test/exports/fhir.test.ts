/**
 * FHIR R4 exports, checked by a real validator (./fhir-validator.ts), not only by our own
 * expectations: the bundled questionnaire as a `Questionnaire`, and every sample vignette as a
 * `Bundle` of its `QuestionnaireResponse` and `RiskAssessment`, from the library, from
 * `evaluate --format fhir` and from `batch --to fhir` (NDJSON).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, Questionnaire as FhirQuestionnaire, QuestionnaireResponse, RiskAssessment } from 'fhir/r4.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { toFhirBundle } from '../../src/io/fhir/bundle.js';
import { toFhirQuestionnaire } from '../../src/io/fhir/questionnaire.js';
import { parseQuestionnaire } from '../../src/questionnaire/load.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { runCli } from '../helpers/run-cli.js';
import { caseWith, loadCases, NOON, type Case } from './cases.js';
import { fhirProblems } from './fhir-validator.js';

let q: Questionnaire;
let cases: Case[];
beforeAll(async () => {
  ({ questionnaire: q, cases } = await loadCases());
});

const FIXTURES = new URL('../fixtures/questionnaires/valid/', import.meta.url).pathname;

describe('the validator', () => {
  it('rejects what R4 forbids (so a pass means something)', () => {
    expect(fhirProblems({ resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'a', type: 'choice', colour: 'red' }] } as unknown as FhirQuestionnaire)).toEqual([
      'Questionnaire: Invalid additional property "colour" (Questionnaire.item[0].colour)',
    ]);
    expect(fhirProblems({ resourceType: 'RiskAssessment', status: 'final' } as unknown as RiskAssessment)).toEqual(['RiskAssessment: Missing required property (RiskAssessment.subject)']);
    expect(fhirProblems({ resourceType: 'QuestionnaireResponse', status: 'completed', authored: 'yesterday' } as unknown as QuestionnaireResponse)).not.toEqual([]);
  });
});

describe('export questionnaire --to fhir', () => {
  it('the bundled questionnaire is a valid Questionnaire: one item per question, linkId = id, answer options, red flags coded', () => {
    const { resource } = toFhirQuestionnaire(q);
    expect(fhirProblems(resource)).toEqual([]);
    expect(resource.item?.map((i) => i.linkId)).toEqual(q.questions.map((x) => x.id));
    const saddle = resource.item?.find((i) => i.linkId === 'saddle_numbness');
    expect(saddle?.answerOption?.map((o) => o.valueCoding?.code)).toEqual(['yes', 'no', 'unsure']);
    expect(saddle?.code?.[0]?.code).toBe('cauda_equina');
    expect(resource.version).toBe(q.version);
    expect(resource.identifier?.[0]?.value).toBe(q.sha256);
  });

  it('writes branches as enableWhen: thigh_pain when leg_pain is not yes; pain_side when either is yes', () => {
    const { resource } = toFhirQuestionnaire(q);
    const thigh = resource.item?.find((i) => i.linkId === 'thigh_pain');
    expect(thigh?.enableWhen).toEqual([{ question: 'leg_pain', operator: '!=', answerCoding: { system: 'urn:sciatica-screen:answer:leg_pain', code: 'yes', display: 'Yes' } }]);
    // Reached from leg pain OR from thigh pain (itself asked only without leg pain): a test of
    // thigh_pain's answer implies it was asked, so that condition is not repeated.
    const leg = (code: string, q2: string): object => ({ question: q2, operator: '=', answerCoding: { system: `urn:sciatica-screen:answer:${q2}`, code, display: 'Yes' } });
    const side = resource.item?.find((i) => i.linkId === 'pain_side');
    expect({ enableWhen: side?.enableWhen, enableBehavior: side?.enableBehavior }).toEqual({ enableWhen: [leg('yes', 'leg_pain'), leg('yes', 'thigh_pain')], enableBehavior: 'any' });
    // saddle_numbness is on every path: no condition.
    expect(resource.item?.find((i) => i.linkId === 'saddle_numbness')?.enableWhen).toBeUndefined();
  });

  it.each(['branches.yaml', 'conditions.yaml', 'early-end.yaml', 'minimal.yaml', 'question-types.yaml'])('fixture %s exports to a valid Questionnaire', async (name) => {
    const { loadQuestionnaire } = await import('../../src/questionnaire/load.js');
    const fq = await loadQuestionnaire(join(FIXTURES, name));
    const { resource } = toFhirQuestionnaire(fq);
    expect(fhirProblems(resource)).toEqual([]);
  });

  it('says which questions enableWhen cannot express (an "or" of "and"s, a test of missing answers)', () => {
    const src = `id: flow
version: 1.0.0
title: Flow
start: a
sources: [{ id: s, title: S, publisher: P }]
questions:
  - { id: a, type: yesno, next: [ { when: { a: yes }, goto: c }, { goto: b } ] }
  - { id: b, type: yesno, next: [ { when: { all: [ { a: no }, { b: yes } ] }, goto: d }, { goto: c } ] }
  - { id: c, type: yesno, next: [ { when: { missing: required }, goto: end }, { goto: d } ] }
  - { id: d, type: yesno }
rules:
  - { id: r, when: { d: yes }, outcome: see, reason: R, source: s }
outcomes:
  - { id: see, title: See, advice: A }
  - { id: ok, title: OK, advice: B }
`.replace(/\{ id: (\w), type: yesno/g, '{ id: $1, type: yesno, text: "Q $1?"');
    const parsed = parseQuestionnaire(src, 'flow.yaml');
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const { resource, inexpressible } = toFhirQuestionnaire(parsed.questionnaire as Questionnaire);
    expect(fhirProblems(resource)).toEqual([]);
    expect(resource.item?.find((i) => i.linkId === 'b')?.enableWhen).toEqual([expect.objectContaining({ question: 'a', operator: '!=' })]);
    expect(inexpressible.map((x) => x.question)).toEqual(['c', 'd']);
  });

  it('CLI: export questionnaire --to fhir prints the resource; -o writes it', async () => {
    const r = await runCli(['export', 'questionnaire', '--to', 'fhir']);
    // Every question's flow is expressible (1.1.0's "which leg" after leg pain OR thigh pain included).
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const resource = JSON.parse(r.stdout) as FhirQuestionnaire;
    expect(resource.resourceType).toBe('Questionnaire');
    expect(fhirProblems(resource)).toEqual([]);
  });
});

describe('evaluate --format fhir: a Bundle of QuestionnaireResponse + RiskAssessment', () => {
  it('is valid for every sample vignette, and the prediction names the disposition', () => {
    expect(cases.length).toBeGreaterThan(10);
    for (const c of cases) {
      const bundle = toFhirBundle(q, c.answers, c.result, { timestamp: NOON });
      expect({ id: c.id, problems: fhirProblems(bundle) }).toEqual({ id: c.id, problems: [] });
      const [response, assessment] = (bundle.entry ?? []).map((e) => e.resource) as [QuestionnaireResponse, RiskAssessment];
      expect(assessment.prediction?.[0]?.outcome?.coding?.[0]?.code).toBe(c.result.disposition);
      expect(assessment.basis?.[0]?.reference).toBe(bundle.entry?.[0]?.fullUrl);
      // Every fired rule is a note with its sources' titles.
      for (const f of c.result.fired) {
        const note = assessment.note?.find((n) => n.text.startsWith(`Rule ${f.rule}`));
        expect(note, `${c.id} ${f.rule}`).toBeDefined();
        for (const s of f.source) expect(note?.text).toContain(s.title);
      }
      // The response holds the answers on the path, in the order asked.
      const answered = c.result.path.filter((id) => c.answers[id] !== null && c.answers[id] !== undefined);
      expect(response.item?.map((i) => i.linkId)).toEqual(answered);
    }
  });

  it('same answers → same bundle (ids derive from the answers, the time from the CLI clock)', () => {
    const c = caseWith(cases, 'urgent');
    expect(JSON.stringify(toFhirBundle(q, c.answers, c.result, { timestamp: NOON }))).toBe(JSON.stringify(toFhirBundle(q, c.answers, c.result, { timestamp: NOON })));
  });

  it('CLI: evaluate --format fhir prints a valid Bundle dated by the CLI clock, authored = savedAt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhir-'));
    const c = caseWith(cases, 'emergency');
    const file = join(dir, 'a.json');
    writeFileSync(file, JSON.stringify({ questionnaire: q.id, version: q.version, answers: c.raw }));
    const r = await runCli(['evaluate', file, '--format', 'fhir'], { env: { SOURCE_DATE_EPOCH: String(NOON.getTime() / 1000) } });
    expect(r.stderr).toBe('');
    const bundle = JSON.parse(r.stdout) as Bundle;
    expect(fhirProblems(bundle)).toEqual([]);
    expect(bundle.timestamp).toBe(NOON.toISOString());
  });
});

describe('batch --to fhir: one Bundle per line (NDJSON)', () => {
  it('writes a valid Bundle per record, in order, with the record id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhir-batch-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, cases.map((c) => JSON.stringify({ id: c.id, answers: c.raw })).join('\n') + '\n');
    const r = await runCli(['batch', file, '--to', 'fhir', '--jobs', '1']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(cases.length);
    lines.forEach((line, i) => {
      const bundle = JSON.parse(line) as Bundle;
      const c = cases[i] as Case;
      expect(bundle.identifier?.value).toBe(c.id);
      expect(fhirProblems(bundle)).toEqual([]);
      const assessment = bundle.entry?.[1]?.resource as RiskAssessment;
      expect(assessment.prediction?.[0]?.outcome?.coding?.[0]?.code).toBe(c.result.disposition);
    });
  });
});
