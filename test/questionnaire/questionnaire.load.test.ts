/**
 * The loader on hostile and unusual input (generated here rather than committed: a 5 MB file,
 * an alias bomb, bytes that are not UTF-8), and what a loaded questionnaire promises: defaults,
 * deep immutability, the sha256 of its bytes, no prototype pollution.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem, isScreenError } from '../../src/errors.js';
import { loadQuestionnaire, parseQuestionnaire } from '../../src/questionnaire/load.js';
import { runCli } from '../helpers/run-cli.js';

const VALID = fileURLToPath(new URL('../fixtures/questionnaires/valid/', import.meta.url));
const minimal = readFileSync(join(VALID, 'minimal.yaml'), 'utf8');
const lines = (text: string | Uint8Array, file = 'q.yaml'): string[] => parseQuestionnaire(text, file).problems.map(formatProblem);

describe('hostile input', () => {
  // The test's timeout is a hang guard, not a speed target (those are in bench/).
  it('refuses a 5 MB file, naming its size, without parsing it', { timeout: 20_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'screen-'));
    writeFileSync(join(dir, 'huge.yaml'), `id: x\nnote: ${'a'.repeat(5 * 1024 * 1024)}\n`);
    const r = await runCli(['validate', 'huge.yaml'], { cwd: dir });
    expect(r.stderr).toBe('huge.yaml:1:1: error: the file is 5.0 MiB; a questionnaire may be at most 1 MiB\n');
    expect(r.code).toBe(78);
  });

  it('stops an alias bomb instead of expanding it (10^9 nodes: expanding would never end)', { timeout: 20_000 }, () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const out = lines(`${levels.join('\n')}\n`);
    expect(out[0]).toMatch(/^q\.yaml:\d+:\d+: error: aliases expand to more than 10000 nodes; write the content out instead$/);
  });

  it('refuses very deep nesting, in flow and block style, without overflowing the stack', () => {
    expect(lines(`id: ${'['.repeat(200_000)}`)).toEqual(['q.yaml:1:69: error: nesting is deeper than 64 levels']);
    const block = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}- `).join('\n');
    expect(lines(block)).toEqual(['q.yaml:65:65: error: nesting is deeper than 64 levels']);
  });

  it('refuses bytes that are not UTF-8, and an empty file', () => {
    expect(lines(Uint8Array.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]))).toEqual(['q.yaml:1:1: error: the file is not UTF-8 text']);
    expect(lines('')).toEqual(['q.yaml:1:1: error: the file is empty; a questionnaire needs at least id, version, title, questions, rules, outcomes and sources']);
    expect(lines('\n  \n')).toHaveLength(1);
  });

  it('never pollutes prototypes, whatever keys and ids the file uses', () => {
    const hostile = minimal.replace('rules:', '__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\nrules:');
    const out = lines(hostile);
    expect(out).toEqual([
      'q.yaml:13:1: error: the questionnaire has an unknown key "__proto__"',
      'q.yaml:14:1: error: the questionnaire has an unknown key "constructor"',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('unusual but valid input', () => {
  it('accepts a BOM and CRLF line ends, with positions as an editor shows them', () => {
    const crlf = `\uFEFF${minimal.replace(/\n/g, '\r\n')}`;
    const bytes = Buffer.from(crlf, 'utf8');
    const r = parseQuestionnaire(bytes, 'crlf.yaml');
    expect(r.problems).toEqual([]);
    expect(r.questionnaire?.questions[0]?.pos).toEqual({ file: 'crlf.yaml', line: 7, col: 5 });
    expect(r.questionnaire?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const broken = crlf.replace('when: { saddle_numbness', 'when: { sadle_numbness');
    expect(lines(broken, 'crlf.yaml')).toEqual(['crlf.yaml:15:13: error: rule "cauda-equina" names unknown question "sadle_numbness" (did you mean "saddle_numbness"?)']);
  });

  it('reads yes and no as text (YAML 1.2), never as booleans', () => {
    const q = parseQuestionnaire(minimal, 'q.yaml').questionnaire!;
    const when = q.rules[0]!.when;
    expect(when).toMatchObject({ kind: 'in', question: 'saddle_numbness', values: ['yes', 'unsure'] });
  });
});

describe('a loaded questionnaire', () => {
  it('applies the documented defaults', async () => {
    const q = await loadQuestionnaire(join(VALID, 'question-types.yaml'));
    expect(q.start).toBe('age');
    const byId = new Map(q.questions.map((x) => [x.id, x]));
    expect(byId.get('age')).toMatchObject({ required: true, unsure: false, integer: true, min: 16, max: 110, next: { kind: 'sequence' } });
    expect(byId.get('oils')).toMatchObject({ required: false });
    expect(byId.get('pain_intensity')).toMatchObject({ type: 'scale', min: 0, max: 10, anchors: { 0: 'no pain', 10: 'worst pain imaginable' } });
    expect(byId.get('fever')?.redFlag).toMatchObject({ category: 'infection', values: ['yes', 'unsure'] });
    expect(q.file).toBe(join(VALID, 'question-types.yaml'));
  });

  it('is deeply frozen', async () => {
    const q = await loadQuestionnaire(new URL('../fixtures/questionnaires/valid/branches.yaml', import.meta.url));
    expect(Object.isFrozen(q)).toBe(true);
    expect(Object.isFrozen(q.questions)).toBe(true);
    expect(Object.isFrozen(q.questions[1])).toBe(true);
    expect(Object.isFrozen(q.rules[0]!.when)).toBe(true);
    expect(() => (q.questions as unknown as unknown[]).push(1)).toThrow(TypeError);
  });

  it('loads a JSON file as well as YAML', async () => {
    const q = await loadQuestionnaire(join(VALID, 'json-questionnaire.json'));
    expect(q.id).toBe('json-questionnaire');
  });

  it('throws exit 66 for a missing file and exit 78 with every problem for an invalid one', async () => {
    const missing = await loadQuestionnaire('no/such.yaml').catch((e: unknown) => e);
    expect(isScreenError(missing) && [missing.exitCode, missing.code, missing.message]).toEqual([66, 'input.not-found', 'cannot read no/such.yaml: no such file']);
    const broken = fileURLToPath(new URL('../fixtures/questionnaires/broken/unknown-references.yaml', import.meta.url));
    const invalid = await loadQuestionnaire(broken).catch((e: unknown) => e);
    expect(isScreenError(invalid) && [invalid.exitCode, invalid.code, invalid.problems.length]).toEqual([78, 'questionnaire.invalid', 6]);
  });
});

describe('question labels and the unscreened block', () => {
  it('keeps a label on the model, and reports a bad one at its file:line:col', () => {
    expect(parseQuestionnaire(minimal, 'q.yaml').questionnaire?.questions[0]?.label).toBe('numbness between the legs');
    const withLabel = (label: string): string => minimal.replace('label: numbness between the legs', `label: ${label}`);
    expect(lines(withLabel('"numbness\\nbetween the legs"'))).toEqual(['q.yaml:9:12: error: "label" of question "saddle_numbness" contains a line break; a label is a few words on one line']);
    // An escape sequence is refused for any text by the reader (read-yaml.ts), before the label check.
    expect(lines(withLabel('"numb\\u001b[31m"'))).toEqual(['q.yaml:9:12: error: control character U+001B in this text (written as an escape); write it out in words (it could steer the terminal that shows it)']);
    expect(lines(withLabel('"numb\\tness"'))).toEqual(['q.yaml:9:12: error: "label" of question "saddle_numbness" contains a control character (U+0009); a label is a few words on one line']);
    expect(lines(withLabel('"  "'))).toEqual(['q.yaml:9:12: error: "label" of question "saddle_numbness" is empty; leave it out, or name the question in a few words']);
    expect(lines(withLabel('x'.repeat(61)))).toEqual(['q.yaml:9:12: error: "label" of question "saddle_numbness" is 61 characters long; a label is at most 60 (the question\'s text says the rest)']);
    expect(lines(withLabel('[numbness]'))).toEqual(['q.yaml:9:12: error: "label" of question "saddle_numbness" must be text']);
    expect(lines(withLabel('é'.repeat(60)))).toEqual([]);
  });

  it('reads the unscreened block, and reports a missing key or an unknown source where it is written', () => {
    const block = `${minimal}unscreened:\n  advice: Not screened for every warning sign.\n  source: nice-cks-sciatica\n`;
    expect(parseQuestionnaire(block, 'q.yaml').questionnaire?.unscreened).toMatchObject({ advice: 'Not screened for every warning sign.', sources: ['nice-cks-sciatica'] });
    expect(lines(`${minimal}unscreened: { advice: Not screened. }\n`)).toEqual(['q.yaml:28:13: error: "unscreened" is missing "source"']);
    expect(lines(`${minimal}unscreened: { advice: Not screened., source: [nice-cks-sciatica, nice-cks-sciatic] }\n`)).toEqual(['q.yaml:28:66: error: "unscreened" cites unknown source "nice-cks-sciatic" (did you mean "nice-cks-sciatica"?)']);
    expect(lines(`${minimal}unscreened: { advice: "", source: nice-cks-sciatica }\n`)).toEqual(['q.yaml:28:23: error: "advice" of "unscreened" is empty: say what to do when a warning-sign question is unanswered']);
    expect(lines(`${minimal}unscreened: { advise: Not screened., source: nice-cks-sciatica }\n`)).toContain('q.yaml:28:15: error: "unscreened" has an unknown key "advise" (did you mean "advice"?)');
  });
});
