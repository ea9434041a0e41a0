/**
 * The fixture corpus is the spec of the loader and linter: every file under
 * test/fixtures/questionnaires/ ends with `# expect: line:col: severity: message` comments (a
 * JSON file, which has no comments, lists them in `<file>.expect`), and `validate` must print
 * exactly those lines (prefixed with the file name) and exit 78 when one is an error, else 0
 * with an `ok` line. Valid fixtures carry the schema modeline. Every problem code has a fixture.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseQuestionnaire } from '../../src/questionnaire/load.js';
import { PROBLEM_CODES } from '../../src/questionnaire/problem-codes.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = fileURLToPath(new URL('../fixtures/questionnaires/', import.meta.url));

function expectations(file: string): string[] {
  if (file.endsWith('.json')) {
    const sidecar = `${file}.expect`;
    return existsSync(sidecar) ? readFileSync(sidecar, 'utf8').split('\n').filter(Boolean) : [];
  }
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.startsWith('# expect: '))
    .map((l) => l.slice('# expect: '.length));
}

const fixtures = (kind: string): string[] =>
  readdirSync(join(ROOT, kind))
    .filter((n) => !n.endsWith('.expect'))
    .sort();

for (const kind of ['valid', 'broken'] as const) {
  const dir = join(ROOT, kind);
  describe(`${kind} questionnaire fixtures`, () => {
    for (const name of fixtures(kind)) {
      it(`validate ${name}`, async () => {
        const expected = expectations(join(dir, name)).map((l) => `${name}:${l}`);
        const r = await runCli(['validate', name], { cwd: dir });
        expect(r.stderr).toBe(expected.length > 0 ? `${expected.join('\n')}\n` : '');
        const invalid = expected.some((l) => /^[^:]+:\d+:\d+: error: /.test(l));
        expect(r.code).toBe(invalid ? 78 : 0);
        if (invalid) expect(r.stdout).toBe('');
        else expect(r.stdout).toMatch(new RegExp(`^ok ${name.replace('.', '\\.')}: \\d+ questions?, \\d+ rules?, \\d+ outcomes?\\n$`));
        if (kind === 'valid') {
          expect(invalid).toBe(false);
          if (name.endsWith('.yaml')) expect(readFileSync(join(dir, name), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../../../schema/questionnaire.schema.json');
        } else {
          expect(expected.length).toBeGreaterThan(0);
        }
      });
    }
  });
}

describe('the fixture corpus', () => {
  it('has a fixture for every problem code (the rest are generated in questionnaire.load.test.ts)', () => {
    const generated = ['input.too-large', 'input.encoding', 'input.too-many-questions' /* test/cli/cli.validate-hostile.test.ts */];
    const seen = new Set<string>(generated);
    for (const kind of ['valid', 'broken']) {
      for (const name of fixtures(kind)) {
        for (const p of parseQuestionnaire(readFileSync(join(ROOT, kind, name)), name).problems) seen.add(p.code);
      }
    }
    expect(Object.keys(PROBLEM_CODES).filter((code) => !seen.has(code))).toEqual([]);
  });
});
