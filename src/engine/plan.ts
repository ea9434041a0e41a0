/**
 * What the engine precomputes once per questionnaire (cached by object identity, so a loaded,
 * frozen Questionnaire is compiled on first use and never again): question indices, compiled
 * flows and conditions, outcome ranks, rules indexed by the questions they name, citations.
 */
import type { Question, Questionnaire } from '../questionnaire/model.js';
import type { Citation } from './result.js';
import { compileCondition, hasMissingAtom, MissingClass, namedQuestions, type CNode } from './conditions.js';

/** Flow target meaning "the end". */
export const END = -1;

export interface CompiledBranch {
  /** `undefined`: always taken. */
  readonly when: CNode | undefined;
  readonly target: number;
}

/** Where the flow goes after a question: a fixed target, or branches tried in order. */
export type CompiledFlow =
  | { readonly fixed: true; readonly target: number }
  | { readonly fixed: false; readonly branches: readonly CompiledBranch[] };

export interface CompiledRule {
  readonly id: string;
  readonly when: CNode;
  /** Rank of the rule's outcome (0 = most urgent), or -1 when it raises none. */
  readonly rank: number;
  readonly outcome: string | undefined;
  /** Caution indices (questionnaire caution order). */
  readonly cautions: readonly number[];
  readonly cautionIds: readonly string[] | undefined;
  readonly reason: string;
  readonly source: readonly Citation[];
}

export interface Plan {
  readonly questions: readonly Question[];
  /** Question ids by index. */
  readonly ids: readonly string[];
  /** No question id is a member of Object.prototype (always so for linted ids). */
  readonly idsClearOfObjectPrototype: boolean;
  readonly indexOf: (id: string) => number;
  readonly start: number;
  readonly flows: readonly CompiledFlow[];
  /** Per question: MissingClass bits (required, red flag). */
  readonly classes: Uint8Array;
  /** Per question: its red-flag answer values, or undefined when it is not a red flag. */
  readonly redFlagValues: readonly (readonly string[] | undefined)[];
  readonly rules: readonly CompiledRule[];
  /** Indices of rules raising a stopping outcome, by the question index they name. */
  readonly stopRulesByQuestion: readonly (readonly number[])[];
  /** Indices of stopping rules with a `missing` atom (their truth can change with the path alone). */
  readonly stopRulesWithMissing: readonly number[];
  /** Indices of all stopping rules, in rule order. */
  readonly stopRules: readonly number[];
  readonly citations: ReadonlyMap<string, Citation>;
  /**
   * Zeroed working buffers lent to one evaluation at a time (evaluation is synchronous and calls
   * no outside code, so at most one borrows them; `inUse` guards anyway). Returned zeroed.
   */
  readonly scratch: { onPath: Uint8Array; marks: Uint8Array; inUse: boolean };
}

const cache = new WeakMap<Questionnaire, Plan>();

export function planFor(q: Questionnaire): Plan {
  let plan = cache.get(q);
  if (plan === undefined) {
    plan = buildPlan(q);
    cache.set(q, plan);
  }
  return plan;
}

function citationOf(s: Questionnaire['sources'][number]): Citation {
  const c: { -readonly [K in keyof Citation]: Citation[K] } = { id: s.id, title: s.title, publisher: s.publisher };
  if (s.year !== undefined) c.year = s.year;
  if (s.url !== undefined) c.url = s.url;
  if (s.section !== undefined) c.section = s.section;
  return Object.freeze(c);
}

function buildPlan(q: Questionnaire): Plan {
  const index = new Map<string, number>();
  q.questions.forEach((question, i) => index.set(question.id, i));
  const indexOf = (id: string): number => index.get(id) ?? -1;
  const target = (id: string): number => (id === 'end' ? END : indexOf(id));

  const flows: CompiledFlow[] = q.questions.map((question, i): CompiledFlow => {
    const next = question.next;
    switch (next.kind) {
      case 'sequence':
        return { fixed: true, target: i + 1 < q.questions.length ? i + 1 : END };
      case 'goto':
        return { fixed: true, target: target(next.target) };
      case 'branches':
        return {
          fixed: false,
          branches: next.branches.map((b) => ({
            when: b.when === undefined ? undefined : compileCondition(b.when, indexOf),
            target: target(b.goto),
          })),
        };
      // No default: the switch covers every kind of flow, so adding one is a compile error here.
    }
  });

  const classes = new Uint8Array(q.questions.length);
  q.questions.forEach((question, i) => {
    classes[i] = (question.required ? MissingClass.Required : 0) | (question.redFlag ? MissingClass.RedFlag : 0);
  });

  // Keyed by `string | undefined` so a rule without an outcome looks itself up like any other:
  // no rank (-1), not stopping.
  const outcomeRank = new Map<string | undefined, number>();
  q.outcomes.forEach((o, i) => outcomeRank.set(o.id, i));
  const stopping = new Set<string | undefined>(q.outcomes.filter((o) => o.stop).map((o) => o.id));
  const cautionIndex = new Map<string, number>();
  q.cautions.forEach((c, i) => cautionIndex.set(c.id, i));
  const citations = new Map<string, Citation>();
  for (const s of q.sources) citations.set(s.id, citationOf(s));

  const rules: CompiledRule[] = q.rules.map((r) => ({
    id: r.id,
    when: compileCondition(r.when, indexOf),
    rank: outcomeRank.get(r.outcome) ?? -1,
    outcome: r.outcome,
    cautions: r.cautions.map((c) => cautionIndex.get(c) ?? -1).filter((i) => i >= 0),
    cautionIds: r.cautions.length > 0 ? Object.freeze([...r.cautions]) : undefined,
    reason: r.reason,
    source: Object.freeze(r.sources.flatMap((s) => {
      const c = citations.get(s);
      return c === undefined ? [] : [c];
    })),
  }));

  const stopRulesByQuestion: number[][] = q.questions.map(() => []);
  const stopRulesWithMissing: number[] = [];
  const stopRules: number[] = [];
  rules.forEach((r, i) => {
    if (!stopping.has(r.outcome)) return;
    stopRules.push(i);
    // namedQuestions gives question indices only (never -1), so each has its list.
    for (const qi of namedQuestions(r.when, new Set())) (stopRulesByQuestion[qi] as number[]).push(i);
    if (hasMissingAtom(r.when)) stopRulesWithMissing.push(i);
  });

  return {
    questions: q.questions,
    ids: q.questions.map((question) => question.id),
    idsClearOfObjectPrototype: q.questions.every((question) => !(question.id in Object.prototype)),
    indexOf,
    start: indexOf(q.start),
    flows,
    classes,
    redFlagValues: q.questions.map((question) => question.redFlag?.values),
    rules,
    stopRulesByQuestion,
    stopRulesWithMissing,
    stopRules,
    citations,
    scratch: { onPath: new Uint8Array(q.questions.length), marks: new Uint8Array(q.questions.length), inUse: false },
  };
}
