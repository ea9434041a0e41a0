/**
 * schema/cases.schema.json (for editors and other tools) agrees with the runner: it accepts the
 * shared vignettes and the repository cases, and rejects the malformed fixtures.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FIXTURES, OWN_CASES, ROOT, VIGNETTES } from './bundled-paths.js';

const schema = JSON.parse(readFileSync(`${ROOT}schema/cases.schema.json`, 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const read = (path: string): unknown => parse(readFileSync(path, 'utf8'), { merge: true, version: '1.2', maxAliasCount: 10_000 });

describe('schema/cases.schema.json', () => {
  it.each([
    ['the shared vignettes', VIGNETTES],
    ['the repository cases', OWN_CASES],
    ['the wrong-but-well-formed fixture', `${FIXTURES}wrong.cases.yaml`],
  ])('accepts %s', (_name, path) => {
    expect(validate(read(path)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects the malformed fixture where the runner does: a string for cautions_include, an unknown key, no id', () => {
    expect(validate(read(`${FIXTURES}malformed.cases.yaml`))).toBe(false);
    const where = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
    expect(where).toContain('/vignettes/0/expected/cautions_include type');
    expect(where).toContain('/vignettes/1 additionalProperties');
    expect(where).toContain('/vignettes/2 required');
  });

  it('rejects version 2', () => {
    expect(validate(read(`${FIXTURES}version-2.cases.yaml`))).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/version');
  });
});
