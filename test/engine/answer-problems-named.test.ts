/**
 * Every answer the engine refuses is named in one line a person can act on, and nothing refused
 * is read as an answer: numbers a script can send that JSON or JavaScript make odd (NaN, 1e400),
 * "not sure" where it is not offered, keys that are near a question id or far from every one, the
 * answers file's own fields (format, formatVersion, complete, savedAt, version, id), and the one
 * line `AnswersError` carries when a library caller passes invalid answers.
 */
import { describe, expect, it } from 'vitest';
import { AnswersError, normaliseAnswers, parseAnswersDocument } from '../../src/engine/answers.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { NormalisedAnswers } from '../../src/engine/answers.js';
import { buildQuestionnaire } from '../helpers/build-questionnaire.js';
import { mini } from './mini-questionnaire.js';

const numbers = buildQuestionnaire({
  id: 'numbers',
  questions: [
    { id: 'free', type: 'number' },
    { id: 'weight', type: 'number', min: 30, max: 300, unsure: true },
    { id: 'pain', type: 'scale', min: 0, max: 10 },
  ],
  rules: [],
  outcomes: ['a', 'b'],
});

function problemsOf(q: typeof mini, raw: Record<string, unknown>): { code: string; message: string }[] {
  return normaliseAnswers(q, raw).problems.map((p) => ({ code: p.code, message: p.message }));
}

/** Raw answers as a JavaScript caller passes them (no type stops it; the cast stands for that). */
function raw(a: Record<string, unknown>): NormalisedAnswers {
  return a as unknown as NormalisedAnswers;
}

describe('numbers a script can send', () => {
  it('NaN from a JavaScript caller is the wrong type, never an answer', () => {
    expect(problemsOf(mini, { age: Number.NaN })).toEqual([{ code: 'answer.wrong-type', message: '"age": expected a number, got NaN' }]);
    expect(normaliseAnswers(mini, { age: Number.NaN }).answers).toEqual({});
  });

  it('a number too large for a double (JSON 1e400) is out of range, naming the bound on its side when there is one', () => {
    const huge = JSON.parse('{"age": 1e400, "pain_intensity": -1e400}') as Record<string, unknown>;
    expect(problemsOf(mini, huge)).toEqual([
      { code: 'answer.out-of-range', message: '"age": the number is too large to be an answer; the maximum is 110' },
      { code: 'answer.out-of-range', message: '"pain_intensity": the number is too small to be an answer; the minimum is 0' },
    ]);
    expect(problemsOf(numbers, { free: Number.POSITIVE_INFINITY })).toEqual([
      { code: 'answer.out-of-range', message: '"free": the number is too large to be an answer' },
    ]);
    expect(problemsOf(numbers, { free: '-1e400' })).toEqual([{ code: 'answer.out-of-range', message: '"free": the number is too small to be an answer' }]);
  });

  it('"not sure" to a number question that does not offer it is refused, saying what it takes', () => {
    expect(problemsOf(numbers, { free: "Don't know", pain: 'not sure' })).toEqual([
      { code: 'answer.unsure-not-offered', message: '"free": "Don\'t know" is not offered: expected a number' },
      { code: 'answer.unsure-not-offered', message: '"pain": "not sure" is not offered: expected a whole number from 0 to 10' },
    ]);
    expect(normaliseAnswers(numbers, { weight: 'do not know' })).toEqual({ answers: { weight: 'unsure' }, problems: [] });
  });

  it('a number question that offers "not sure" says so when given the wrong type', () => {
    expect(problemsOf(numbers, { weight: true, free: [] })).toEqual([
      { code: 'answer.wrong-type', message: '"weight": expected a number or unsure, got true' },
      { code: 'answer.wrong-type', message: '"free": expected a number, got a list' },
    ]);
  });
});

