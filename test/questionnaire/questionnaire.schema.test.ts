/**
 * The JSON Schema editors use (schema/questionnaire.schema.json) agrees with the loader: it
 * accepts every valid fixture and the bundled questionnaire, and rejects the broken fixtures
 * whose fault is one of shape (references, flow and the safety proof are beyond a schema).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseQuestionnaire } from '../../src/questionnaire/load.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/questionnaire.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const FIXTURES = fileURLToPath(new URL('../fixtures/questionnaires/', import.meta.url));
const BUNDLED = fileURLToPath(new URL('../../questionnaires/sciatica-massage.yaml', import.meta.url));

const read = (file: string): unknown => parse(readFileSync(file, 'utf8'), { version: '1.2', schema: 'core' });

describe('the questionnaire JSON Schema', () => {
  for (const name of readdirSync(join(FIXTURES, 'valid'))) {
    it(`accepts valid/${name}`, () => {
      expect(validate(read(join(FIXTURES, 'valid', name))), JSON.stringify(validate.errors)).toBe(true);
    });
  }

  it.skipIf(!existsSync(BUNDLED))('accepts the bundled questionnaire', () => {
    expect(validate(read(BUNDLED)), JSON.stringify(validate.errors)).toBe(true);
  });

  const shapeFaults = ['missing-key', 'wrong-type', 'unknown-key', 'invalid-id', 'invalid-shape', 'reserved-id', 'rule-without-source', 'misspelt-condition'];
  for (const name of shapeFaults) {
    it(`rejects broken/${name}.yaml`, () => {
      expect(validate(read(join(FIXTURES, 'broken', `${name}.yaml`)))).toBe(false);
    });
  }
});

/**
 * Whatever the loader accepts, the schema must accept too (else an editor flags a valid file).
 * Each case edits valid/minimal.yaml into a less common but valid form.
 */
describe('the schema accepts every form the loader accepts', () => {
  const minimal = readFileSync(join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8');
  const extraQuestion = (yaml: string): string => minimal.replace('rules:', `  ${yaml}\nrules:`);
  const cases: [string, string][] = [
    ['red-flag values as one value', minimal.replace('red_flag: cauda_equina', 'red_flag: { category: cauda_equina, values: yes }')],
    ['an empty cautions list beside an outcome', minimal.replace('outcome: emergency', 'outcome: emergency\n    cautions: []')],
    ['cautions as one id', minimal.replace('outcome: emergency', 'outcome: emergency\n    cautions: gentle\n').replace('outcomes:', 'cautions: [ { id: gentle, text: Gently. } ]\noutcomes:')],
    ['source as a list', minimal.replace('source: nice-cks-sciatica', 'source: [nice-cks-sciatica]')],
    ['unsure: false on a multi question', extraQuestion('- { id: oils, type: multi, text: Oils?, unsure: false, options: [ { value: nut, label: Nut } ] }')],
    ['an option value starting with a digit', extraQuestion('- { id: weeks, type: choice, text: How long?, options: [ { value: 6_to_12_weeks, label: "6-12" }, { value: more, label: More } ] }')],
    ['a number question with negative and fractional bounds', extraQuestion('- { id: temp, type: number, text: Temperature?, min: -10.5, max: 45.5, unit: °C }')],
    ['a scale with other bounds and anchors', extraQuestion('- { id: pain, type: scale, text: Pain?, min: 1, max: 5, unsure: true, anchors: { 1: none, 5: worst } }')],
    ['next: end and start', minimal.replace('red_flag: cauda_equina', 'red_flag: cauda_equina\n    next: end').replace('rules:', 'rules:').replace('title: Minimal example', 'title: Minimal example\nstart: saddle_numbness\ndescription: A description.')],
    ['branches with every condition form', minimal.replace('red_flag: cauda_equina', 'red_flag: cauda_equina\n    next:\n      - { when: { all: [ true, { not: { saddle_numbness: { in: no } } }, { saddle_numbness: { answered: true } }, { missing: red_flag } ] }, goto: end }\n      - { when: { any: [] }, goto: end }')],
    ['a stop: false outcome and a source with every key', minimal.replace('advice: Tell your therapist about your sciatica. }', 'advice: Tell your therapist about your sciatica., stop: false }').replace('    year: 2024', '    year: 2024\n    section: Management\n    note: A summary.')],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const errors = parseQuestionnaire(text, 'q.yaml').problems.filter((p) => p.severity === 'error');
      expect(errors.map((p) => p.message)).toEqual([]);
      expect(validate(parse(text, { version: '1.2', schema: 'core' })), JSON.stringify(validate.errors)).toBe(true);
    });
  }

  it('accepts anchors written as JSON keys (strings of digits)', () => {
    const doc = parse(extraQuestion('- { id: pain, type: scale, text: Pain?, anchors: { 0: none, 10: worst } }'), { version: '1.2', schema: 'core' }) as Record<string, unknown>;
    const json = JSON.stringify(doc);
    expect(parseQuestionnaire(json, 'q.json').problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(validate(JSON.parse(json)), JSON.stringify(validate.errors)).toBe(true);
  });
});
