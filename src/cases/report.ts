/**
 * The text the `test` command prints: one line per failing case, the summary, the coverage
 * report. Plain text (no colour), stable order (the cases file's order, the questionnaire's order).
 */
import type { Questionnaire } from '../questionnaire/model.js';
import type { Coverage } from './coverage.js';
import type { CaseRun, CasesRun } from './run.js';

/**
 * `file:line:col: <case id>: <difference>` — e.g.
 * `cases.yaml:439:3: S09-anticoagulant: expected see_professional_first, got massage_ok; missing cautions: gentle_pressure`.
 * The position is that of the first failure (the case, or the offending answer).
 */
export function renderFailure(run: CaseRun): string {
  const first = run.failures[0];
  const pos = first?.pos ?? run.case.pos;
  return `${pos.file}:${pos.line}:${pos.col}: ${run.case.id}: ${run.failures.map((f) => f.message).join('; ')}`;
}

export function renderSummary(run: CasesRun): string {
  return `${run.passed} passed, ${run.failed} failed`;
}

export function renderCoverage(q: Questionnaire, c: Coverage): string {
  const lines = [`coverage of ${q.id} ${q.version}:`];
  const part = (label: string, verb: string, total: number, untested: readonly string[], what: string): string => {
    const done = total - untested.length;
    const head = `  ${label}: ${done}/${total} ${verb}`;
    return untested.length === 0 ? head : `${head}; ${what}: ${untested.join(', ')}`;
  };
  lines.push(part('rules', 'fired', c.rules.total, c.rules.untested, 'never fired'));
  lines.push(
    part(
      'red flags',
      'values tested',
      c.redFlags.total,
      c.redFlags.untested.map((f) => `${f.question}=${f.value} (${f.category})`),
      'untested',
    ),
  );
  lines.push(part('outcomes', 'reached', c.outcomes.total, c.outcomes.untested, 'never reached'));
  lines.push(part('cautions', 'given', c.cautions.total, c.cautions.untested, 'never given'));
  return lines.join('\n');
}
