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
// Strict mode, as a careful consumer compiles it (issue 13 item 15): no unknown keywords, every
// type-specific keyword with its type, no union types, every required key declared.
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
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
    ['a label on every question type', minimal.replace('rules:', '  - { id: side, type: choice, label: which leg, text: Which leg?, options: [ { value: one, label: One }, { value: both, label: Both } ] }\n  - { id: oils, type: multi, label: oils to avoid, text: Oils?, options: [ { value: nut, label: Nut } ] }\n  - { id: age, type: number, label: age, text: How old are you? }\n  - { id: pain, type: scale, label: how bad the pain is, text: Pain? }\nrules:')],
    ['an unscreened block', `${minimal}unscreened:\n  advice: You were not asked about every warning sign.\n  source: nice-cks-sciatica\n`],
    ['a stop: false outcome and a source with every key', minimal.replace('advice: Tell your therapist about your sciatica. }', 'advice: Tell your therapist about your sciatica., stop: false }').replace('    year: 2024', '    year: 2024\n    section: Management\n    note: A summary.')],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const errors = parseQuestionnaire(text, 'q.yaml').problems.filter((p) => p.severity === 'error');
      expect(errors.map((p) => p.message)).toEqual([]);
      expect(validate(parse(text, { version: '1.2', schema: 'core' })), JSON.stringify(validate.errors)).toBe(true);
    });
  }

  it('accepts an unscreened block citing a list of sources', () => {
    const text = `${minimal}unscreened: { advice: Not screened., source: [nice-cks-sciatica] }\n`;
    expect(parseQuestionnaire(text, 'q.yaml').problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(validate(parse(text, { version: '1.2', schema: 'core' })), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts anchors written as JSON keys (strings of digits)', () => {
    const doc = parse(extraQuestion('- { id: pain, type: scale, text: Pain?, anchors: { 0: none, 10: worst } }'), { version: '1.2', schema: 'core' }) as Record<string, unknown>;
    const json = JSON.stringify(doc);
    expect(parseQuestionnaire(json, 'q.json').problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(validate(JSON.parse(json)), JSON.stringify(validate.errors)).toBe(true);
  });
});

/** What the loader rejects for its shape, the schema rejects too (an editor flags it as you type). */
describe('the schema rejects what the loader rejects', () => {
  const minimal = readFileSync(join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8');
  const extraQuestion = (yaml: string): string => minimal.replace('rules:', `  ${yaml}\nrules:`);
  const cases: [string, string][] = [
    ['options on a number question', extraQuestion('- { id: age, type: number, text: Age?, options: [ { value: a, label: A }, { value: b, label: B } ] }')],
    ['anchors on a number question', extraQuestion('- { id: age, type: number, text: Age?, anchors: { 0: none } }')],
    ['red_flag on a scale question', extraQuestion('- { id: pain, type: scale, text: Pain?, red_flag: pain }')],
    ['a choice question with one option', extraQuestion('- { id: side, type: choice, text: Side?, options: [ { value: a, label: A } ] }')],
    ['a label with a line break', extraQuestion('- { id: age, type: number, text: Age?, label: "age\\nin years" }')],
    ['a label with a control character', extraQuestion('- { id: age, type: number, text: Age?, label: "age\\u0007" }')],
    ['an empty label', extraQuestion('- { id: age, type: number, text: Age?, label: "" }')],
    ['a label over 60 characters', extraQuestion(`- { id: age, type: number, text: Age?, label: ${'a'.repeat(61)} }`)],
    ['an unscreened block without a source', `${minimal}unscreened: { advice: Not screened. }\n`],
    ['an unscreened block with an unknown key', `${minimal}unscreened: { advice: Not screened., source: nice-cks-sciatica, title: Not screened }\n`],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const errors = parseQuestionnaire(text, 'q.yaml').problems.filter((p) => p.severity === 'error');
      expect(errors.length, 'the loader rejects it').toBeGreaterThan(0);
      expect(validate(parse(text, { version: '1.2', schema: 'core' }))).toBe(false);
    });
  }
});

/**
 * Editor completion (yaml-language-server) offers the keys of `properties` and of the `then` of
 * every `if` that matches. The keys a question of each type is offered are exactly the keys the
 * loader accepts for it: no `options` on a number question.
 */
describe('the keys an editor offers for each question type', () => {
  type Sub = { properties?: Record<string, unknown>; allOf?: { if: { properties: { type: { const: string } } }; then: Sub }[] };
  const question = (schema as { definitions: { question: Sub } }).definitions.question;
  const offered = (type: string): string[] => {
    const keys = Object.keys(question.properties ?? {});
    for (const branch of question.allOf ?? []) if (branch.if.properties.type.const === type) keys.push(...Object.keys(branch.then.properties ?? {}));
    return [...new Set(keys)].sort();
  };
  const common = ['help', 'id', 'label', 'next', 'required', 'text', 'type', 'unsure'];
  it.each([
    ['yesno', [...common, 'red_flag']],
    ['choice', [...common, 'options', 'red_flag']],
    ['multi', [...common, 'options', 'red_flag']],
    ['number', [...common, 'integer', 'max', 'min', 'unit']],
    ['scale', [...common, 'anchors', 'max', 'min']],
  ])('%s', (type, keys) => {
    expect(offered(type)).toEqual([...keys].sort());
  });
});
