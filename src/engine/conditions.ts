/**
 * The condition interpreter: conditions are data, compiled once per questionnaire into nodes that
 * name questions by index, and evaluated against a `Scope` (the answers visible on the path).
 *
 * Semantics (docs/questionnaire-language.md § Conditions):
 * - Only questions on the path are visible; every other question counts as unanswered.
 * - An unanswered question (absent key, `null`, or off the path) never matches an `in` or a
 *   `compare` atom; `answered` and `missing` test for it.
 * - `in` on a multi question holds when any selected option is one of the values.
 * - `compare` holds only for a numeric answer (never for `unsure`).
 *
 * Three evaluators share the compiled form: `holds` (two-valued, on a finished path),
 * `holdsSoFar` (three-valued, on a path still growing: used to stop the walk only when a stopping
 * rule is certain to hold whatever the questions not yet reached turn out to be), and `explain`
 * (which answers made a holding condition hold).
 *
 * The linter's safety proof interprets the same language three-valued too
 * (src/questionnaire/three-valued.ts). The two are kept apart and held to one meaning by a
 * differential property test (test/properties/three-valued-vs-engine.test.ts): change the
 * language in both, or that test fails.
 */
import type { AnswerValue, Answers, CompareOp, Condition, Questionnaire } from '../questionnaire/model.js';
import { planFor } from './plan.js';

export const enum NodeKind {
  Const,
  All,
  Any,
  Not,
  In,
  Compare,
  Answered,
  Missing,
}

export const enum Op {
  Lt,
  Lte,
  Gt,
  Gte,
  Eq,
  Ne,
}

/** `Missing` nodes test one class of question: required ones or red-flag ones. */
export const enum MissingClass {
  Required = 1,
  RedFlag = 2,
}

export type CNode =
  | { readonly k: NodeKind.Const; readonly v: boolean }
  | { readonly k: NodeKind.All | NodeKind.Any; readonly of: readonly CNode[] }
  | { readonly k: NodeKind.Not; readonly of: CNode }
  | { readonly k: NodeKind.In; readonly q: number; readonly values: readonly (string | number)[] }
  | { readonly k: NodeKind.Compare; readonly q: number; readonly op: Op; readonly value: number }
  | { readonly k: NodeKind.Answered; readonly q: number; readonly answered: boolean }
  | { readonly k: NodeKind.Missing; readonly which: MissingClass };

const OPS: Readonly<Record<CompareOp, Op>> = { lt: Op.Lt, lte: Op.Lte, gt: Op.Gt, gte: Op.Gte, eq: Op.Eq, ne: Op.Ne };

/**
 * Compiles a condition, resolving question ids through `indexOf`. An id it cannot resolve (the
 * loader's linter rules these out) compiles to a question that is never answered.
 */
export function compileCondition(cond: Condition, indexOf: (id: string) => number): CNode {
  switch (cond.kind) {
    case 'const':
      return { k: NodeKind.Const, v: cond.value };
    case 'all':
      return { k: NodeKind.All, of: cond.of.map((c) => compileCondition(c, indexOf)) };
    case 'any':
      return { k: NodeKind.Any, of: cond.of.map((c) => compileCondition(c, indexOf)) };
    case 'not':
      return { k: NodeKind.Not, of: compileCondition(cond.of, indexOf) };
    case 'in':
      return { k: NodeKind.In, q: indexOf(cond.question), values: cond.values };
    case 'compare':
      return { k: NodeKind.Compare, q: indexOf(cond.question), op: OPS[cond.op], value: cond.value };
    case 'answered':
      return { k: NodeKind.Answered, q: indexOf(cond.question), answered: cond.answered };
    case 'missing':
      return { k: NodeKind.Missing, which: cond.which === 'required' ? MissingClass.Required : MissingClass.RedFlag };
    // No default: the switch covers every condition kind, so adding one is a compile error here.
  }
}

