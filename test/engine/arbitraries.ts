/**
 * fast-check arbitraries for small random questionnaires and answer sets.
 *
 * Generated questionnaires have 2–7 questions (yesno, choice, number), some red flags, flows with
 * `sequence`, `goto`, `end` and branches (always forward: no cycles), 2–4 outcomes (the most
 * urgent may stop), random rules built from all/any/not/in/compare/answered/missing/constants.
 *
 * Preconditions they satisfy, which the safety properties rely on (and the bundled
 * questionnaire's linter and authoring rules uphold):
 * - P1: a red-flag question appears in conditions only positively (never under `not`), and only
 *   as an `in` atom over some of its red-flag values or as `answered: true`. So a rule that holds
 *   keeps holding when a red-flag answer turns from a non-red-flag value to a red-flag one.
 * - P2: branch conditions never test red-flag questions, so the path does not depend on them.
 * - Optionally (`escalate`): every red-flag question has a rule raising a non-mildest outcome on
 *   its red-flag values. The properties do not need it (the engine's safety net covers the
 *   questionnaires without it), so both kinds are generated.
 */
import { fc } from '@fast-check/vitest';
import type { AnswerValue } from '../../src/questionnaire/model.js';
import type { CondSpec, QuestionnaireSpec, QuestionSpec, RuleSpec } from '../helpers/build-questionnaire.js';

export interface Shape {
  readonly id: string;
  readonly type: 'yesno' | 'choice' | 'number';
  readonly unsure: boolean;
  readonly required: boolean;
  readonly options: readonly string[];
  /** Red-flag values, empty when the question is not a red flag. */
  readonly redFlagValues: readonly string[];
}

export interface Case {
  readonly spec: QuestionnaireSpec;
  readonly shapes: readonly Shape[];
  readonly answers: Record<string, AnswerValue | null>;
  /** Another answer set over the same questions (for replacing some answers). */
  readonly other: Record<string, AnswerValue | null>;
}

const shapeArb = (i: number): fc.Arbitrary<Shape> =>
  fc
    .record({
      type: fc.constantFrom('yesno' as const, 'choice' as const, 'number' as const),
      unsure: fc.boolean(),
      redFlag: fc.integer({ min: 0, max: 2 }).map((x) => x === 0),
      required: fc.integer({ min: 0, max: 4 }).map((x) => x !== 0),
      nOptions: fc.integer({ min: 2, max: 3 }),
    })
    .map(({ type, unsure, redFlag, required, nOptions }): Shape => {
      const options = type === 'choice' ? Array.from({ length: nOptions }, (_, k) => `o${k}`) : [];
      const flagged = redFlag && type !== 'number';
      const base = type === 'yesno' ? ['yes'] : [options[options.length - 1] as string];
      return {
        id: `q${i}`,
        type,
        unsure,
        required,
        options,
        redFlagValues: flagged ? (unsure ? [...base, 'unsure'] : base) : [],
      };
    });

/** Every value a question can take. */
export function valuesOf(s: Shape): (string | number)[] {
  const base: (string | number)[] = s.type === 'yesno' ? ['yes', 'no'] : s.type === 'choice' ? [...s.options] : [0, 7, 50, 100];
  return s.unsure ? [...base, 'unsure'] : base;
}

function answerArb(s: Shape): fc.Arbitrary<AnswerValue | null | undefined> {
  const value: fc.Arbitrary<AnswerValue> =
    s.type === 'number'
      ? s.unsure
        ? fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant('unsure'))
        : fc.integer({ min: 0, max: 100 })
      : fc.constantFrom(...(valuesOf(s) as string[]));
  return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 5, arbitrary: value });
}

function answersArb(shapes: readonly Shape[]): fc.Arbitrary<Record<string, AnswerValue | null>> {
  return fc.tuple(...shapes.map(answerArb)).map((vals) => {
    const out: Record<string, AnswerValue | null> = {};
    vals.forEach((v, i) => {
      if (v !== undefined) out[(shapes[i] as Shape).id] = v;
    });
    return out;
  });
}

function nonEmptySubset<T>(xs: readonly T[]): fc.Arbitrary<T[]> {
  return fc.subarray([...xs], { minLength: 1 });
}

/** An atom on one question, respecting P1 for red flags. `positive`: not under an odd number of `not`. */
function atomArb(shapes: readonly Shape[], allowed: readonly number[], positive: boolean, allowRedFlags: boolean): fc.Arbitrary<CondSpec> {
  const usable = allowed.filter((i) => {
    const s = shapes[i] as Shape;
    return s.redFlagValues.length === 0 || (positive && allowRedFlags);
  });
  const fixed: fc.Arbitrary<CondSpec>[] = [
    fc.boolean(),
    fc.constantFrom<CondSpec>({ missing: 'required' }, { missing: 'red_flag' }),
  ];
  if (usable.length === 0) return fc.oneof(...fixed);
  const onQuestion = fc.constantFrom(...usable).chain((i): fc.Arbitrary<CondSpec> => {
    const s = shapes[i] as Shape;
    if (s.redFlagValues.length > 0) {
      return fc.oneof(
        { weight: 4, arbitrary: nonEmptySubset(s.redFlagValues).map((v): CondSpec => ({ [s.id]: v })) },
        { weight: 1, arbitrary: fc.constant<CondSpec>({ [s.id]: { answered: true } }) },
      );
    }
    const inAtom = nonEmptySubset(valuesOf(s)).map((v): CondSpec => ({ [s.id]: { in: v } }));
    const answered = fc.boolean().map((b): CondSpec => ({ [s.id]: { answered: b } }));
    if (s.type !== 'number') return fc.oneof({ weight: 4, arbitrary: inAtom }, { weight: 1, arbitrary: answered });
    const cmp = fc
      .record({ op: fc.constantFrom('lt' as const, 'lte' as const, 'gt' as const, 'gte' as const, 'eq' as const, 'ne' as const), v: fc.integer({ min: 0, max: 100 }) })
      .map(({ op, v }): CondSpec => ({ [s.id]: { [op]: v } }));
    return fc.oneof({ weight: 4, arbitrary: cmp }, { weight: 1, arbitrary: inAtom }, { weight: 1, arbitrary: answered });
  });
  return fc.oneof({ weight: 6, arbitrary: onQuestion }, { weight: 1, arbitrary: fc.oneof(...fixed) });
}