describe('keys that are not question ids', () => {
  it('the first 20 unknown keys get a "did you mean", the rest only their name', () => {
    const keys = Array.from({ length: 22 }, (_, i) => `fever${String.fromCharCode(97 + i)}`);
    const got = problemsOf(mini, Object.fromEntries(keys.map((k) => [k, 'yes']))).map((p) => p.message);
    // Every key is one letter from "fever"; past 20 unknown keys no hint is looked for.
    expect(got.slice(0, 20)).toEqual(keys.slice(0, 20).map((k) => `"${k}" is not a question of mini (did you mean "fever"?)`));
    expect(got.slice(20)).toEqual(keys.slice(20).map((k) => `"${k}" is not a question of mini`));
    expect(got).toHaveLength(22);
  });

  it('a key longer than 128 characters gets no suggestion, even one that is a padded near miss', () => {
    const padded = `${' '.repeat(140)}fevr`;
    expect(problemsOf(mini, { [padded]: 'yes' })[0]?.message).not.toContain('did you mean');
    expect(problemsOf(mini, { '  fevr ': 'yes' })[0]?.message).toContain('(did you mean "fever"?)');
  });

  it('no suggestion for a key of more than 64 characters, even one letter from a long question id', () => {
    const longId = `pain_${'x'.repeat(65)}`;
    const mid = `pain_${'x'.repeat(55)}`;
    const q = buildQuestionnaire({ questions: [{ id: longId }, { id: mid }], rules: [], outcomes: ['a', 'b'] });
    expect(problemsOf(q, { [`${longId}y`]: 'yes' })[0]?.message).not.toContain('did you mean');
    expect(problemsOf(q, { [`${mid}y`]: 'yes' })[0]?.message).toContain(`(did you mean "${mid}"?)`);
  });
});

