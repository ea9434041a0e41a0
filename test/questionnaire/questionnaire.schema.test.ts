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

  const shapeFaults = ['missing-key', 'wrong-type', 'unknown-key', 'invalid-id', 'invalid-shape', 'reserved-id', 'rule-without-source'];
  for (const name of shapeFaults) {
    it(`rejects broken/${name}.yaml`, () => {
      expect(validate(read(join(FIXTURES, 'broken', `${name}.yaml`)))).toBe(false);
    });
  }
});