/**
 * What a condition sees. Indices are question indices of the questionnaire (document order).
 * `vals[i]` is the answer to question i (`undefined`/`null` = unanswered); it is only consulted
 * when `onPath[i]` is 1. `path[0..pathLength)` lists the path so far; `missingRequired` and
 * `missingRedFlag` count its unanswered required and red-flag questions.
 */
export interface Scope {
  readonly vals: readonly (AnswerValue | null | undefined)[];
  readonly onPath: Uint8Array;
  readonly path: readonly number[];
  pathLength: number;
  missingRequired: number;
  missingRedFlag: number;
  /** Bit set per question: MissingClass.Required | MissingClass.RedFlag. */
  readonly classes: Uint8Array;
}

/** The answer to question `q` if it is on the path. An unknown question (index -1) never is: a
 * typed array reads `undefined` at -1. */
function visible(scope: Scope, q: number): AnswerValue | null | undefined {
  return scope.onPath[q] === 1 ? scope.vals[q] : undefined;
}

function matchesIn(v: AnswerValue, values: readonly (string | number)[]): boolean {
  if (typeof v === 'object') {
    for (let i = 0; i < v.length; i++) if (values.includes(v[i] as string)) return true;
    return false;
  }
  return values.includes(v);
}

function compare(v: number, op: Op, x: number): boolean {
  switch (op) {
    case Op.Lt:
      return v < x;
    case Op.Lte:
      return v <= x;
    case Op.Gt:
      return v > x;
    case Op.Gte:
      return v >= x;
    case Op.Eq:
      return v === x;
    case Op.Ne:
      return v !== x;
  }
}

/** Two-valued evaluation on the path in `scope`. */
export function holds(n: CNode, scope: Scope): boolean {
  switch (n.k) {
    case NodeKind.Const:
      return n.v;
    case NodeKind.All: {
      const of = n.of;
      for (let i = 0; i < of.length; i++) if (!holds(of[i] as CNode, scope)) return false;
      return true;
    }
    case NodeKind.Any: {
      const of = n.of;
      for (let i = 0; i < of.length; i++) if (holds(of[i] as CNode, scope)) return true;
      return false;
    }
    case NodeKind.Not:
      return !holds(n.of, scope);
    case NodeKind.In: {
      const v = visible(scope, n.q);
      return v !== undefined && v !== null && matchesIn(v, n.values);
    }
    case NodeKind.Compare: {
      const v = visible(scope, n.q);
      return typeof v === 'number' && compare(v, n.op, n.value);
    }
    case NodeKind.Answered: {
      const v = visible(scope, n.q);
      return (v !== undefined && v !== null) === n.answered;
    }
    case NodeKind.Missing:
      return (n.which === MissingClass.Required ? scope.missingRequired : scope.missingRedFlag) > 0;
  }
}

/** Kleene truth values for a path that may still grow. */
export const enum Truth {
  False = 0,
  True = 1,
  Unknown = 2,
}

/**
 * Three-valued evaluation on a path that may still grow: a question not yet on the path is
 * Unknown (it may still be reached and answered either way); a `missing` atom that holds now holds
 * for every longer path, one that does not is Unknown. `True` means the condition holds on every
 * completion of the path, so it also holds (two-valued) on the path as it stands.
 */
export function holdsSoFar(n: CNode, scope: Scope): Truth {
  switch (n.k) {
    case NodeKind.Const:
      return n.v ? Truth.True : Truth.False;
    case NodeKind.All: {
      let r = Truth.True;
      for (let i = 0; i < n.of.length; i++) {
        const t = holdsSoFar(n.of[i] as CNode, scope);
        if (t === Truth.False) return Truth.False;
        if (t === Truth.Unknown) r = Truth.Unknown;
      }
      return r;
    }
    case NodeKind.Any: {
      let r = Truth.False;
      for (let i = 0; i < n.of.length; i++) {
        const t = holdsSoFar(n.of[i] as CNode, scope);
        if (t === Truth.True) return Truth.True;
        if (t === Truth.Unknown) r = Truth.Unknown;
      }
      return r;
    }
    case NodeKind.Not: {
      const t = holdsSoFar(n.of, scope);
      return t === Truth.Unknown ? t : t === Truth.True ? Truth.False : Truth.True;
    }
    case NodeKind.In:
    case NodeKind.Compare:
    case NodeKind.Answered:
      if (scope.onPath[n.q] !== 1) return Truth.Unknown; // not reached yet (or unknown: index -1)
      return holds(n, scope) ? Truth.True : Truth.False;
    case NodeKind.Missing:
      return holds(n, scope) ? Truth.True : Truth.Unknown;
  }
}