describe('the answers file’s own fields', () => {
  const envelope = { format: 'sciatica-screen/answers', formatVersion: 1, questionnaire: 'mini', version: '1.2.0', complete: true, savedAt: '2026-11-30T09:15:00.000Z' };

  it('a well-formed envelope with every field is read without a problem', () => {
    expect(parseAnswersDocument({ ...envelope, answers: { fever: 'no' } }, mini)).toEqual({ answers: { fever: 'no' }, problems: [] });
    expect(parseAnswersDocument({ ...envelope, savedAt: '2026-11-30T10:15:00+01:00', complete: false, answers: {} }, mini).problems).toEqual([]);
  });

  it('another format, or a format version that is not a whole number from 1: refused, the answers not read', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ format: 'other/answers' }, '"format" must be "sciatica-screen/answers", got "other/answers"'],
      [{ formatVersion: '1' }, '"formatVersion" must be a whole number from 1, got "1"'],
      [{ formatVersion: 1.5 }, '"formatVersion" must be a whole number from 1, got 1.5'],
      [{ formatVersion: 0 }, '"formatVersion" must be a whole number from 1, got 0'],
    ];
    for (const [field, message] of cases) {
      const r = parseAnswersDocument({ ...envelope, ...field, answers: { fever: 'yes' } }, mini);
      expect(r).toEqual({ answers: {}, problems: [{ code: 'answers.bad-format', message }] });
    }
  });

  it('a newer format version is refused as written by a newer program, the answers not read', () => {
    expect(parseAnswersDocument({ ...envelope, formatVersion: 2, answers: { fever: 'yes' } }, mini)).toEqual({
      answers: {},
      problems: [
        { code: 'answers.newer-format', message: 'the answers file is format version 2, written by a newer sciatica-screen; this one reads version 1' },
      ],
    });
  });

  it('"complete" and "savedAt" of the wrong kind are named, and the answers are still read', () => {
    expect(parseAnswersDocument({ ...envelope, complete: 'yes', savedAt: '30/11/2026', answers: { fever: 'yes' } }, mini)).toEqual({
      answers: { fever: 'yes' },
      problems: [
        { code: 'answers.bad-field', message: '"complete" must be true or false, got "yes"' },
        { code: 'answers.bad-field', message: '"savedAt" must be a date and time like 2026-11-30T09:15:00.000Z, got "30/11/2026"' },
      ],
    });
    expect(parseAnswersDocument({ ...envelope, savedAt: 1764494100000, answers: {} }, mini).problems.map((p) => p.message)).toEqual([
      '"savedAt" must be a date and time like 2026-11-30T09:15:00.000Z, got 1764494100000',
    ]);
  });

  it('a version that is not a string, or a very long one of another major version, is quoted safely', () => {
    expect(parseAnswersDocument({ questionnaire: 'mini', version: 1.2, answers: { fever: 'yes' } }, mini)).toEqual({
      answers: {},
      problems: [{ code: 'answers.bad-version', message: '"version" must be a version like 1.0.0, got 1.2' }],
    });
    // Up to 40 characters the version is written as it is; longer, it is quoted (and cut past 60).
    const wrongVersion = (v: string): string | undefined => parseAnswersDocument({ questionnaire: 'mini', version: v, answers: {} }, mini).problems[0]?.message;
    const v40 = `2.0.0-${'a'.repeat(34)}`;
    expect(wrongVersion(v40)).toBe(`the answers are for version ${v40} of mini, but the questionnaire is version 1.2.0 (major versions differ)`);
    expect(wrongVersion(`${v40}b`)).toBe(`the answers are for version "${v40}b" of mini, but the questionnaire is version 1.2.0 (major versions differ)`);
    expect(wrongVersion(`2.0.0-${'a'.repeat(60)}`)).toMatch(/^the answers are for version "2\.0\.0-a+…" \(66 characters\) of mini, but the questionnaire is version 1\.2\.0 \(major versions differ\)$/);
    expect(parseAnswersDocument({ questionnaire: 'mini', version: '1.9.0-rc.1', answers: {} }, mini).problems).toEqual([]);
  });

  it('an unknown key far from every envelope key lists the keys it may have', () => {
    expect(parseAnswersDocument({ questionnaire: 'mini', answers: {}, zzzzzz: 1 }, mini).problems.map((p) => p.message)).toEqual([
      'unknown key "zzzzzz" in the answers file (expected format, formatVersion, questionnaire, version, id, complete, savedAt, answers)',
    ]);
  });

  it('{"answers": {…}} alone is an envelope, unless "answers" is not an object or is a question of the questionnaire', () => {
    expect(parseAnswersDocument({ answers: { fever: 'yes' } }, mini)).toEqual({ answers: { fever: 'yes' }, problems: [] });
    expect(parseAnswersDocument({ answers: 'yes' }, mini).problems).toEqual([
      { code: 'answer.unknown-question', question: 'answers', message: '"answers" is not a question of mini' },
    ]);
    const withAnswersQuestion = buildQuestionnaire({ questions: [{ id: 'answers' }, { id: 'fever' }], rules: [], outcomes: ['a', 'b'] });
    expect(parseAnswersDocument({ answers: { fever: 'yes' } }, withAnswersQuestion).problems).toEqual([
      { code: 'answer.wrong-type', question: 'answers', message: '"answers": expected yes or no, got an object' },
    ]);
    expect(parseAnswersDocument({ answers: 'yes', fever: 'no' }, withAnswersQuestion)).toEqual({ answers: { answers: 'yes', fever: 'no' }, problems: [] });
  });
});

describe('AnswersError: what a library caller catches for invalid answers', () => {
  it('names the first problem and how many more, and lists them all', () => {
    let caught: unknown;
    try {
      evaluate(mini, raw({ fever: 'maybe', age: 'old', pain_side: 'both' }));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AnswersError);
    const e = caught as AnswersError;
    expect(e.message).toBe('the answers are not valid for mini: "fever": "maybe" is not one of yes, no, unsure (and 2 more)');
    expect(e.answerProblems.map((p) => p.question)).toEqual(['fever', 'age', 'pain_side']);
    expect(e.exitCode).toBe(65);
    expect(() => evaluate(mini, raw({ fever: 'maybe' }))).toThrow(/^the answers are not valid for mini: "fever": "maybe" is not one of yes, no, unsure$/);
  });

  it('made by a caller with no problems listed, it still says what is wrong', () => {
    expect(new AnswersError(mini, []).message).toBe('the answers are not valid for mini: invalid answers');
  });
});

