/**
 * One truth for the condition language (issue 11 item 3). The language is interpreted twice under
 * partial knowledge: by the linter's safety proof (src/questionnaire/three-valued.ts, `Knowledge`)
 * and by the engine's early stop (src/engine/conditions.ts, `holdsSoFar`). They stay two — the
 * engine's is a hot path over compiled nodes, the linter's reasons over sets of possible values —
 * and this differential property keeps them one language: for random conditions over every
 * question type and random partial answers (questions on the path answered or not, questions not
 * yet reached), whenever both are certain they agree, and without `missing` atoms (which the
 * linter leaves unknown on purpose) they give exactly the same answer, Unknown included.
 * Both source files point here.
 */
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compileCondition, holdsSoFar, Truth, type Scope, MissingClass } from '../../src/engine/conditions.js';
import { planFor } from '../../src/engine/plan.js';
import { Knowledge, type Tri } from '../../src/questionnaire/three-valued.js';
import type { AnswerValue, Condition, Question, Questionnaire } from '../../src/questionnaire/model.js';
import { buildQuestionnaire, type QuestionSpec } from '../helpers/build-questionnaire.js';
import { runs } from './runs.js';

const POS = { file: 'p.yaml', line: 1, col: 1 };

/** Every question type, with and without "not sure". */
const SPECS: QuestionSpec[] = [
  { id: 'yn', type: 'yesno', redFlag: 'x' },
  { id: 'yn_u', type: 'yesno', unsure: true, redFlag: 'x' },
  { id: 'ch', type: 'choice', options: ['a', 'b', 'c'], required: false },
  { id: 'ch_u', type: 'choice', options: ['a', 'b'], unsure: true },
  { id: 'mu', type: 'multi', options: ['m1', 'm2', 'm3'] },
  { id: 'nu', type: 'number', min: 0, max: 120, integer: true, required: false },
  { id: 'nu_u', type: 'number', min: 0, max: 120, unsure: true },
  { id: 'sc', type: 'scale', min: 0, max: 10 },
  { id: 'sc_u', type: 'scale', min: 2, max: 6, unsure: true, required: false },
];

const Q: Questionnaire = buildQuestionnaire({ questions: SPECS, rules: [{ id: 'r', when: true, outcome: 'o' }], outcomes: ['o'] });
const QUESTIONS = new Map<string, Question>(Q.questions.map((q) => [q.id, q]));

function domain(q: Question): (string | number)[] {
  const extra = q.unsure ? ['unsure'] : [];
  switch (q.type) {
    case 'yesno':
      return ['yes', 'no', ...extra];
    case 'choice':
    case 'multi':
      return [...q.options.map((o) => o.value), ...extra];
    case 'number':
      return [0, 1, 49, 50, 51, 120, ...extra];
    case 'scale':
      return [...Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i), ...extra];
  }
}

const atomArb: fc.Arbitrary<Condition> = fc.constantFrom(...Q.questions).chain((q): fc.Arbitrary<Condition> => {
  const values = fc.subarray(domain(q), { minLength: 1 }).map((vs): Condition => ({ kind: 'in', question: q.id, values: vs, pos: POS }));
  const answered = fc.boolean().map((b): Condition => ({ kind: 'answered', question: q.id, answered: b, pos: POS }));
  const arbs: fc.Arbitrary<Condition>[] = [values, answered];
  if (q.type === 'number' || q.type === 'scale') {
    arbs.push(
      fc
        .record({ op: fc.constantFrom('lt' as const, 'lte' as const, 'gt' as const, 'gte' as const, 'eq' as const, 'ne' as const), value: fc.constantFrom(-1, 0, 1, 3, 5, 10, 50, 121) })
        .map(({ op, value }): Condition => ({ kind: 'compare', question: q.id, op, value, pos: POS })),
    );
  }
  return fc.oneof(...arbs);
});

const leafArb = (withMissing: boolean): fc.Arbitrary<Condition> =>
  fc.oneof(
    { weight: 8, arbitrary: atomArb },
    { weight: 1, arbitrary: fc.boolean().map((value): Condition => ({ kind: 'const', value, pos: POS })) },
    ...(withMissing
      ? [{ weight: 2, arbitrary: fc.constantFrom('required' as const, 'red_flag' as const).map((which): Condition => ({ kind: 'missing', which, pos: POS })) }]
      : []),
  );

const conditionArb = (withMissing: boolean): fc.Arbitrary<Condition> =>
  fc.letrec<{ c: Condition }>((tie) => ({
    c: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leafArb(withMissing),
      fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((of): Condition => ({ kind: 'all', of, pos: POS })),
      fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((of): Condition => ({ kind: 'any', of, pos: POS })),
      tie('c').map((of): Condition => ({ kind: 'not', of, pos: POS })),
    ),
  })).c;

