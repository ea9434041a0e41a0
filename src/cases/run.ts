/**
 * Runs test cases through the engine: each case's answers are normalised exactly as an answers
 * file's would be (`normaliseAnswers`), evaluated (`evaluate`), and compared with what the case
 * expects. Pure: no I/O.
 *
 * A case passes iff its answers are all valid, the disposition equals the expected one, and every
 * expected caution is among the result's cautions (the result may carry more). An expected
 * disposition or caution the questionnaire does not define fails the case with a message, so a
 * typo can never pass silently.
 */
import { normaliseAnswers } from '../engine/answers.js';
import { evaluate } from '../engine/evaluate.js';
import type { Result } from '../engine/result.js';
import type { Answers, Position, Questionnaire } from '../questionnaire/model.js';
import { didYouMean } from '../questionnaire/suggest.js';
import type { CasesFile, TestCase } from './model.js';

export interface CaseRun {
  readonly case: TestCase;
  readonly passed: boolean;
  /** Why it failed, one line each (empty when it passed). */
  readonly failures: readonly CaseFailure[];
  /** Absent when the answers could not be evaluated. */
  readonly result?: Result;
  /** The normalised answers that were evaluated (absent when some answer was invalid). */
  readonly answers?: Answers;
}

export interface CaseFailure {
  readonly message: string;
  /** Where the failure is best pointed at: the offending answer, or the case. */
  readonly pos: Position;
}

export interface CasesRun {
  readonly runs: readonly CaseRun[];
  readonly passed: number;
  readonly failed: number;
}

export function runCases(q: Questionnaire, file: CasesFile): CasesRun {
  const runs = file.cases.map((c) => runCase(q, c));
  const passed = runs.filter((r) => r.passed).length;
  return { runs, passed, failed: runs.length - passed };
}

export function runCase(q: Questionnaire, c: TestCase): CaseRun {
  const failures: CaseFailure[] = [];
  const outcomeIds = q.outcomes.map((o) => o.id);
  const cautionIds = q.cautions.map((x) => x.id);
  if (!outcomeIds.includes(c.expected.disposition)) {
    failures.push({
      message: `expected disposition "${c.expected.disposition}" is not an outcome of ${q.id}${didYouMean(c.expected.disposition, outcomeIds) || ` (outcomes: ${outcomeIds.join(', ')})`}`,
      pos: c.expected.pos,
    });
  }
  const unknownCautions = c.expected.cautionsInclude.filter((id) => !cautionIds.includes(id));
  if (unknownCautions.length > 0) {
    failures.push({
      message: unknownCautions.map((x) => `expected caution "${x}" is not defined in ${q.id}${didYouMean(x, cautionIds)}`).join('; '),
      pos: c.expected.pos,
    });
  }

  const { answers, problems } = normaliseAnswers(q, c.answers);
  if (problems.length > 0) {
    for (const p of problems) {
      const pos = (p.question !== undefined && Object.hasOwn(c.answerPositions, p.question) ? c.answerPositions[p.question] : undefined) ?? c.pos;
      failures.push({ message: `invalid answer: ${p.message}`, pos });
    }
    return { case: c, passed: false, failures };
  }

  const result = evaluate(q, answers);
  const differences: string[] = [];
  if (result.disposition !== c.expected.disposition && outcomeIds.includes(c.expected.disposition)) {
    differences.push(`expected ${c.expected.disposition}, got ${result.disposition}`);
  }
  const got = new Set(result.cautions.map((x) => x.id));
  const missingCautions = c.expected.cautionsInclude.filter((id) => cautionIds.includes(id) && !got.has(id));
  if (missingCautions.length > 0) differences.push(`missing cautions: ${missingCautions.join(', ')}`);
  if (differences.length > 0) failures.unshift({ message: differences.join('; '), pos: c.pos });
  else if (failures.length > 0) failures.push({ message: `the case gives ${result.disposition}`, pos: c.pos });
  return { case: c, passed: failures.length === 0, failures, result, answers };
}
