import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { NOT_A_DIAGNOSIS } from '../../src/engine/result.js';
import { resultToJson } from '../../src/report/json.js';
import { buildQuestionnaire } from '../helpers/build-questionnaire.js';
import { calm, mini } from './mini-questionnaire.js';

describe('evaluate', () => {
  it('gives the mildest outcome when no outcome rule fires, with the cautions that did', () => {
    const r = evaluate(mini, calm);
    expect(r.disposition).toBe('massage_ok');
    expect(r.title).toBe('Massage is a reasonable complement to your care');
    expect(r.fired.map((f) => f.rule)).toEqual(['stop-if-worse']);
    expect(r.cautions).toEqual([{ id: 'stop_if_worse', text: 'Caution stop_if_worse.', source: [{ id: 'nhs', title: 'NHS Sciatica', publisher: 'Test publisher' }] }]);
    expect(r.missing).toEqual([]);
    expect(r.ignored).toEqual([]);
    expect(r.notice).toBe(NOT_A_DIAGNOSIS);
    expect(r.questionnaire).toEqual({ id: 'mini', version: '1.2.0', sha256: mini.sha256 });
  });

  it('gives the most urgent outcome of the fired rules and lists the milder ones as outranked', () => {
    const r = evaluate(mini, { ...calm, age: 62, fever: 'unsure', anticoagulants: 'yes' });
    expect(r.disposition).toBe('urgent');
    expect(r.fired.map((f) => [f.rule, f.outcome])).toEqual([
      ['infection', 'urgent'],
      ['older', 'see_professional_first'],
      ['blood-thinners', 'see_professional_first'],
      ['stop-if-worse', undefined],
    ]);
    expect(r.outranked).toEqual(['older', 'blood-thinners']);
  });

  it('reports for each fired rule the answers that made it fire, with its sources', () => {
    const r = evaluate(mini, { ...calm, pain_intensity: 8, fever: 'yes' });
    const infection = r.fired.find((f) => f.rule === 'infection');
    expect(infection).toEqual({
      rule: 'infection',
      outcome: 'urgent',
      reason: 'Fever with back pain can mean infection.',
      source: [{ id: 'cks', title: 'NICE CKS Sciatica', publisher: 'Test publisher', section: 'Interpreting red flags' }],
      answers: { fever: 'yes' },
    });
    expect(r.fired.find((f) => f.rule === 'severe-pain')?.answers).toEqual({ pain_intensity: 8 });
    // A `not` fired because of the answer it names.
    expect(r.fired.find((f) => f.rule === 'stop-if-worse')?.answers).toEqual({ saddle_numbness: 'no' });
  });

  it('explains a `missing` rule with the unanswered questions, as null, in path order', () => {
    const r = evaluate(mini, { ...calm, age: null, fever: undefined, scent_sensitivity: null } as never);
    expect(r.missing).toEqual(['age', 'fever', 'scent_sensitivity']);
    expect(r.fired.find((f) => f.rule === 'missing-required')?.answers).toEqual({ age: null, fever: null });
  });

  it('merges the cautions of fired rules in caution order, with deduplicated sources', () => {
    const r = evaluate(mini, { ...calm, anticoagulants: 'yes', scent_sensitivity: 'yes' });
    expect(r.cautions.map((c) => c.id)).toEqual(['gentle_pressure', 'scent_free', 'tell_therapist_medication', 'stop_if_worse']);
    expect(r.fired.find((f) => f.rule === 'blood-thinners')?.cautions).toEqual(['gentle_pressure', 'tell_therapist_medication']);
  });

  it('uses only the answers on the path: an emergency answer off the path is ignored by the rules', () => {
    const r = evaluate(mini, { ...calm, leg_pain: 'no', pain_side: 'both_legs' });
    expect(r.ignored).toEqual(['pain_side', 'pain_intensity']);
    expect(r.path).not.toContain('pain_side');
    expect(r.fired.some((f) => f.rule === 'ces-bilateral')).toBe(false);
    // …but a red-flag answer never ends in the mildest outcome: the safety net lifts it one step.
    expect(r.disposition).toBe('see_professional_first');
    expect(r.fired.at(-1)).toMatchObject({ rule: 'engine:red-flag-answer-off-path', answers: { pain_side: 'both_legs' } });
  });

  it('ignores harmless answers off the path entirely', () => {
    const r = evaluate(mini, { ...calm, leg_pain: 'no', pain_side: 'one_leg' });
    expect(r.disposition).toBe('massage_ok');
    expect(r.ignored).toEqual(['pain_side', 'pain_intensity']);
  });

  it('stops early on an emergency answer; later answers are ignored and missing ones are not asked', () => {
    const r = evaluate(mini, { age: 41, leg_pain: 'yes', pain_side: 'both_legs', fever: 'yes' });
    expect(r).toMatchObject({ disposition: 'emergency', stoppedEarly: true, path: ['age', 'leg_pain', 'pain_side'], missing: [], ignored: ['fever'] });
    expect(r.fired[0]).toMatchObject({ rule: 'ces-bilateral', answers: { pain_side: 'both_legs' } });
    expect(r.fired[0]?.source.map((s) => s.id)).toEqual(['cks', 'nhs']);
    // Off the path counts as unanswered: a `not` on a question never reached holds, explained by null.
    expect(r.fired[1]).toMatchObject({ rule: 'stop-if-worse', answers: { saddle_numbness: null } });
  });

  describe('the engine safety net for red flags', () => {
    // A questionnaire whose rules forget its red flags: only the engine keeps them from the mildest outcome.
    const careless = buildQuestionnaire({
      questions: [
        { id: 'saddle_numbness', unsure: true, redFlag: 'cauda_equina' },
        { id: 'pain_side', type: 'choice', options: ['one_leg', 'both_legs'], redFlag: { category: 'cauda_equina', values: ['both_legs'] } },
        { id: 'comfort', required: false },
      ],
      rules: [{ id: 'comfort', when: { comfort: 'yes' }, cautions: ['soft'] }],
      outcomes: ['emergency', 'see_professional_first', 'massage_ok'],
      cautions: ['soft'],
    });

    it('raises an unanswered red-flag question to the next-mildest outcome and says why', () => {
      const r = evaluate(careless, { saddle_numbness: null, pain_side: 'one_leg' });
      expect(r.disposition).toBe('see_professional_first');
      expect(r.missing).toEqual(['saddle_numbness', 'comfort']);
      expect(r.fired).toEqual([
        {
          rule: 'engine:red-flag-unanswered',
          outcome: 'see_professional_first',
          reason: 'A warning-sign question was not answered, so a serious cause cannot be ruled out without a professional.',
          source: [],
          answers: { saddle_numbness: null },
        },
      ]);
    });

    it('raises a red-flag answer value the rules did not escalate', () => {
      const r = evaluate(careless, { saddle_numbness: 'unsure', pain_side: 'both_legs', comfort: 'yes' });
      expect(r.disposition).toBe('see_professional_first');
      expect(r.fired.map((f) => [f.rule, f.answers])).toEqual([
        ['comfort', { comfort: 'yes' }],
        ['engine:red-flag-answer', { saddle_numbness: 'unsure', pain_side: 'both_legs' }],
      ]);
    });

    it('stays out of the way when nothing is flagged or the rules already escalated', () => {
      expect(evaluate(careless, { saddle_numbness: 'no', pain_side: 'one_leg', comfort: null }).disposition).toBe('massage_ok');
      const r = evaluate(mini, { ...calm, fever: 'yes' });
      expect(r.fired.some((f) => f.rule.startsWith('engine:'))).toBe(false);
    });
  });
});