/** Per question: not reached yet, reached and unanswered, or reached with this answer. */
type Slot = { reached: false } | { reached: true; answer: AnswerValue | null };

const answerArb = (q: Question): fc.Arbitrary<AnswerValue> => {
  if (q.type === 'multi') return fc.subarray(q.options.map((o) => o.value));
  return fc.constantFrom(...domain(q));
};

const partialArb: fc.Arbitrary<Slot[]> = fc.tuple(
  ...Q.questions.map((q) =>
    fc.oneof(
      fc.constant<Slot>({ reached: false }),
      fc.constant<Slot>({ reached: true, answer: null }),
      answerArb(q).map((answer): Slot => ({ reached: true, answer })),
    ),
  ),
);

/** The engine's view: the path so far (reached questions in document order) with their answers. */
function scopeOf(slots: readonly Slot[]): Scope {
  const plan = planFor(Q);
  const vals: (AnswerValue | null | undefined)[] = [];
  const onPath = new Uint8Array(slots.length);
  const path: number[] = [];
  let missingRequired = 0;
  let missingRedFlag = 0;
  slots.forEach((s, i) => {
    vals.push(s.reached ? s.answer : undefined);
    if (!s.reached) return;
    onPath[i] = 1;
    path.push(i);
    if (s.answer === null) {
      if ((plan.classes[i] as number) & MissingClass.Required) missingRequired++;
      if ((plan.classes[i] as number) & MissingClass.RedFlag) missingRedFlag++;
    }
  });
  return { vals, onPath, path, pathLength: path.length, missingRequired, missingRedFlag, classes: plan.classes };
}

/** The linter's view of the same facts: what is known of each reached question, nothing of the others. */
function knowledgeOf(slots: readonly Slot[]): Knowledge {
  const k = new Knowledge(QUESTIONS);
  slots.forEach((s, i) => {
    if (!s.reached) return;
    const q = Q.questions[i] as Question;
    const answeredAtom: Condition = { kind: 'answered', question: q.id, answered: true, pos: POS };
    if (s.answer === null) return k.assume(answeredAtom, false);
    k.assume(answeredAtom, true);
    if (q.type === 'multi' && Array.isArray(s.answer)) {
      const selected = new Set<string>(s.answer);
      for (const o of q.options) k.assume({ kind: 'in', question: q.id, values: [o.value], pos: POS }, selected.has(o.value));
    } else k.fix(q.id, s.answer as string | number);
  });
  return k;
}

function engineSays(c: Condition, slots: readonly Slot[]): Tri {
  const t = holdsSoFar(compileCondition(c, planFor(Q).indexOf), scopeOf(slots));
  return t === Truth.Unknown ? undefined : t === Truth.True;
}

function show(t: Tri): string {
  return t === undefined ? 'unknown' : String(t);
}

describe('one truth for the condition language: the linter (Knowledge) and the engine (holdsSoFar)', () => {
  it('the facts given to the linter are consistent (no false contradiction)', () => {
    fc.assert(fc.property(partialArb, (slots) => !knowledgeOf(slots).contradiction), { numRuns: runs(300), seed: 11 });
  });

  it('give exactly the same three-valued answer on conditions without `missing`', () => {
    fc.assert(
      fc.property(conditionArb(false), partialArb, (c, slots) => {
        const linter = knowledgeOf(slots).evaluate(c);
        const engine = engineSays(c, slots);
        expect(show(linter), JSON.stringify({ c, slots })).toBe(show(engine));
      }),
      { numRuns: runs(2000), seed: 11 },
    );
  });

  it('never disagree when both are certain, `missing` included; the linter is never certain where the engine is not', () => {
    fc.assert(
      fc.property(conditionArb(true), partialArb, (c, slots) => {
        const linter = knowledgeOf(slots).evaluate(c);
        const engine = engineSays(c, slots);
        if (linter !== undefined) expect(show(engine), JSON.stringify({ c, slots })).toBe(show(linter));
      }),
      { numRuns: runs(2000), seed: 12 },
    );
  });

  it('a certain answer under partial knowledge holds for every way the path can be completed', () => {
    // Soundness of both against the two-valued engine: complete the path at random (unreached
    // questions reached or not, answered or not) and evaluate on the finished path.
    fc.assert(
      fc.property(conditionArb(false), partialArb, partialArb, (c, slots, completion) => {
        const finished = slots.map((s, i): Slot => (s.reached ? s : (completion[i] as Slot)));
        const final = engineSays(c, finished.map((s) => (s.reached ? s : { reached: true, answer: null })));
        const before = knowledgeOf(slots).evaluate(c);
        if (before !== undefined) expect(final, JSON.stringify({ c, slots, finished })).toBe(before);
      }),
      { numRuns: runs(2000), seed: 13 },
    );
  });
});
