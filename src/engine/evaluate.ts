/**
 * `evaluate(questionnaire, answers) → Result`: the one place a disposition is decided.
 *
 * 1. Walk the flow (walk.ts). Only answers to questions on the path are seen; the others are
 *    listed in `ignored`.
 * 2. Every rule is evaluated on the path's answers; those that hold are `fired` (rule order),
 *    each with the answers that made it hold.
 * 3. The disposition is the most urgent outcome of any fired rule, else the mildest outcome.
 * 4. Engine safety net, whatever the questionnaire says: when a red-flag question on the path is
 *    unanswered, or any red-flag question (on the path or off it) was given one of its red-flag
 *    values, the disposition is never the mildest outcome. If the questionnaire's rules left it
 *    there, it is raised to the next-mildest and fired entries `engine:red-flag-unanswered`,
 *    `engine:red-flag-answer`, `engine:red-flag-answer-off-path` (no sources) say why. See
 *    docs/result-format.md.
 * 5. Red-flag questions on the path left unanswered are listed in `unscreened`; at the floor the
 *    questionnaire's `unscreened.advice` (with its sources) replaces the outcome's advice. The
 *    words are the questionnaire's: the engine adds none.
 *
 * `answers` are compared exactly as stored, so they are made safe first (`checkedAnswers`): those
 * `normaliseAnswers`/`parseAnswersDocument` produced for `q` are used as they are; anything else
 * is normalised here, and an invalid answer throws `AnswersError` rather than count as "no".
 */
import type { AnswerValue, Answers, Question, Questionnaire } from '../questionnaire/model.js';
import { checkedAnswers, type NormalisedValues } from './answers.js';
import { answersOf, explain, holds } from './conditions.js';
import { planFor, type Plan } from './plan.js';
import {
  NOT_A_DIAGNOSIS,
  RESULT_FORMAT_VERSION,
  type Citation,
  type FiredRule,
  type Result,
  type ResultCaution,
  type UnscreenedQuestion,
} from './result.js';
import { answersByIndex, missingAndIgnored, newScope, runWalk, WalkEnd, type WalkScope } from './walk.js';

/** Ids of the fired entries the engine's safety net adds (never a questionnaire rule id: those
 * cannot contain a colon). */
export const ENGINE_RULE = {
  redFlagUnanswered: 'engine:red-flag-unanswered',
  redFlagAnswer: 'engine:red-flag-answer',
  redFlagAnswerOffPath: 'engine:red-flag-answer-off-path',
} as const;

const NO_SOURCES: readonly Citation[] = Object.freeze([]);

/** The safety net's fired entries, in the order they are added. An off-path answer is still used
 * by no rule (it is listed in `ignored`), but a red-flag answer must never end in the mildest
 * outcome: contradictory answers need a person to look at them. */
const SAFETY_NET_ENTRIES: readonly (readonly [keyof SafetyNet, string, string])[] = [
  [
    'unanswered',
    ENGINE_RULE.redFlagUnanswered,
    'A warning-sign question was not answered, so a serious cause cannot be ruled out without a professional.',
  ],
  ['flagged', ENGINE_RULE.redFlagAnswer, 'A warning-sign answer was given; it needs a professional’s assessment first.'],
  [
    'flaggedOffPath',
    ENGINE_RULE.redFlagAnswerOffPath,
    'A warning-sign answer was given to a question that does not apply to your other answers. The answers contradict each other, so a professional should check before any massage.',
  ],
];

export function evaluate(q: Questionnaire, given: Answers): Result {
  return withScratch(q, given, evaluateWith);
}

/**
 * What `batch` writes for a record (unless `--full`): the disposition and the ids of the cautions,
 * the fired rules and the missing questions — exactly `disposition`, `cautions[].id`,
 * `fired[].rule` and `missing` of `evaluate(q, answers)` (a property test holds them equal), made
 * without the explanations (reasons, sources, the answers behind each rule, the path) that the
 * summary does not show: for a batch, most of the work per record.
 */
export interface ResultSummary {
  readonly disposition: string;
  /** Caution ids, in the questionnaire's caution order (none when the outcome stops). */
  readonly cautions: readonly string[];
  /** Ids of the rules that fired, in rule order, then any `engine:` entries. */
  readonly fired: readonly string[];
  /** Question ids on the path left unanswered (path order). */
  readonly missing: readonly string[];
}

export function evaluateSummary(q: Questionnaire, given: Answers): ResultSummary {
  return withScratch(q, given, (q2, plan, answers, onPath) => summaryWith(q2, plan, answersByIndex(plan, answers), onPath));
}

/**
 * `evaluateSummary` of answers already normalised for `q` into the engine's array
 * (`normaliseAnswerValues`, `parseAnswersDocumentValues` for the same questionnaire): `batch`'s
 * path, with no answers object made or read.
 */
export function evaluateSummaryOfValues(q: Questionnaire, values: NormalisedValues): ResultSummary {
  const plan = planFor(q);
  const scratch = plan.scratch;
  if (scratch.inUse) return summaryWith(q, plan, values, new Uint8Array(plan.ids.length));
  scratch.inUse = true;
  try {
    return summaryWith(q, plan, values, scratch.onPath);
  } finally {
    scratch.onPath.fill(0);
    scratch.inUse = false;
  }
}

