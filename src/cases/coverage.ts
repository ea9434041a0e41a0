/**
 * What a set of case runs exercised of a questionnaire, and what it left untested.
 *
 * - a rule is exercised when it fired in some case (outranked or not);
 * - a red-flag value is exercised when some case gave that answer to the red-flag question and
 *   the question was on the case's path (so the engine saw it);
 * - an outcome is exercised when some case's disposition was it;
 * - a caution is exercised when some case's result carried it.
 * Cases whose answers were invalid exercise nothing. Lists follow the questionnaire's order.
 */
import type { Questionnaire } from '../questionnaire/model.js';
import type { CaseRun } from './run.js';

export interface RedFlagValue {
  readonly question: string;
  readonly category: string;
  readonly value: string;
}

export interface Coverage {
  readonly rules: { readonly total: number; readonly untested: readonly string[] };
  readonly redFlags: { readonly total: number; readonly untested: readonly RedFlagValue[] };
  readonly outcomes: { readonly total: number; readonly untested: readonly string[] };
  readonly cautions: { readonly total: number; readonly untested: readonly string[] };
}

export function coverageOf(q: Questionnaire, runs: readonly CaseRun[]): Coverage {
  const firedRules = new Set<string>();
  const outcomes = new Set<string>();
  const cautions = new Set<string>();
  const redFlagSeen = new Set<string>();
  const key = (question: string, value: string): string => `${question}\u0000${value}`;

  for (const run of runs) {
    const result = run.result;
    if (!result || !run.answers) continue;
    for (const f of result.fired) firedRules.add(f.rule);
    outcomes.add(result.disposition);
    for (const c of result.cautions) cautions.add(c.id);
    const onPath = new Set(result.path);
    for (const question of q.questions) {
      if (!question.redFlag || !onPath.has(question.id)) continue;
      const answer = run.answers[question.id];
      const given = Array.isArray(answer) ? (answer as readonly string[]) : answer === undefined || answer === null ? [] : [String(answer)];
      for (const v of given) redFlagSeen.add(key(question.id, v));
    }
  }

  const redFlagValues: RedFlagValue[] = q.questions.flatMap((question) =>
    question.redFlag ? question.redFlag.values.map((value) => ({ question: question.id, category: question.redFlag?.category ?? '', value })) : [],
  );
  return {
    rules: { total: q.rules.length, untested: q.rules.map((r) => r.id).filter((id) => !firedRules.has(id)) },
    redFlags: { total: redFlagValues.length, untested: redFlagValues.filter((f) => !redFlagSeen.has(key(f.question, f.value))) },
    outcomes: { total: q.outcomes.length, untested: q.outcomes.map((o) => o.id).filter((id) => !outcomes.has(id)) },
    cautions: { total: q.cautions.length, untested: q.cautions.map((c) => c.id).filter((id) => !cautions.has(id)) },
  };
}

/** True when nothing at all is left untested. */
export function isFullCoverage(c: Coverage): boolean {
  return c.rules.untested.length + c.redFlags.untested.length + c.outcomes.untested.length + c.cautions.untested.length === 0;
}
