/**
 * Every reason a person is given names its source as the questionnaire writes it: a fired rule's
 * `source` and a caution's `source` carry each citation's title and publisher, and its year, url
 * and section exactly when the questionnaire gives them (no key at all otherwise: the JSON and a
 * library caller see the same fields), in the order the rule lists them.
 */
import { describe, expect, it } from 'vitest';
import { normaliseAnswers } from '../../src/engine/answers.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { buildQuestionnaire } from '../helpers/build-questionnaire.js';

const q = buildQuestionnaire({
  questions: [{ id: 'fever' }, { id: 'blood_thinners' }],
  rules: [
    { id: 'fever', when: { fever: 'yes' }, outcome: 'urgent', source: ['nice', 'bare'] },
    { id: 'thinners', when: { blood_thinners: 'yes' }, cautions: ['gentle_pressure'], source: ['full', 'nice'] },
    { id: 'thinners-again', when: { blood_thinners: 'yes' }, cautions: ['gentle_pressure'], source: ['nice', 'bare'] },
  ],
  outcomes: ['urgent', 'massage_ok'],
  cautions: ['gentle_pressure'],
  sources: [
    { id: 'nice', title: 'NICE CKS Sciatica', publisher: 'NICE', section: 'Red flags' },
    { id: 'bare', title: 'A leaflet', publisher: 'A clinic' },
    { id: 'full', title: 'Massage and anticoagulants', publisher: 'A journal', year: 2019, url: 'https://example.org/paper', section: 'Discussion' },
  ],
});

describe('citations', () => {
  const r = evaluate(q, normaliseAnswers(q, { fever: 'yes', blood_thinners: 'yes' }).answers);

  it('a fired rule cites its sources in its own order, each with exactly the fields given', () => {
    expect(r.fired.map((f) => f.source)).toStrictEqual([
      [
        { id: 'nice', title: 'NICE CKS Sciatica', publisher: 'NICE', section: 'Red flags' },
        { id: 'bare', title: 'A leaflet', publisher: 'A clinic' },
      ],
      [
        { id: 'full', title: 'Massage and anticoagulants', publisher: 'A journal', year: 2019, url: 'https://example.org/paper', section: 'Discussion' },
        { id: 'nice', title: 'NICE CKS Sciatica', publisher: 'NICE', section: 'Red flags' },
      ],
      [
        { id: 'nice', title: 'NICE CKS Sciatica', publisher: 'NICE', section: 'Red flags' },
        { id: 'bare', title: 'A leaflet', publisher: 'A clinic' },
      ],
    ]);
  });

  it('a fired entry has an outcome only when its rule raises one, and cautions only when it adds some', () => {
    expect(r.fired.map(({ source: _source, ...entry }) => entry)).toStrictEqual([
      { rule: 'fever', outcome: 'urgent', reason: 'Because of fever.', answers: { fever: 'yes' } },
      { rule: 'thinners', cautions: ['gentle_pressure'], reason: 'Because of thinners.', answers: { blood_thinners: 'yes' } },
      { rule: 'thinners-again', cautions: ['gentle_pressure'], reason: 'Because of thinners-again.', answers: { blood_thinners: 'yes' } },
    ]);
  });

  it('a caution cites the sources of every rule that added it, once each, in order of first citation', () => {
    const noUrgent = evaluate(q, normaliseAnswers(q, { fever: 'no', blood_thinners: 'yes' }).answers);
    expect(noUrgent.cautions).toStrictEqual([
      {
        id: 'gentle_pressure',
        text: 'Caution gentle_pressure.',
        source: [
          { id: 'full', title: 'Massage and anticoagulants', publisher: 'A journal', year: 2019, url: 'https://example.org/paper', section: 'Discussion' },
          { id: 'nice', title: 'NICE CKS Sciatica', publisher: 'NICE', section: 'Red flags' },
          { id: 'bare', title: 'A leaflet', publisher: 'A clinic' },
        ],
      },
    ]);
  });

  it('citations are frozen: a caller cannot change what the next result cites', () => {
    const source = r.fired[0]?.source;
    expect(Object.isFrozen(source)).toBe(true);
    expect(Object.isFrozen(source?.[0])).toBe(true);
  });
});
