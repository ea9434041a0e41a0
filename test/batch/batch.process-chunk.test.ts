// One chunk through parse → (fake) engine → output record: line numbers, ids, error records.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/engine/result.js';
import { withSummaries, type BatchEngine } from '../../src/io/batch/batch-engine.js';
import { ChunkProcessor, type ChunkTask } from '../../src/io/batch/process-chunk.js';
import type { Answers, Questionnaire } from '../../src/questionnaire/model.js';

const Q = {
  id: 'fake',
  questions: [
    { id: 'leg_pain', type: 'yesno' },
    { id: 'age', type: 'number' },
    { id: 'areas', type: 'multi' },
  ],
} as unknown as Questionnaire;

/** Knows leg_pain, age (0–120) and areas; dispositions: see_gp when leg_pain is yes, else massage_ok. */
const fakeEngine: BatchEngine = withSummaries({
  parseAnswersDocument(doc) {
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { answers: {}, problems: [{ code: 'x', message: 'expected a JSON object' }] };
    const d = doc as Record<string, unknown>;
    if ('answers' in d) {
      if (d.questionnaire !== undefined && d.questionnaire !== 'fake') return { answers: {}, problems: [{ code: 'x', message: `the answers are for questionnaire ${JSON.stringify(d.questionnaire)}, not "fake"` }] };
      const r = this.normaliseAnswers(Q, d.answers as Record<string, unknown>);
      return typeof d.id === 'string' ? { ...r, recordId: d.id } : r;
    }
    return this.normaliseAnswers(Q, d);
  },
  normaliseAnswers(_q, raw) {
    const problems = [];
    const answers: Record<string, Answers[string]> = {};
    for (const [k, v] of Object.entries(raw)) {
      if (!['leg_pain', 'age', 'areas'].includes(k)) problems.push({ code: 'x', message: `${JSON.stringify(k)} is not a question of fake` });
      else if (k === 'age' && Number(v) > 120) problems.push({ code: 'x', message: `"age": ${String(v)} is above the maximum 120` });
      else answers[k] = v as Answers[string];
    }
    return { answers, problems };
  },
  evaluate(_q, answers) {
    const seeGp = answers.leg_pain === 'yes';
    return {
      disposition: seeGp ? 'see_gp' : 'massage_ok',
      cautions: Array.isArray(answers.areas) ? answers.areas.map((id) => ({ id, text: '', source: [] })) : [],
      fired: seeGp ? [{ rule: 'leg-pain', reason: '', source: [], answers: {} }] : [],
      missing: 'age' in answers ? [] : ['age'],
    } as unknown as Result;
  },
  resultToPlain: (r) => r,
});

function run(task: ChunkTask, to: 'jsonl' | 'csv' | 'json' = 'jsonl') {
  const r = new ChunkProcessor(Q, fakeEngine, { to, full: false }).process(task);
  return { ...r, out: typeof r.out === 'string' ? r.out : new TextDecoder().decode(r.out) };
}
const bytes = (s: string) => new TextEncoder().encode(s);

describe('JSONL chunks', () => {
  it('numbers records by input line, skips blank lines, keeps ids and order', () => {
    const r = run({
      kind: 'jsonl',
      firstLine: 10,
      bytes: bytes('{"questionnaire":"fake","id":"p1","answers":{"leg_pain":"yes","age":40}}\n\n   \r\n{"leg_pain":"no"}\r\n{"leg_pain":"no","age":30}'),
    });
    expect(r.out.split('\n')).toEqual([
      '{"line":10,"id":"p1","disposition":"see_gp","cautions":[],"fired":["leg-pain"],"missing":[]}',
      '{"line":13,"disposition":"massage_ok","cautions":[],"fired":[],"missing":["age"]}',
      '{"line":14,"disposition":"massage_ok","cautions":[],"fired":[],"missing":[]}',
      '',
    ]);
    expect(r).toMatchObject({ records: 3, errors: 0, dispositions: { see_gp: 1, massage_ok: 2 } });
  });

  it('turns every bad record into an error record with its line, and goes on', () => {
    const r = run({
      kind: 'jsonl',
      firstLine: 1,
      bytes: bytes(
        [
          '{"leg_pain":"yes"}',
          '{"leg_pain": "yes"',
          '{"questionnaire":"other","id":"p3","answers":{}}',
          '{"leg_pian":"yes"}',
          '{"age":140}',
          '[1,2]',
          '{"leg_pain":"no"}',
        ].join('\n'),
      ),
    });
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(lines[1]?.error).toMatch(/^column \d+: /);
    expect(lines[2]).toEqual({ line: 3, id: 'p3', error: 'the answers are for questionnaire "other", not "fake"' });
    expect(lines[3]).toEqual({ line: 4, error: '"leg_pian" is not a question of fake' });
    expect(lines[4]).toEqual({ line: 5, error: '"age": 140 is above the maximum 120' });
    expect(lines[5]).toEqual({ line: 6, error: 'expected a JSON object' });
    expect(lines[6]).toMatchObject({ line: 7, disposition: 'massage_ok' });
    expect(r.errors).toBe(5);
    expect(r.errorMessages[2]).toBe('4: "leg_pian" is not a question of fake');
  });
});