describe('the result as JSON', () => {
  it('has the documented key order, 2-space indent and a trailing newline', () => {
    const json = resultToJson(evaluate(mini, { ...calm, fever: 'yes' }));
    expect(json.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(json) as object)).toEqual([
      'format', 'formatVersion', 'questionnaire', 'disposition', 'title', 'advice', 'stoppedEarly',
      'cautions', 'fired', 'outranked', 'missing', 'ignored', 'path', 'notice',
    ]);
    expect(json).toContain('\n  "disposition": "urgent",\n');
    expect(json).toContain('"fired": [\n    {\n      "rule": "infection",\n      "outcome": "urgent",\n      "reason"');
  });

  it('documents every field it writes in docs/result-format.md', () => {
    const doc = readFileSync(new URL('../../docs/result-format.md', import.meta.url), 'utf8');
    const r = JSON.parse(resultToJson(evaluate(mini, { ...calm, fever: 'yes', anticoagulants: 'yes' }))) as Record<string, unknown>;
    const fields = /## Fields([\s\S]*?)\n### /.exec(doc)?.[1] ?? '';
    const rows = fields.split('\n').filter((l) => l.startsWith('| `'));
    const documented = rows.map((l) => (l.split('|')[1] as string).trim());
    for (const key of Object.keys(r)) {
      expect({ key, documented: documented.some((d) => d === `\`${key}\`` || d.startsWith(`\`${key}.`)) }).toEqual({ key, documented: true });
    }
    for (const key of Object.keys(r.questionnaire as object)) expect(documented).toContain(`\`questionnaire.${key}\``);
    const fired = (r.fired as Record<string, unknown>[]).find((f) => 'cautions' in f && 'outcome' in f) as Record<string, unknown>;
    for (const key of Object.keys(fired)) expect(documented).toContain(`\`fired[].${key}\``);
    const caution = (r.cautions as Record<string, unknown>[])[0] as Record<string, unknown>;
    for (const key of Object.keys(caution)) expect(fields).toMatch(new RegExp(`\`(cautions\\[\\])?\\.${key}\``));
    expect(fields).toContain('A **citation** is `{ id, title, publisher, year?, url?, section? }`');
    expect(doc).toContain(`# The Result format (\`formatVersion: ${r.formatVersion as number}\`)`);
  });

  it('is byte-identical for the same answers given in any key order', () => {
    const a = { ...calm, fever: 'yes', age: 70 };
    const reversed = Object.fromEntries(Object.entries(a).reverse());
    expect(resultToJson(evaluate(mini, reversed))).toBe(resultToJson(evaluate(mini, a)));
  });

  it('puts keys in the documented order whatever order the Result object was built in', () => {
    const r = evaluate(mini, calm);
    const shuffled = Object.fromEntries(Object.entries(r).reverse()) as unknown as typeof r;
    expect(resultToJson(shuffled)).toBe(resultToJson(r));
  });
});

describe('evaluate reads answers safely', () => {
  it('reads only own keys: an inherited answer counts as unanswered', () => {
    const inherited = Object.create({ fever: 'yes' }) as Record<string, string>;
    Object.assign(inherited, { ...calm, fever: undefined });
    delete inherited.fever;
    const r = evaluate(mini, inherited);
    expect(r.missing).toContain('fever');
    expect(r.fired.some((f) => f.rule === 'infection')).toBe(false);
  });

  it('gives the same result on repeated and interleaved calls (no state leaks between evaluations)', () => {
    const a = resultToJson(evaluate(mini, { ...calm, fever: 'yes' }));
    const b = resultToJson(evaluate(mini, calm));
    expect(resultToJson(evaluate(mini, { ...calm, fever: 'yes' }))).toBe(a);
    expect(resultToJson(evaluate(mini, calm))).toBe(b);
  });
});
