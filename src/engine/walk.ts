/**
 * The path through a questionnaire for a set of answers.
 *
 * Flow: from `start`, each question is followed by the next in document order (`sequence`), a
 * fixed `goto`, the first branch whose `when` holds, or the end. Branch conditions see only the
 * answers on the path so far. `walk` continues past unanswered questions (absent or `null`);
 * `nextQuestion` stops at the first question whose key is absent (`null` = skipped, move on).
 *
 * Early stop: after each question joins the path, the rules raising a stopping outcome are
 * checked; when one is certain to hold on the path so far (whatever the questions not yet
 * reached turn out to be, see `holdsSoFar`) and the flow would go on, the walk stops there.
 *
 * A flow that revisits a question or names an unknown one ends the walk (the linter forbids both).
 * Answers not produced by `normaliseAnswers` for the questionnaire are normalised first, and
 * invalid ones throw (`checkedAnswers`).
 */
import type { AnswerValue, Answers, Question, Questionnaire } from '../questionnaire/model.js';
import { holds, holdsSoFar, MissingClass, Truth, type Scope } from './conditions.js';
import { checkedAnswers } from './answers.js';
import { END, planFor, type CompiledFlow, type CompiledRule, type Plan } from './plan.js';

export interface Walk {
  /** Question ids in the order asked. */
  readonly path: readonly string[];
  /** Path questions left unanswered (path order). */
  readonly missing: readonly string[];
  /** Questions answered (non-null) but not on the path (document order): ignored, never used. */
  readonly ignored: readonly string[];
  /** True when a stopping outcome was raised before the flow reached its end. */
  readonly stoppedEarly: boolean;
}

export type NextQuestion =
  | {
      readonly done: false;
      readonly question: Question;
      /** Questions on the path before this one (answered or skipped). */
      readonly asked: number;
      /** An estimate of the questions after this one: the path if the rest were left unanswered. */
      readonly remaining: number;
    }
  | { readonly done: true; readonly reason: 'end' | 'stopped' };

/** A walk's working state: a Scope whose path grows. */
export interface WalkScope extends Scope {
  readonly path: number[];
}

export const enum WalkEnd {
  End = -1,
  Stopped = -2,
}

/**
 * Reads the answers into an array by question index (own keys only; `undefined` = absent). The
 * answers are always an object answers.ts made (`checkedAnswers`): a plain object whose own keys
 * are question ids, on Object.prototype.
 */
export function answersByIndex(plan: Plan, answers: Answers): (AnswerValue | null | undefined)[] {
  const ids = plan.ids;
  const vals = new Array<AnswerValue | null | undefined>(ids.length);
  if (plan.idsClearOfObjectPrototype) {
    // No id names an Object.prototype member, so a plain lookup reads own keys only (and fast).
    for (let i = 0; i < ids.length; i++) vals[i] = answers[ids[i] as string];
  } else {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as string;
      vals[i] = Object.hasOwn(answers, id) ? answers[id] : undefined;
    }
  }
  return vals;
}

/** A fresh scope; `onPath` (zeroed, one entry per question) may be lent by the caller. */
export function newScope(plan: Plan, vals: (AnswerValue | null | undefined)[], onPath: Uint8Array = new Uint8Array(plan.questions.length)): WalkScope {
  return {
    vals,
    onPath,
    path: [],
    pathLength: 0,
    missingRequired: 0,
    missingRedFlag: 0,
    classes: plan.classes,
  };
}

function nextOf(plan: Plan, q: number, scope: Scope): number {
  const flow = plan.flows[q] as CompiledFlow; // q is a question index: the walk never leaves them
  if (flow.fixed) return flow.target;
  const bs = flow.branches;
  for (let i = 0; i < bs.length; i++) {
    const b = bs[i] as (typeof bs)[number];
    if (b.when === undefined || holds(b.when, scope)) return b.target;
  }
  return END;
}

function anyStopRuleCertain(plan: Plan, list: readonly number[], scope: Scope): boolean {
  for (let i = 0; i < list.length; i++) {
    const rule = plan.rules[list[i] as number] as CompiledRule; // the plan lists rule indices only
    if (holdsSoFar(rule.when, scope) === Truth.True) return true;
  }
  return false;
}

