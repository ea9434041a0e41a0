/**
 * The Result of an evaluation, and its JSON (a public, documented, versioned format:
 * docs/result-format.md). Key order in the serialised JSON is the order of these declarations;
 * every list has a documented stable order, so the same input gives byte-identical JSON.
 */
import type { AnswerValue } from '../questionnaire/model.js';

/** Bump on any incompatible change of the JSON shape. */
export const RESULT_FORMAT_VERSION = 1;

export const NOT_A_DIAGNOSIS =
  'This is a self-screening aid, not a diagnosis or medical advice. If you are worried, or your symptoms change, contact a doctor; in an emergency call 999 (911 in the US, 112 in the EU).';

export interface Citation {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly year?: number;
  readonly url?: string;
  readonly section?: string;
}

export interface FiredRule {
  /** The rule id, or for the engine's red-flag safety net `engine:red-flag-unanswered`,
   * `engine:red-flag-answer` or `engine:red-flag-answer-off-path` (after the questionnaire's
   * rules; no sources). */
  readonly rule: string;
  readonly outcome?: string;
  readonly cautions?: readonly string[];
  readonly reason: string;
  /** The rule's sources, in the order the rule lists them. */
  readonly source: readonly Citation[];
  /** The answers that made the condition hold, by question id: path questions in path order,
   * then any question off the path (always `null`; except in `engine:red-flag-answer-off-path`,
   * which lists the off-path answers it is about). `null` means unanswered (a `missing`,
   * `answered: false` or `not` test held because of it). Keeping these answers and changing any
   * other on the same path, the rule still fires. */
  readonly answers: Readonly<Record<string, AnswerValue | null>>;
}

export interface ResultCaution {
  readonly id: string;
  readonly text: string;
  /** The sources of the rules that added it (deduplicated, in order of first citation). */
  readonly source: readonly Citation[];
}

/** A red-flag question on the path left unanswered: the person was not screened for it. */
export interface UnscreenedQuestion {
  /** The question id. */
  readonly question: string;
  /** Its red-flag category, as the questionnaire names it (e.g. `cauda_equina`). */
  readonly red_flag: string;
}

export interface Result {
  readonly format: 'sciatica-screen/result';
  readonly formatVersion: typeof RESULT_FORMAT_VERSION;
  readonly questionnaire: { readonly id: string; readonly version: string; readonly sha256: string };
  /** An outcome id: the most urgent outcome raised by any fired rule (or the mildest if none);
   * never the mildest when a red-flag question on the path is unanswered, or any red-flag question
   * (on the path or off it) has a red-flag value. */
  readonly disposition: string;
  readonly title: string;
  /** The disposition's advice; but the questionnaire's `unscreened.advice` instead when `unscreened`
   * is present, the questionnaire has that block, and the disposition is no more urgent than the
   * next-mildest outcome (the floor a missing answer keeps). */
  readonly advice: string;
  /** The sources of `advice` when it is the questionnaire's `unscreened.advice` (absent otherwise:
   * an outcome's advice has no sources of its own). */
  readonly adviceSource?: readonly Citation[];
  /** True when a stopping outcome became certain before the flow reached its end, so the
   * remaining questions were not asked. */
  readonly stoppedEarly: boolean;
  /** In the questionnaire's caution order. */
  readonly cautions: readonly ResultCaution[];
  /** Every rule that fired, in the questionnaire's rule order, then any `engine:` entries. */
  readonly fired: readonly FiredRule[];
  /** Ids of fired rules whose outcome is milder than the disposition (rule order). */
  readonly outranked: readonly string[];
  /** Question ids on the path left unanswered (path order). */
  readonly missing: readonly string[];
  /** The red-flag questions among `missing` (path order); absent when there are none. */
  readonly unscreened?: readonly UnscreenedQuestion[];
  /** Question ids answered but not on the path: ignored, never used (questionnaire order). */
  readonly ignored: readonly string[];
  /** Question ids in the order they are asked. */
  readonly path: readonly string[];
  readonly notice: string;
}