/**
 * Marks in `marks` (by question index) the questions whose answers made a holding condition hold:
 * the question of every holding atom; for `all`, every part; for `any`, the holding alternatives;
 * for `not c`, the answers that made `c` fail (see `explainFailure`); for a holding `missing`
 * atom, every unanswered path question of its class. Call only when `holds(n, scope)`.
 * Returns how many questions it newly marked (for `answersOf`).
 */
export function explain(n: CNode, scope: Scope, marks: Uint8Array): number {
  switch (n.k) {
    case NodeKind.Const:
      return 0;
    case NodeKind.All: {
      let added = 0;
      for (const c of n.of) added += explain(c, scope, marks);
      return added;
    }
    case NodeKind.Any: {
      let added = 0;
      for (const c of n.of) if (holds(c, scope)) added += explain(c, scope, marks);
      return added;
    }
    case NodeKind.Not:
      return explainFailure(n.of, scope, marks);
    case NodeKind.In:
    case NodeKind.Compare:
    case NodeKind.Answered:
      return mark(marks, n.q);
    case NodeKind.Missing: {
      let added = 0;
      for (let i = 0; i < scope.pathLength; i++) {
        const q = scope.path[i] as number;
        const v = scope.vals[q];
        if ((v === undefined || v === null) && (scope.classes[q] as number) & n.which) added += mark(marks, q);
      }
      return added;
    }
  }
}

/** Marks question `q` (when it exists: at -1 a typed array reads `undefined`); 1 when newly marked. */
function mark(marks: Uint8Array, q: number): number {
  if (marks[q] !== 0) return 0;
  marks[q] = 1;
  return 1;
}

/**
 * The dual of `explain`, for a condition that does not hold: marks the answers that made it fail.
 * The question of every failing atom (an unanswered one too); for `all`, the parts that failed;
 * for `any`, every alternative; for `not c`, the answers that made `c` hold; for a failing
 * `missing` atom, every path question of its class (all answered). Call only when
 * `!holds(n, scope)`.
 */
function explainFailure(n: CNode, scope: Scope, marks: Uint8Array): number {
  switch (n.k) {
    case NodeKind.Const:
      return 0;
    case NodeKind.Missing: {
      let added = 0;
      for (let i = 0; i < scope.pathLength; i++) {
        const q = scope.path[i] as number;
        if ((scope.classes[q] as number) & n.which) added += mark(marks, q);
      }
      return added;
    }
    case NodeKind.All: {
      let added = 0;
      for (const c of n.of) if (!holds(c, scope)) added += explainFailure(c, scope, marks);
      return added;
    }
    case NodeKind.Any: {
      let added = 0;
      for (const c of n.of) added += explainFailure(c, scope, marks);
      return added;
    }
    case NodeKind.Not:
      return explain(n.of, scope, marks);
    case NodeKind.In:
    case NodeKind.Compare:
    case NodeKind.Answered:
      return mark(marks, n.q);
  }
}

/** Every question index a compiled condition names (for indexing rules by question). */
export function namedQuestions(n: CNode, into: Set<number>): Set<number> {
  switch (n.k) {
    case NodeKind.All:
    case NodeKind.Any:
      for (const c of n.of) namedQuestions(c, into);
      break;
    case NodeKind.Not:
      namedQuestions(n.of, into);
      break;
    case NodeKind.In:
    case NodeKind.Compare:
    case NodeKind.Answered:
      if (n.q >= 0) into.add(n.q);
      break;
    case NodeKind.Const:
    case NodeKind.Missing:
      break;
  }
  return into;
}