describe('each problem carries its documented code (docs/library.md), a script can branch on it', () => {
  const codes = (q: typeof mini, raw: Record<string, unknown>): string[] => normaliseAnswers(q, raw).problems.map((p) => `${p.question}:${p.code}`);

  it('answers', () => {
    expect(codes(mini, { pain_intensity: 6.5, age: 200, leg_pain: 'not sure', fever: 7, pain_side: 'both', nope: 1 })).toEqual([
      'pain_intensity:answer.not-whole',
      'age:answer.out-of-range',
      'leg_pain:answer.unsure-not-offered',
      'fever:answer.wrong-type',
      'pain_side:answer.not-an-option',
      'nope:answer.unknown-question',
    ]);
    expect(codes(numbers, { free: {} })).toEqual(['free:answer.wrong-type']);
    const multi = buildQuestionnaire({ questions: [{ id: 'where', type: 'multi', options: ['back', 'legs'] }, { id: 'side', type: 'choice', options: ['left'] }], rules: [], outcomes: ['a', 'b'] });
    expect(codes(multi, { where: 'back', side: 3 })).toEqual(['where:answer.wrong-type', 'side:answer.wrong-type']);
    expect(codes(multi, { where: [1] })).toEqual(['where:answer.wrong-type']);
  });

  it('the answers file', () => {
    const fileCodes = (doc: Record<string, unknown>): string[] => parseAnswersDocument(doc, mini).problems.map((p) => p.code);
    expect(fileCodes({ questionnaire: 'mini', id: ' ', extra: 1, answers: 3 })).toEqual(['answers.unknown-key', 'answers.bad-id', 'answers.no-answers']);
    expect(fileCodes({ questionnaire: 'mini' })).toEqual(['answers.no-answers']);
  });

  it('AnswersError: answers.invalid, exit 65; a document that is not an object is named', () => {
    for (const [given, shown] of [
      [null, 'null'],
      ['yes', '"yes"'],
      [['yes'], 'a list'],
      [3, '3'],
    ] as const) {
      let caught: unknown;
      try {
        evaluate(mini, given as unknown as NormalisedAnswers);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(AnswersError);
      expect((caught as AnswersError).code).toBe('answers.invalid');
      expect((caught as AnswersError).answerProblems).toEqual([
        { code: 'answers.not-an-object', message: `expected an object of answers by question id, got ${shown}` },
      ]);
    }
  });
});

describe('spellings at the edges', () => {
  it('numbers as strings: decimals, a leading or trailing point, exponents; not hex, not words', () => {
    expect(normaliseAnswers(numbers, { free: '5.25', weight: '.5e2' }).answers).toEqual({ free: 5.25, weight: 50 });
    expect(normaliseAnswers(numbers, { free: '.55', weight: '1e+2' }).answers).toEqual({ free: 0.55, weight: 100 });
    expect(normaliseAnswers(numbers, { free: '-7.', weight: ' 3E2 ' }).answers).toEqual({ free: -7, weight: 300 });
    expect(problemsOf(numbers, { free: '0x10', weight: '12abc' }).map((p) => p.code)).toEqual(['answer.wrong-type', 'answer.wrong-type']);
    expect(problemsOf(numbers, { free: 'Infinity' })).toEqual([{ code: 'answer.wrong-type', message: '"free": expected a number, got "Infinity"' }]);
  });

  it('a blank string is unanswered, whatever its spaces; undefined given to normaliseAnswer too', async () => {
    expect(normaliseAnswers(mini, { fever: '   ', pain_side: '\t' }).answers).toEqual({ pain_side: null, fever: null });
    const { normaliseAnswer } = await import('../../src/engine/answers.js');
    expect(normaliseAnswer(mini.questions[1] as (typeof mini.questions)[number], undefined)).toEqual({ ok: true, value: null });
  });

  it('options typed with several spaces or hyphens between words', () => {
    expect(normaliseAnswers(mini, { pain_side: 'Both  legs', leg_pain: 'yes' }).answers).toMatchObject({ pain_side: 'both_legs' });
    expect(normaliseAnswers(mini, { pain_side: 'one - leg' }).answers).toEqual({ pain_side: 'one_leg' });
  });

  it('"did you mean" looks a little further for longer keys, never past the edit budget', () => {
    // "fivar" is two edits from "fever": within the budget of a 5-letter key (3).
    expect(problemsOf(mini, { fivar: 'yes' })[0]?.message).toBe('"fivar" is not a question of mini (did you mean "fever"?)');
    expect(problemsOf(mini, { fxvxr: 'yes' })[0]?.message).toBe('"fxvxr" is not a question of mini (did you mean "fever"?)');
    expect(problemsOf(mini, { fxxxr: 'yes' })[0]?.message).toBe('"fxxxr" is not a question of mini');
  });

  it('a key of exactly 128 characters, or 64 after canonicalising, still gets its suggestion', () => {
    expect(problemsOf(mini, { [`${' '.repeat(124)}fevr`]: 'yes' })[0]?.message).toContain('(did you mean "fever"?)');
    const id64 = `pain_${'x'.repeat(59)}`;
    const q = buildQuestionnaire({ questions: [{ id: id64 }], rules: [], outcomes: ['a', 'b'] });
    expect(problemsOf(q, { [`${id64.slice(0, 63)}y`]: 'yes' })[0]?.message).toContain('(did you mean "pain_x');
  });
});

describe('the answers file’s fields at the edges', () => {
  it('an envelope is recognised by "format" alone', () => {
    expect(parseAnswersDocument({ format: 'other', fever: 'yes' }, mini).problems.map((p) => p.code)).toEqual([
      'answers.unknown-key',
      'answers.bad-format',
      'answers.no-answers',
    ]);
  });

  it('no record id key at all when the file has none', () => {
    expect(parseAnswersDocument({ questionnaire: 'mini', answers: { fever: 'no' } }, mini)).toStrictEqual({ answers: { fever: 'no' }, problems: [] });
    expect(parseAnswersDocument({ fever: 'no' }, mini)).toStrictEqual({ answers: { fever: 'no' }, problems: [] });
    expect(parseAnswersDocument({ answers: {}, id: '  ' }, mini).problems).toEqual([{ code: 'answers.bad-id', message: '"id" must be a non-empty string, got "  "' }]);
  });

  it('savedAt must be a date-time string, nothing before or after it, not a list holding one', () => {
    const bad = (savedAt: unknown): string[] => parseAnswersDocument({ answers: {}, savedAt }, mini).problems.map((p) => p.code);
    expect(bad('x2026-11-30T09:15:00Z')).toEqual(['answers.bad-field']);
    expect(bad('2026-11-30T09:15:00Z!')).toEqual(['answers.bad-field']);
    expect(bad(['2026-11-30T09:15:00Z'])).toEqual(['answers.bad-field']);
    expect(bad('2026-11-30T09:15:00Z')).toEqual([]);
  });

  it('version: exactly a semantic version, compared by its major number; not a list holding one', () => {
    const codesFor = (version: unknown, q = mini): string[] => parseAnswersDocument({ questionnaire: q.id, version, answers: {} }, q).problems.map((p) => p.code);
    expect(codesFor('1.10.10')).toEqual([]);
    expect(codesFor('v1.2.0')).toEqual(['answers.bad-version']);
    expect(codesFor('1.2.0 beta')).toEqual(['answers.bad-version']);
    expect(codesFor(['1.2.0'])).toEqual(['answers.bad-version']);
    expect(codesFor('10.0.0')).toEqual(['answers.wrong-version']);
    const twelve = buildQuestionnaire({ id: 'twelve', version: '12.0.0', questions: [{ id: 'fever' }], rules: [], outcomes: ['a', 'b'] });
    expect(codesFor('1.0.0', twelve)).toEqual(['answers.wrong-version']);
    expect(codesFor('12.3.4', twelve)).toEqual([]);
  });
});