describe('CSV chunks', () => {
  const header = ['id', 'leg_pain', 'age', 'areas'];

  it('empty cell = unanswered; multi cells split on ;; a record spanning lines moves the next one down', () => {
    const r = run({ kind: 'csv', firstLine: 2, header, bytes: bytes('r1,yes,,back;neck\r\n"r\n2",no,30,\r\n\r\nr3,no,31,\r\n') });
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { line: 2, id: 'r1', disposition: 'see_gp', cautions: ['back', 'neck'], fired: ['leg-pain'], missing: ['age'] },
      { line: 3, id: 'r\n2', disposition: 'massage_ok', cautions: [], fired: [], missing: [] },
      { line: 6, id: 'r3', disposition: 'massage_ok', cautions: [], fired: [], missing: [] },
    ]);
  });

  it('bad CSV records become error records on their own lines; the others keep theirs', () => {
    const r = run({
      kind: 'csv',
      firstLine: 2,
      header,
      bytes: bytes('r1,yes,40,\nr2,ab"c,40,\nr3,no,40\nr4,no,140,\nr5,no,40,\nr6,"no,40,\n'),
    });
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { line: 2, id: 'r1', disposition: 'see_gp', cautions: [], fired: ['leg-pain'], missing: [] },
      { line: 3, error: 'a quote inside an unquoted field (quote the whole field and double the quote: "a ""b"" c")' },
      { line: 4, id: 'r3', error: 'the row has 3 fields, the header has 4' },
      { line: 5, id: 'r4', error: '"age": 140 is above the maximum 120' },
      { line: 6, id: 'r5', disposition: 'massage_ok', cautions: [], fired: [], missing: [] },
      { line: 7, error: 'a quoted field is not closed before the end of the input' },
    ]);
  });

  it('a stray quote after a closing quote spoils only its own record; CRLF inside quotes counts as one line', () => {
    const r = run({
      kind: 'csv',
      firstLine: 2,
      header,
      bytes: bytes('"r\r\n1",no,40,\r\nr2,n"o,40,\r\n"r3,"x,40,\r\nr4,no,40,\r\n\r\n"r5""",yes,40,\r\n'),
    });
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.line, l.id ?? l.error])).toEqual([
      [2, 'r\r\n1'],
      [4, 'a quote inside an unquoted field (quote the whole field and double the quote: "a ""b"" c")'],
      [5, 'characters after the closing quote of a field'],
      [6, 'r4'],
      [8, 'r5"'],
    ]);
    expect(r).toMatchObject({ records: 5, errors: 2 });
  });

  it('writes CSV output with neutralised fields', () => {
    const r = run({ kind: 'csv', firstLine: 2, header, bytes: bytes('=cmd|calc,yes,40,\n"@x, y",nope,40,\n') }, 'csv');
    expect(r.out).toBe(`2,'=cmd|calc,see_gp,,leg-pain,,\n3,"'@x, y",massage_ok,,,,\n`);
  });
});

describe('records far larger than the questionnaire', () => {
  it('more answers than questions + 100 is an error record without calling the engine (JSONL bare and wrapped, CSV)', () => {
    const calls: string[] = [];
    const engine: BatchEngine = withSummaries({
      ...fakeEngine,
      parseAnswersDocument: (doc, q) => (calls.push('parse'), fakeEngine.parseAnswersDocument.call(fakeEngine, doc, q)),
      normaliseAnswers: (q, raw) => (calls.push('normalise'), fakeEngine.normaliseAnswers(q, raw)),
    });
    const many = Object.fromEntries(Array.from({ length: 104 }, (_, i) => [`k${i}`, 'x']));
    const processor = new ChunkProcessor(Q, engine, { to: 'jsonl', full: false });
    const jsonl = processor.process({
      kind: 'jsonl',
      firstLine: 1,
      bytes: bytes(`${JSON.stringify(many)}\n${JSON.stringify({ questionnaire: 'fake', id: 'big', answers: many })}\n`),
    });
    const message = 'the record has more than 103 answers (fake has 3 questions)';
    expect(jsonl.out).toBe(
      `${JSON.stringify({ line: 1, error: message })}\n${JSON.stringify({ line: 2, id: 'big', error: message })}\n`,
    );
    const header = ['id', ...Object.keys(many)];
    const csv = processor.process({ kind: 'csv', firstLine: 2, header, bytes: bytes(`r1,${Object.values(many).join(',')}\n`) });
    expect(csv.out).toBe(`${JSON.stringify({ line: 2, id: 'r1', error: message })}\n`);
    expect(calls).toEqual([]);
    // 103 answers still get the engine's own messages.
    processor.process({ kind: 'jsonl', firstLine: 1, bytes: bytes(JSON.stringify(Object.fromEntries(Object.entries(many).slice(0, 103)))) });
    expect(calls).toEqual(['parse']);
  });

  it('an error message longer than 300 characters is cut on stderr, whole in the output', () => {
    const key = 'k'.repeat(1000);
    const r = run({ kind: 'jsonl', firstLine: 7, bytes: bytes(JSON.stringify({ [key]: 1 })) });
    const full = `${JSON.stringify(key)} is not a question of fake`;
    expect(JSON.parse(r.out)).toEqual({ line: 7, error: full });
    expect(r.errorMessages).toEqual([`7: ${full.slice(0, 300)}… (${full.length} characters; in full in the output)`]);
  });
});

describe('JSON array chunks', () => {
  it('uses the line each element starts on', () => {
    const r = run({ kind: 'json', lines: [2, 5], texts: ['{"leg_pain":"yes","age":3}', '{"leg_pain":'] }, 'json');
    expect(r.out).toBe('{"line":2,"disposition":"see_gp","cautions":[],"fired":["leg-pain"],"missing":[]},\n{"line":5,"error":"column 13: unexpected end of file"}');
  });
});