/**
 * Walks from `start`, filling `scope`. With `untilAbsent`, returns the index of the first question
 * whose answer is absent (`undefined`) without adding it; otherwise walks past it. Returns
 * `WalkEnd.End` or `WalkEnd.Stopped` when the walk is over. With `checkStops` false, stopping
 * rules are ignored (used to estimate the rest of a path).
 */
export function runWalk(plan: Plan, scope: WalkScope, untilAbsent: boolean, checkStops = true, from = plan.start): number {
  const { onPath, path, vals } = scope;
  const stopRules = checkStops ? plan.stopRules : [];
  let cur = from;
  let first = scope.pathLength === 0;
  while (cur !== END) {
    // A flow target the plan could not resolve is END already (plan.ts), so `cur` is a question.
    if (onPath[cur] === 1) return WalkEnd.End;
    const v = vals[cur];
    if (untilAbsent && v === undefined) return cur;
    onPath[cur] = 1;
    path.push(cur);
    scope.pathLength++;
    const unanswered = v === undefined || v === null;
    if (unanswered) {
      const c = plan.classes[cur] as number;
      if (c & MissingClass.Required) scope.missingRequired++;
      if (c & MissingClass.RedFlag) scope.missingRedFlag++;
    }
    const next = nextOf(plan, cur, scope);
    if (stopRules.length > 0 && next !== END) {
      // A stopping rule's certainty changes only when a question it names joins the path or,
      // for `missing` atoms, when an unanswered one does; on the first step every rule is checked.
      const stop = first
        ? anyStopRuleCertain(plan, stopRules, scope)
        : anyStopRuleCertain(plan, plan.stopRulesByQuestion[cur] as readonly number[], scope) ||
          (unanswered && anyStopRuleCertain(plan, plan.stopRulesWithMissing, scope));
      if (stop) return WalkEnd.Stopped;
    }
    first = false;
    cur = next;
  }
  return WalkEnd.End;
}

/** The ids of `scope`'s unanswered path questions, and of answered questions off the path. */
export function missingAndIgnored(plan: Plan, scope: WalkScope): { missing: string[]; ignored: string[] } {
  const missing: string[] = [];
  const ignored: string[] = [];
  const ids = plan.ids;
  for (let i = 0; i < scope.pathLength; i++) {
    const q = scope.path[i] as number;
    const v = scope.vals[q];
    if (v === undefined || v === null) missing.push(ids[q] as string);
  }
  for (let q = 0; q < ids.length; q++) {
    const v = scope.vals[q];
    if (scope.onPath[q] === 0 && v !== undefined && v !== null) ignored.push(ids[q] as string);
  }
  return { missing, ignored };
}

/** The path the answers take, what is missing on it and what is ignored off it. */
export function walk(q: Questionnaire, answers: Answers): Walk {
  const plan = planFor(q);
  const scope = newScope(plan, answersByIndex(plan, checkedAnswers(q, answers)));
  const end = runWalk(plan, scope, false);
  const { missing, ignored } = missingAndIgnored(plan, scope);
  return {
    path: scope.path.map((i) => (plan.questions[i] as Question).id),
    missing,
    ignored,
    stoppedEarly: end === WalkEnd.Stopped,
  };
}

/**
 * What to ask next: the first question on the path whose key is absent from `answers`, or done
 * (`'end'`: the flow ended; `'stopped'`: a stopping outcome was raised, see the module comment).
 */
export function nextQuestion(q: Questionnaire, answers: Answers): NextQuestion {
  const plan = planFor(q);
  const scope = newScope(plan, answersByIndex(plan, checkedAnswers(q, answers)));
  const at = runWalk(plan, scope, true);
  if (at === WalkEnd.End) return { done: true, reason: 'end' };
  if (at === WalkEnd.Stopped) return { done: true, reason: 'stopped' };
  const asked = scope.pathLength;
  runWalk(plan, scope, false, false, at);
  return { done: false, question: plan.questions[at] as Question, asked, remaining: scope.pathLength - asked - 1 };
}
