/**
 * A cases file: test cases for a questionnaire, each a set of answers with the result it must
 * give (docs/cases-format.md; JSON Schema schema/cases.schema.json). Positions are 1-based.
 */
import type { Position } from '../questionnaire/model.js';

/** The only version of the cases format so far. */
export const CASES_FORMAT_VERSION = 1;

export interface CaseExpectation {
  /** An outcome id: the disposition the case must give exactly. */
  readonly disposition: string;
  /** Caution ids that must all be among the result's cautions (the result may carry more). */
  readonly cautionsInclude: readonly string[];
  readonly pos: Position;
}

export interface TestCase {
  readonly id: string;
  readonly story?: string;
  /** The answers exactly as written (before normalisation), by question id. */
  readonly answers: Readonly<Record<string, unknown>>;
  /** Where each answer is written, by question id (for messages about one answer). */
  readonly answerPositions: Readonly<Record<string, Position>>;
  readonly expected: CaseExpectation;
  readonly rationale?: string;
  /** Where the case starts (its `- id:` item). */
  readonly pos: Position;
}

export interface CasesFile {
  /** The file as named by the caller (used in every message). */
  readonly file: string;
  readonly version: typeof CASES_FORMAT_VERSION;
  /** In file order. */
  readonly cases: readonly TestCase[];
}
