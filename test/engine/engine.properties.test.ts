/**
 * Safety properties of the engine over generated questionnaires and answers (see arbitraries.ts
 * for the preconditions P1, P2 the generated questionnaires satisfy).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { evaluateCondition } from '../../src/engine/conditions.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { nextQuestion, walk } from '../../src/engine/walk.js';
import type { Result } from '../../src/engine/result.js';
import type { AnswerValue, Questionnaire } from '../../src/questionnaire/model.js';
import { resultToJson } from '../../src/report/json.js';
import { buildQuestionnaire } from '../helpers/build-questionnaire.js';
import { caseArb, CAUTIONS, ruleArb, type Case, type Shape } from './arbitraries.js';

// 1 500 generated cases per property; the mutation runs take a smaller share (vitest.stryker.config.ts).
const RUNS = { numRuns: Number(process.env.ENGINE_PROPERTY_RUNS ?? 1500) };

function rank(q: Questionnaire, r: Result): number {
  return q.outcomes.findIndex((o) => o.id === r.disposition);
}

function withoutIgnored(r: Result): string {
  return resultToJson({ ...r, ignored: [] });
}

describe('(a) monotone: more reasons for concern never make the disposition milder', () => {
  test.prop([caseArb, fc.nat(), fc.subarray([...CAUTIONS])], RUNS)('appending a rule with `when: true`', (c, pick, cautions) => {
    const q = buildQuestionnaire(c.spec);
    const n = q.outcomes.length;
    const outcome = pick % (n + 1) === n ? undefined : `o${pick % (n + 1)}`;
    const more = buildQuestionnaire({
      ...c.spec,
      rules: [...c.spec.rules, { id: 'extra', when: true, cautions, ...(outcome === undefined ? { outcome: `o${n - 1}` } : { outcome }) }],
    });
    const before = evaluate(q, c.answers);
    const after = evaluate(more, c.answers);
    expect(after.fired.some((f) => f.rule === 'extra')).toBe(true);
    expect(rank(more, after)).toBeLessThanOrEqual(rank(q, before));
  });

  test.prop([caseArb.chain((c) => fc.tuple(fc.constant(c), ruleArb(c.shapes, c.spec.outcomes.length, 'extra')))], RUNS)(
    'appending any rule that then fires',
    ([c, rule]) => {
      const q = buildQuestionnaire(c.spec);
      const more = buildQuestionnaire({ ...c.spec, rules: [...c.spec.rules, rule] });
      const after = evaluate(more, c.answers);
      if (!after.fired.some((f) => f.rule === 'extra')) return;
      expect(rank(more, after)).toBeLessThanOrEqual(rank(q, evaluate(q, c.answers)));
    },
  );

  test.prop([caseArb, fc.nat(), fc.nat()], RUNS)('changing a red-flag answer from a non-red-flag value (e.g. no) to a red-flag value (yes, unsure)', (c, which, value) => {
    const q = buildQuestionnaire(c.spec);
    const candidates = c.shapes.filter((s) => {
      const a = c.answers[s.id];
      return s.redFlagValues.length > 0 && a !== undefined && a !== null && !s.redFlagValues.includes(a as string);
    });
    fc.pre(candidates.length > 0);
    const s = candidates[which % candidates.length] as Shape;
    const flagged = { ...c.answers, [s.id]: s.redFlagValues[value % s.redFlagValues.length] as string };
    expect(rank(q, evaluate(q, flagged))).toBeLessThanOrEqual(rank(q, evaluate(q, c.answers)));
  });
});

describe('(b) an unanswered red-flag question on the path', () => {
  test.prop([caseArb, fc.boolean()], RUNS)('is listed in `missing` and never yields the mildest outcome', (c, asNull) => {
    const q = buildQuestionnaire(c.spec);
    // Leave every red-flag question unanswered (absent or null) to make the case common.
    const answers: Record<string, AnswerValue | null> = { ...c.answers };
    for (const s of c.shapes) {
      if (s.redFlagValues.length === 0) continue;
      if (asNull) answers[s.id] = null;
      else delete answers[s.id];
    }
    const r = evaluate(q, answers);
    const unansweredFlags = r.path.filter((id) => (c.shapes.find((s) => s.id === id) as Shape).redFlagValues.length > 0);
    for (const id of unansweredFlags) expect(r.missing).toContain(id);
    if (unansweredFlags.length > 0) expect(rank(q, r)).toBeLessThan(q.outcomes.length - 1);
  });

  test.prop([caseArb], RUNS)('in any answer set, an unanswered or flagged red-flag question keeps it from the mildest outcome', (c) => {
    const q = buildQuestionnaire(c.spec);
    const r = evaluate(q, c.answers);
    const concerning = r.path.some((id) => {
      const s = c.shapes.find((x) => x.id === id) as Shape;
      const a = c.answers[id];
      return s.redFlagValues.length > 0 && (a === undefined || a === null || s.redFlagValues.includes(a as string));
    });
    if (concerning) expect(r.disposition).not.toBe(`o${q.outcomes.length - 1}`);
  });
});

describe('(c) answers off the path', () => {
  test.prop([caseArb], RUNS)('are reported in `ignored` and never used by a rule', (c: Case) => {
    const q = buildQuestionnaire(c.spec);
    const r = evaluate(q, c.answers);
    const off = c.shapes.map((s) => s.id).filter((id) => !r.path.includes(id));
    expect(r.ignored).toEqual(off.filter((id) => c.answers[id] !== undefined && c.answers[id] !== null));
    const changed: Record<string, AnswerValue | null> = { ...c.answers };
    for (const id of off) {
      if (c.other[id] === undefined) delete changed[id];
      else changed[id] = c.other[id];
    }
    // Whatever the off-path answers are, the result is the one without them, except for the
    // safety net: a red-flag value off the path lifts a mildest result one step, and says so.
    const onlyPath = Object.fromEntries(Object.entries(c.answers).filter(([id]) => !off.includes(id)));
    const base = evaluate(q, onlyPath);
    const mildest = q.outcomes.length - 1;
    for (const [answers, result] of [[c.answers, r], [changed, evaluate(q, changed)]] as const) {
      const flaggedOff = off.filter((id) => {
        const v = answers[id];
        const values = c.shapes.find((s) => s.id === id)?.redFlagValues ?? [];
        return typeof v === 'string' ? values.includes(v) : Array.isArray(v) && v.some((x) => values.includes(x as string));
      });
      const mildestId = q.outcomes[mildest]?.id;
      const rulesLeftMildest = !base.fired.some((f) => !f.rule.startsWith('engine:') && f.outcome !== undefined && f.outcome !== mildestId);
      if (flaggedOff.length === 0 || !rulesLeftMildest || mildest === 0) {
        expect(withoutIgnored(result)).toBe(withoutIgnored(base));
      } else {
        expect(result.disposition).toBe(q.outcomes[mildest - 1]?.id);
        expect(result.fired.slice(0, -1)).toEqual(base.fired);
        expect(result.fired.at(-1)?.rule).toBe('engine:red-flag-answer-off-path');
        expect(Object.keys(result.fired.at(-1)?.answers ?? {})).toEqual(flaggedOff);
      }
    }
  });
});

describe('(d) deterministic', () => {
  test.prop([caseArb, fc.func(fc.integer())], RUNS)('same input gives byte-identical JSON, whatever the answers key order', (c, order) => {
    const q = buildQuestionnaire(c.spec);
    const json = resultToJson(evaluate(q, c.answers));
    expect(resultToJson(evaluate(q, c.answers))).toBe(json);
    const keys = Object.keys(c.answers).sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1));
    const shuffled = Object.fromEntries(keys.map((k) => [k, c.answers[k] as AnswerValue | null]));
    expect(resultToJson(evaluate(q, shuffled))).toBe(json);
    // A freshly built, equal questionnaire gives the same bytes (no hidden state in the cache).
    expect(resultToJson(evaluate(buildQuestionnaire(c.spec), shuffled))).toBe(json);
  });
});

describe('fired[].answers are the answers that made each rule fire', () => {
  test.prop([caseArb], RUNS)('keeping them, and changing every other answer on the path, the rule still fires', (c) => {
    const q = buildQuestionnaire(c.spec);
    const r = evaluate(q, c.answers);
    for (const f of r.fired) {
      if (f.rule.startsWith('engine:')) continue;
      const rule = q.rules.find((x) => x.id === f.rule);
      expect(rule).toBeDefined();
      const changed: Record<string, AnswerValue | null> = {};
      for (const id of r.path) {
        if (Object.hasOwn(f.answers, id)) {
          const v = c.answers[id];
          if (v !== undefined) changed[id] = v;
          expect(f.answers[id]).toEqual(v ?? null);
        } else if (c.other[id] !== undefined) changed[id] = c.other[id];
      }
      const held = evaluateCondition(rule?.when as Questionnaire['rules'][number]['when'], { questionnaire: q, answers: changed, path: r.path });
      expect(held).toBe(true);
    }
  });
});

describe('walk, nextQuestion and evaluate agree', () => {
  test.prop([caseArb], RUNS)('asking what nextQuestion asks, one answer at a time, gives the path walk takes', (c) => {
    const q = buildQuestionnaire(c.spec);
    const given: Record<string, AnswerValue | null> = {};
    const asked: string[] = [];
    let reason: 'end' | 'stopped' | undefined;
    for (let guard = 0; guard <= c.shapes.length; guard++) {
      const next = nextQuestion(q, given);
      if (next.done) {
        reason = next.reason;
        break;
      }
      expect(next.asked).toBe(asked.length);
      asked.push(next.question.id);
      given[next.question.id] = c.answers[next.question.id] ?? null;
    }
    const w = walk(q, given);
    expect(w.path).toEqual(asked);
    expect(w.stoppedEarly).toBe(reason === 'stopped');
    // With every answer present the walk is the same as with only those asked.
    expect(walk(q, c.answers).path).toEqual(walk(q, { ...c.answers, ...given }).path);
  });

  test.prop([caseArb], RUNS)('an early stop means a stopping rule fired and decided the disposition', (c) => {
    const q = buildQuestionnaire(c.spec);
    const r = evaluate(q, c.answers);
    if (!r.stoppedEarly) return;
    const first = q.outcomes[0];
    expect(first?.stop).toBe(true);
    expect(r.disposition).toBe(first?.id);
    expect(r.fired.some((f) => f.outcome === first?.id)).toBe(true);
  });
});