/** Runs `f` with the plan's zeroed scratch buffers (fresh ones when they are in use: re-entry).
 * `marks` comes back zeroed by itself: `answersOf` clears every mark `explain` sets. */
function withScratch<T>(q: Questionnaire, given: Answers, f: (q: Questionnaire, plan: Plan, answers: Answers, onPath: Uint8Array, marks: Uint8Array) => T): T {
  const answers = checkedAnswers(q, given);
  const plan = planFor(q);
  const scratch = plan.scratch;
  if (scratch.inUse) return f(q, plan, answers, new Uint8Array(plan.ids.length), new Uint8Array(plan.ids.length));
  scratch.inUse = true;
  try {
    return f(q, plan, answers, scratch.onPath, scratch.marks);
  } finally {
    scratch.onPath.fill(0);
    scratch.inUse = false;
  }
}

/** `evaluateWith` less everything the summary does not show; the same decisions in the same order. */
function summaryWith(q: Questionnaire, plan: Plan, values: readonly (AnswerValue | null | undefined)[], onPath: Uint8Array): ResultSummary {
  const scope = newScope(plan, values as (AnswerValue | null | undefined)[], onPath);
  runWalk(plan, scope, false);
  const fired: string[] = [];
  const rules = plan.rules;
  const n = rules.length;
  let firedCautions: Uint8Array | undefined;
  let best = q.outcomes.length - 1;
  for (let i = 0; i < n; i++) {
    const r = rules[i] as Plan['rules'][number];
    if (!holds(r.when, scope)) continue;
    fired.push(r.id);
    if (r.rank >= 0 && r.rank < best) best = r.rank;
    for (const c of r.cautions) (firedCautions ??= new Uint8Array(q.cautions.length))[c] = 1;
  }
  const mildest = q.outcomes.length - 1;
  if (best === mildest && mildest > 0) {
    const net = safetyNet(plan, scope, plan.ids);
    for (const [key, rule] of SAFETY_NET_ENTRIES) {
      if (net[key] === undefined) continue;
      fired.push(rule);
      best = mildest - 1;
    }
  }
  const outcome = q.outcomes[best] as Questionnaire['outcomes'][number];
  const cautions: string[] = [];
  if (!outcome.stop && firedCautions !== undefined) {
    for (let c = 0; c < firedCautions.length; c++) if (firedCautions[c] === 1) cautions.push((q.cautions[c] as Questionnaire['cautions'][number]).id);
  }
  return { disposition: outcome.id, cautions, fired, missing: missingAndIgnored(plan, scope).missing };
}

/** `onPath` and `marks`: zeroed buffers, one entry per question. */
function evaluateWith(q: Questionnaire, plan: Plan, answers: Answers, onPath: Uint8Array, marks: Uint8Array): Result {
  const scope = newScope(plan, answersByIndex(plan, answers), onPath);
  const end = runWalk(plan, scope, false);
  const ids = plan.ids;

  const fired: FiredRule[] = [];
  const outranked: string[] = [];
  const rules = plan.rules;
  const n = rules.length;
  const firedIdx: number[] = [];
  let best = q.outcomes.length - 1;
  for (let i = 0; i < n; i++) {
    const r = rules[i] as Plan['rules'][number];
    if (!holds(r.when, scope)) continue;
    firedIdx.push(i);
    if (r.rank >= 0 && r.rank < best) best = r.rank;
    const marked = explain(r.when, scope, marks);
    fired.push(firedEntry(r.id, r.outcome, r.cautionIds, r.reason, r.source, answersOf(marks, marked, scope, ids)));
  }

  const mildest = q.outcomes.length - 1;
  if (best === mildest && mildest > 0) {
    const raised = (q.outcomes[mildest - 1] as Questionnaire['outcomes'][number]).id;
    const net = safetyNet(plan, scope, ids);
    for (const [key, rule, reason] of SAFETY_NET_ENTRIES) {
      const answers = net[key];
      if (answers === undefined) continue;
      fired.push(firedEntry(rule, raised, undefined, reason, NO_SOURCES, answers));
      best = mildest - 1;
    }
  }

  for (const i of firedIdx) {
    const r = rules[i] as Plan['rules'][number];
    if (r.rank > best) outranked.push(r.id);
  }

  const outcome = q.outcomes[best] as Questionnaire['outcomes'][number];
  const { missing, ignored } = missingAndIgnored(plan, scope);
  const unscreened = missing.length === 0 ? undefined : unscreenedOf(plan, scope);
  // Not screened for a warning sign: the outcome's advice (at the floor, "a routine appointment
  // is fine") would speak as if it had been; the questionnaire's own words say so instead. A more
  // urgent outcome keeps its advice: it already asks for more than the floor does.
  const notScreenedAdvice = unscreened !== undefined && q.unscreened !== undefined && best >= mildest - 1 ? q.unscreened : undefined;
  return {
    format: 'sciatica-screen/result',
    formatVersion: RESULT_FORMAT_VERSION,
    questionnaire: { id: q.id, version: q.version, sha256: q.sha256 },
    disposition: outcome.id,
    title: outcome.title,
    advice: notScreenedAdvice?.advice ?? outcome.advice,
    ...(notScreenedAdvice !== undefined ? { adviceSource: notScreenedAdvice.sources.map((id) => plan.citations.get(id) as Citation) } : {}),
    stoppedEarly: end === WalkEnd.Stopped,
    // An outcome that stops the interview means no massage now: the therapist's cautions would
    // only distract from what to do (they stay in `fired[].cautions`).
    cautions: outcome.stop ? [] : cautionsOf(q, plan, firedIdx),
    fired,
    outranked,
    missing,
    ...(unscreened !== undefined ? { unscreened } : {}),
    ignored,
    path: pathIds(scope, ids),
    notice: NOT_A_DIAGNOSIS,
  };
}