/** True when the condition contains a `missing` atom (it can become true as the path grows,
 * without any question it names being reached). */
export function hasMissingAtom(n: CNode): boolean {
  switch (n.k) {
    case NodeKind.Missing:
      return true;
    case NodeKind.All:
    case NodeKind.Any:
      return n.of.some(hasMissingAtom);
    case NodeKind.Not:
      return hasMissingAtom(n.of);
    default:
      return false;
  }
}

/** Where a condition is evaluated from outside the engine: answers and the path they were given on. */
export interface ConditionContext {
  readonly questionnaire: Questionnaire;
  readonly answers: Answers;
  /** Question ids in the order asked. Only these questions' answers are visible. */
  readonly path: readonly string[];
}

function scopeOf(ctx: ConditionContext): { scope: Scope; indexOf: (id: string) => number } {
  const plan = planFor(ctx.questionnaire);
  const n = plan.questions.length;
  const vals: (AnswerValue | null | undefined)[] = new Array<AnswerValue | null | undefined>(n);
  const onPath = new Uint8Array(n);
  const path: number[] = [];
  let missingRequired = 0;
  let missingRedFlag = 0;
  for (const id of ctx.path) {
    const i = plan.indexOf(id);
    if (i < 0 || onPath[i] === 1) continue;
    onPath[i] = 1;
    path.push(i);
    const v = Object.hasOwn(ctx.answers, id) ? ctx.answers[id] : undefined;
    vals[i] = v;
    if (v === undefined || v === null) {
      if ((plan.classes[i] as number) & MissingClass.Required) missingRequired++;
      if ((plan.classes[i] as number) & MissingClass.RedFlag) missingRedFlag++;
    }
  }
  const scope: Scope = { vals, onPath, path, pathLength: path.length, missingRequired, missingRedFlag, classes: plan.classes };
  return { scope, indexOf: plan.indexOf };
}

/** Whether `cond` holds for the answers given on `ctx.path` (answers off the path are not seen). */
export function evaluateCondition(cond: Condition, ctx: ConditionContext): boolean {
  const { scope, indexOf } = scopeOf(ctx);
  return holds(compileCondition(cond, indexOf), scope);
}

/**
 * The answers that made `cond` hold, by question id in path order (`null` = unanswered, for
 * `answered: false` and `missing` atoms), or `undefined` when it does not hold.
 */
export function explainCondition(cond: Condition, ctx: ConditionContext): Record<string, AnswerValue | null> | undefined {
  const { scope, indexOf } = scopeOf(ctx);
  const node = compileCondition(cond, indexOf);
  if (!holds(node, scope)) return undefined;
  const plan = planFor(ctx.questionnaire);
  const marks = new Uint8Array(plan.questions.length);
  return answersOf(marks, explain(node, scope, marks), scope, plan.ids);
}

/**
 * The marked questions' answers by id, clearing the marks: path questions first in path order,
 * then any other marked question (unanswered, off the path) in document order. `marked`: how
 * many questions are marked.
 */
export function answersOf(marks: Uint8Array, marked: number, scope: Scope, ids: readonly string[]): Record<string, AnswerValue | null> {
  const out: Record<string, AnswerValue | null> = {};
  let left = marked;
  for (let i = 0; i < scope.pathLength && left > 0; i++) {
    const q = scope.path[i] as number;
    if (marks[q] === 1) {
      marks[q] = 0;
      left--;
      const v = scope.vals[q];
      out[ids[q] as string] = v === undefined ? null : v;
    }
  }
  for (let q = 0; q < marks.length && left > 0; q++) {
    if (marks[q] === 1) {
      marks[q] = 0;
      left--;
      out[ids[q] as string] = null;
    }
  }
  return out;
}
