/**
 * The library API of sciatica-screen (docs/library.md). Everything here is stable under semver;
 * anything not exported here is internal.
 *
 *   import { loadQuestionnaire, nextQuestion, evaluate } from 'sciatica-screen';
 *
 * The engine functions are pure and synchronous; only `loadQuestionnaire` does I/O.
 */
export { loadQuestionnaire, parseQuestionnaire, type ParseResult } from './questionnaire/load.js';
/** URL of the bundled questionnaire (`sciatica-massage`), for `loadQuestionnaire`. */
export { BUNDLED_QUESTIONNAIRE } from './cli/io.js';
export type { Walk, NextQuestion } from './engine/walk.js';
export { ENGINE_RULE } from './engine/evaluate.js';
// evaluate, walk and nextQuestion take only normalised answers (see ./library.ts).
export {
  evaluate,
  walk,
  nextQuestion,
  normaliseAnswers,
  parseAnswersDocument,
  loadBundledQuestionnaire,
  type QuestionnaireShape,
  type ShapedQuestionnaire,
  type BundledQuestionnaire,
  type RawAnswersFor,
  type NormalisedAnswersFor,
  type AnswersFor,
  type ResultFor,
} from './library.js';
export {
  normaliseAnswer,
  AnswersError,
  type AnswerProblem,
  type AnswerProblemCode,
  type NormalisedAnswer,
  type NormalisedAnswers,
} from './engine/answers.js';
export type * from './bundled/sciatica-massage.types.js';
export { SCIATICA_MASSAGE_VERSION } from './bundled/sciatica-massage.types.js';
export { evaluateCondition, explainCondition, type ConditionContext } from './engine/conditions.js';
export {
  RESULT_FORMAT_VERSION,
  NOT_A_DIAGNOSIS,
  type Result,
  type FiredRule,
  type ResultCaution,
  type UnscreenedQuestion,
  type Citation,
} from './engine/result.js';
export { resultToJson } from './report/json.js';
export { renderResultText, type TextOptions } from './report/text.js';
export { answerPhrase, answerText, answerWords, questionLabel } from './report/answer-words.js';
export { ScreenError, isScreenError, EXIT, type ExitCode, type Problem, type Severity } from './errors.js';
export { UNSURE } from './questionnaire/model.js';
export type {
  Questionnaire,
  Question,
  QuestionType,
  YesNoQuestion,
  ChoiceQuestion,
  MultiQuestion,
  NumberQuestion,
  ScaleQuestion,
  ChoiceOption,
  RedFlag,
  Flow,
  Branch,
  Condition,
  CompareOp,
  Rule,
  Outcome,
  Caution,
  Source,
  Position,
  Answers,
  AnswerValue,
} from './questionnaire/model.js';
