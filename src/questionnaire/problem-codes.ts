/**
 * The stable codes of every problem the loader and linter report. Tools (editors, CI) may match
 * on them; semver keeps them stable. Severity is fixed per code.
 */
import type { Severity } from '../errors.js';

export const PROBLEM_CODES = {
  // The bytes
  'input.too-large': 'error',
  'input.empty': 'error',
  'input.encoding': 'error',
  'input.too-deep': 'error',
  'input.control-character': 'error',
  'input.too-many-questions': 'error',
  // YAML
  'yaml.syntax': 'error',
  'yaml.duplicate-key': 'error',
  'yaml.tab': 'error',
  'yaml.alias-limit': 'error',
  // The shape (what the JSON Schema also checks)
  'schema.missing-key': 'error',
  'schema.wrong-type': 'error',
  'schema.unknown-key': 'error',
  'schema.invalid-id': 'error',
  'schema.invalid-version': 'error',
  'schema.invalid-value': 'error',
  // References and values
  'lint.reserved-id': 'error',
  'lint.duplicate-id': 'error',
  'lint.unknown-question': 'error',
  'lint.unknown-outcome': 'error',
  'lint.unknown-caution': 'error',
  'lint.unknown-source': 'error',
  'lint.invalid-value': 'error',
  'lint.not-numeric': 'error',
  // Rules, outcomes, cautions, sources
  'lint.rule-without-source': 'error',
  'lint.rule-without-reason': 'error',
  'lint.rule-without-effect': 'error',
  'lint.stop-not-most-urgent': 'error',
  'lint.outcome-never-raised': 'warning',
  'lint.caution-never-raised': 'warning',
  'lint.source-never-cited': 'warning',
  'lint.question-without-label': 'warning',
  // Flow
  'lint.branch-after-otherwise': 'error',
  'lint.cycle': 'error',
  'lint.unreachable-question': 'error',
  // The safety proof
  'lint.red-flag-not-escalating': 'error',
  'lint.red-flag-skipped': 'error',
  'info.declared-skip': 'info',
} as const satisfies Record<string, Severity>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export function severityOf(code: ProblemCode): Severity {
  return PROBLEM_CODES[code];
}