function firedEntry(
  rule: string,
  outcome: string | undefined,
  cautions: readonly string[] | undefined,
  reason: string,
  source: readonly Citation[],
  answers: Record<string, AnswerValue | null>,
): FiredRule {
  const f: { -readonly [K in keyof FiredRule]: FiredRule[K] } = { rule, reason, source, answers };
  if (outcome !== undefined) f.outcome = outcome;
  if (cautions !== undefined) f.cautions = cautions;
  return f;
}

/** Each entry undefined when there is nothing to say. */
interface SafetyNet {
  /** Red-flag questions on the path left unanswered. */
  readonly unanswered: Record<string, AnswerValue | null> | undefined;
  /** Red-flag questions on the path answered with a red-flag value. */
  readonly flagged: Record<string, AnswerValue | null> | undefined;
  /** Red-flag questions off the path (so ignored by every rule) answered with a red-flag value. */
  readonly flaggedOffPath: Record<string, AnswerValue | null> | undefined;
}

/** What the safety net sees: red-flag questions unanswered on the path, or given a red-flag value anywhere. */
function safetyNet(plan: Plan, scope: WalkScope, ids: readonly string[]): SafetyNet {
  let unanswered: Record<string, AnswerValue | null> | undefined;
  let flagged: Record<string, AnswerValue | null> | undefined;
  let flaggedOffPath: Record<string, AnswerValue | null> | undefined;
  for (let k = 0; k < scope.pathLength; k++) {
    const i = scope.path[k] as number;
    const values = plan.redFlagValues[i];
    if (values === undefined) continue;
    const v = scope.vals[i];
    const id = ids[i] as string;
    if (v === undefined || v === null) (unanswered ??= {})[id] = null;
    else if (isRedFlagValue(v, values)) (flagged ??= {})[id] = v;
  }
  for (let i = 0; i < ids.length; i++) {
    const values = plan.redFlagValues[i];
    const v = scope.vals[i];
    if (values === undefined || scope.onPath[i] !== 0 || v === undefined || v === null) continue;
    if (isRedFlagValue(v, values)) (flaggedOffPath ??= {})[ids[i] as string] = v;
  }
  return { unanswered, flagged, flaggedOffPath };
}

/** Red-flag questions on the path left unanswered, in path order; undefined when none. */
function unscreenedOf(plan: Plan, scope: WalkScope): UnscreenedQuestion[] | undefined {
  let out: UnscreenedQuestion[] | undefined;
  for (let k = 0; k < scope.pathLength; k++) {
    const i = scope.path[k] as number;
    const flag = (plan.questions[i] as Question).redFlag;
    if (flag === undefined) continue;
    const v = scope.vals[i];
    if (v === undefined || v === null) (out ??= []).push({ question: plan.ids[i] as string, red_flag: flag.category });
  }
  return out;
}

/** A number is never a red-flag value: the values are option ids (a list of strings). */
function isRedFlagValue(v: AnswerValue, values: readonly string[]): boolean {
  if (typeof v === 'object') return v.some((x) => values.includes(x));
  return (values as readonly AnswerValue[]).includes(v);
}

/** Cautions of the fired rules, in the questionnaire's caution order, each with the sources of
 * the rules that added it (deduplicated, in order of first citation by rule order). */
function cautionsOf(q: Questionnaire, plan: Plan, firedIdx: readonly number[]): ResultCaution[] {
  const sourcesBy: (Citation[] | undefined)[] = [];
  for (const i of firedIdx) {
    const r = plan.rules[i] as Plan['rules'][number];
    for (const c of r.cautions) {
      const list = (sourcesBy[c] ??= []);
      for (const s of r.source) if (!list.includes(s)) list.push(s);
    }
  }
  const out: ResultCaution[] = [];
  for (let c = 0; c < q.cautions.length; c++) {
    const list = sourcesBy[c];
    if (list === undefined) continue;
    const caution = q.cautions[c] as Questionnaire['cautions'][number];
    out.push({ id: caution.id, text: caution.text, source: list });
  }
  return out;
}

/** `scope.path` holds exactly the path (its length is `pathLength`). */
function pathIds(scope: WalkScope, ids: readonly string[]): string[] {
  return scope.path.map((i) => ids[i] as string);
}
