/**
 * The questionnaire model: what the loader produces from YAML and what the engine consumes.
 *
 * Contract: a `Questionnaire` returned by the loader has passed every lint check of severity
 * `error`; it is frozen (deeply immutable) and every id it names exists. Positions are 1-based.
 * The engine relies on these invariants and does not re-check them.
 */

/** A place in a source file. `line` and `col` are 1-based. */
export interface Position {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** The longest question `label` accepted, in characters. */
export const MAX_LABEL_LENGTH = 60;

export type QuestionType = 'yesno' | 'choice' | 'multi' | 'number' | 'scale';

/** The stored value of a "not sure" answer, for any question that offers it. */
export const UNSURE = 'unsure';

/**
 * An answer as stored and evaluated (after normalisation of lenient spellings):
 * - yesno: 'yes' | 'no' | 'unsure'
 * - choice: an option value (or 'unsure' when offered)
 * - multi: a list of option values (possibly empty = "none of these")
 * - number, scale: a finite number (or 'unsure' when offered)
 */
export type AnswerValue = string | number | readonly string[];

/**
 * Answers by question id. `null` means "seen and deliberately left unanswered" (the interview's
 * skip of an optional question); for evaluation, `null` and an absent key are both unanswered.
 */
export type Answers = Readonly<Record<string, AnswerValue | null>>;

export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
  readonly help?: string;
}

/** How the flow leaves a question. `'end'` is the reserved target that ends the interview. */
export type Flow =
  /** No `next:` written: the following question in document order, or the end after the last. */
  | { readonly kind: 'sequence' }
  | { readonly kind: 'goto'; readonly target: string; readonly pos: Position }
  /** Branches tried in order; the first whose `when` holds wins. A branch without `when` always holds. */
  | { readonly kind: 'branches'; readonly branches: readonly Branch[] };

export interface Branch {
  /** Absent: always taken (the "otherwise" branch; the linter requires it to be last). */
  readonly when?: Condition;
  /** A question id or 'end'. */
  readonly goto: string;
  readonly pos: Position;
}

export interface RedFlag {
  /** e.g. 'cauda_equina', 'infection'. Free text, used in messages and coverage reports. */
  readonly category: string;
  /** The answer values that are red flags: default `yes` (+ `unsure` when offered). */
  readonly values: readonly string[];
  /**
   * A reason the author declares for a path that may legitimately skip this question
   * (e.g. "only asked when leg pain is present"). `validate` lists it.
   */
  readonly skipReason?: string;
  /** Where `red_flag` is written (added by the loader; absent in hand-built models). */
  readonly pos?: Position;
}

interface QuestionBase {
  readonly id: string;
  readonly text: string;
  /**
   * A few plain words naming the question where a person reads about an answer given earlier
   * ("numbness between the legs: not sure"): the text result, the interview's review. One line,
   * at most MAX_LABEL_LENGTH characters. Without it those places fall back to `text`.
   */
  readonly label?: string;
  readonly help?: string;
  /** Offers "not sure"; the answer is then 'unsure'. */
  readonly unsure: boolean;
  /** Default true. An unanswered required question on the path is reported and floors the result. */
  readonly required: boolean;
  readonly redFlag?: RedFlag;
  readonly next: Flow;
  readonly pos: Position;
}

export interface YesNoQuestion extends QuestionBase {
  readonly type: 'yesno';
}
export interface ChoiceQuestion extends QuestionBase {
  readonly type: 'choice';
  readonly options: readonly ChoiceOption[];
}
export interface MultiQuestion extends QuestionBase {
  readonly type: 'multi';
  readonly options: readonly ChoiceOption[];
}
export interface NumberQuestion extends QuestionBase {
  readonly type: 'number';
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
  /** Only whole numbers are accepted. Default false. */
  readonly integer: boolean;
}
export interface ScaleQuestion extends QuestionBase {
  readonly type: 'scale';
  /** Default 0. */
  readonly min: number;
  /** Default 10. */
  readonly max: number;
  /** Anchor labels by point, e.g. { 0: 'no pain', 10: 'worst pain imaginable' }. */
  readonly anchors: Readonly<Record<number, string>>;
}

export type Question = YesNoQuestion | ChoiceQuestion | MultiQuestion | NumberQuestion | ScaleQuestion;

export type CompareOp = 'lt' | 'lte' | 'gt' | 'gte' | 'eq' | 'ne';

/**
 * Conditions are data, evaluated by `src/engine/conditions.ts`. An unanswered question makes
 * every `in` and `compare` atom on it false (unknown is not a match); use `answered` to test it.
 */
export type Condition =
  | { readonly kind: 'const'; readonly value: boolean; readonly pos: Position }
  | { readonly kind: 'all'; readonly of: readonly Condition[]; readonly pos: Position }
  | { readonly kind: 'any'; readonly of: readonly Condition[]; readonly pos: Position }
  | { readonly kind: 'not'; readonly of: Condition; readonly pos: Position }
  /** The answer is one of `values` (for multi: any selected option is one of `values`). */
  | { readonly kind: 'in'; readonly question: string; readonly values: readonly (string | number)[]; readonly pos: Position }
  /** Numeric comparison; false when the answer is not a number (e.g. 'unsure'). */
  | { readonly kind: 'compare'; readonly question: string; readonly op: CompareOp; readonly value: number; readonly pos: Position }
  | { readonly kind: 'answered'; readonly question: string; readonly answered: boolean; readonly pos: Position }
  /** True when some question of the class on the path so far is unanswered. */
  | { readonly kind: 'missing'; readonly which: 'required' | 'red_flag'; readonly pos: Position };

export interface Rule {
  readonly id: string;
  readonly when: Condition;
  readonly outcome?: string;
  readonly cautions: readonly string[];
  readonly reason: string;
  /** Source ids (at least one), resolved against `Questionnaire.sources`. */
  readonly sources: readonly string[];
  readonly pos: Position;
}

export interface Outcome {
  readonly id: string;
  readonly title: string;
  /** What to do, in plain words. */
  readonly advice: string;
  /** Raising this outcome stops the interview at once. Only the most urgent outcome may stop. */
  readonly stop: boolean;
  readonly pos: Position;
}

export interface Caution {
  readonly id: string;
  readonly text: string;
  readonly pos: Position;
}

export interface Source {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly year?: number;
  readonly url?: string;
  readonly section?: string;
  readonly note?: string;
  readonly pos: Position;
}

/**
 * What a result says instead of the outcome's advice when a red-flag question on the path is left
 * unanswered (the person was not screened for it). Optional: without it the outcome's advice stands.
 */
export interface Unscreened {
  readonly advice: string;
  /** Source ids (at least one), resolved against `Questionnaire.sources`. */
  readonly sources: readonly string[];
  readonly pos: Position;
}

export interface Questionnaire {
  readonly id: string;
  /** Semver. */
  readonly version: string;
  readonly title: string;
  readonly description?: string;
  /** The first question asked. */
  readonly start: string;
  /** In document order. */
  readonly questions: readonly Question[];
  readonly rules: readonly Rule[];
  /** Most urgent first; the last is the mildest. */
  readonly outcomes: readonly Outcome[];
  readonly cautions: readonly Caution[];
  readonly sources: readonly Source[];
  readonly unscreened?: Unscreened;
  /** Hex SHA-256 of the file's bytes, so a result names exactly what produced it. */
  readonly sha256: string;
  /** The file it was loaded from (as given to the loader). */
  readonly file: string;
}