export function condArb(
  shapes: readonly Shape[],
  allowed: readonly number[],
  positive: boolean,
  allowRedFlags: boolean,
  depth: number,
): fc.Arbitrary<CondSpec> {
  const atom = atomArb(shapes, allowed, positive, allowRedFlags);
  if (depth <= 0) return atom;
  const sub = (pos: boolean): fc.Arbitrary<CondSpec> => condArb(shapes, allowed, pos, allowRedFlags, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: atom },
    { weight: 1, arbitrary: fc.array(sub(positive), { minLength: 1, maxLength: 3 }).map((of): CondSpec => ({ all: of })) },
    { weight: 1, arbitrary: fc.array(sub(positive), { minLength: 1, maxLength: 3 }).map((of): CondSpec => ({ any: of })) },
    { weight: 1, arbitrary: sub(!positive).map((c): CondSpec => ({ not: c })) },
  );
}

function flowArb(shapes: readonly Shape[], i: number): fc.Arbitrary<QuestionSpec['next']> {
  const n = shapes.length;
  const targets = [...Array.from({ length: n - i - 1 }, (_, k) => `q${i + 1 + k}`), 'end'];
  const earlier = Array.from({ length: i + 1 }, (_, k) => k);
  const target = fc.constantFrom(...targets);
  const branches = fc
    .tuple(fc.array(fc.record({ when: condArb(shapes, earlier, true, false, 1), goto: target }), { minLength: 1, maxLength: 2 }), target)
    .map(([bs, otherwise]) => [...bs, { goto: otherwise }]);
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: target },
    { weight: 2, arbitrary: branches },
  );
}

export const CAUTIONS = ['c1', 'c2', 'c3'] as const;

export function ruleArb(shapes: readonly Shape[], nOutcomes: number, id: string): fc.Arbitrary<RuleSpec> {
  const all = shapes.map((_, i) => i);
  return fc
    .record({
      when: condArb(shapes, all, true, true, 2),
      outcome: fc.option(fc.integer({ min: 0, max: nOutcomes - 1 }), { nil: undefined }),
      cautions: fc.subarray([...CAUTIONS]),
    })
    .map(({ when, outcome, cautions }): RuleSpec => ({
      id,
      when,
      ...(outcome === undefined && cautions.length === 0 ? { outcome: `o${nOutcomes - 1}` } : {}),
      ...(outcome === undefined ? {} : { outcome: `o${outcome}` }),
      cautions,
    }));
}

export const caseArb: fc.Arbitrary<Case> = fc
  .integer({ min: 2, max: 7 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => shapeArb(i))))
  .chain((shapes) =>
    fc.record({
      shapes: fc.constant(shapes),
      flows: fc.tuple(...shapes.map((_, i) => flowArb(shapes, i))),
      nOutcomes: fc.integer({ min: 2, max: 4 }),
      stop: fc.boolean(),
      escalate: fc.boolean(),
      answers: answersArb(shapes),
      other: answersArb(shapes),
    }),
  )
  .chain(({ shapes, flows, nOutcomes, stop, escalate, answers, other }) =>
    fc
      .tuple(
        fc.array(fc.nat(), { minLength: 0, maxLength: 7 }).chain((xs) => fc.tuple(...xs.map((_, k) => ruleArb(shapes, nOutcomes, `r${k}`)))),
        fc.integer({ min: 0, max: nOutcomes - 2 }),
      )
      .map(([rules, escalateTo]): Case => {
        const escalating: RuleSpec[] = escalate
          ? shapes
              .filter((s) => s.redFlagValues.length > 0)
              .map((s) => ({ id: `flag-${s.id}`, when: { [s.id]: [...s.redFlagValues] }, outcome: `o${escalateTo}` }))
          : [];
        const spec: QuestionnaireSpec = {
          id: 'generated',
          version: '1.0.0',
          questions: shapes.map((s, i) => ({
            id: s.id,
            type: s.type,
            unsure: s.unsure,
            required: s.required,
            ...(s.type === 'choice' ? { options: [...s.options] } : {}),
            ...(s.type === 'number' ? { min: 0, max: 100 } : {}),
            ...(s.redFlagValues.length > 0 ? { redFlag: { category: 'flag', values: [...s.redFlagValues] } } : {}),
            ...(flows[i] === undefined ? {} : { next: flows[i] }),
          })),
          rules: [...escalating, ...rules],
          outcomes: Array.from({ length: nOutcomes }, (_, k) => (k === 0 && stop ? { id: 'o0', stop: true } : `o${k}`)),
          cautions: [...CAUTIONS],
        };
        return { spec, shapes, answers, other };
      }),
  );
