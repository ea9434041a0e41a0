/**
 * Three-valued (Kleene) evaluation of conditions under partial knowledge of the answers, for the
 * safety proof. `true`/`false` mean "whatever the unknown answers are"; `undefined` means it
 * depends. Sound, not complete: when unsure it says `undefined`, never a wrong `true`.
 * Semantics follow the engine's: an unanswered question matches no value and no comparison;
 * `missing` is always unknown here.
 *
 * One language, two interpreters: the engine's early stop (`holdsSoFar` in
 * src/engine/conditions.ts) reads the same conditions under partial answers. They are kept apart
 * (the engine's runs on compiled nodes in the hot path) and held together by a differential
 * property test, test/properties/three-valued-vs-engine.test.ts: a change to the language must
 * be made in both, or that test fails.
 */
import type { CompareOp, Condition, Question } from './model.js';
import { UNSURE } from './model.js';

export type Tri = boolean | undefined;

type Value = string | number;

interface QuestionKnowledge {
  answered?: boolean;
  /** Single-valued questions: if answered, the answer is one of these (undefined: any). */
  possible?: Set<Value>;
  /** Multi questions: for each set, at least one selected option is in it. */
  includesOneOf: Set<Value>[];
  /** Multi questions: no selected option is in this set. */
  excluded: Set<Value>;
}

/** What is known about some answers. Build with `fix` / `assume`; unknown questions stay unknown. */
export class Knowledge {
  private readonly byQuestion = new Map<string, QuestionKnowledge>();
  /** Set when the assumptions contradict each other (no answers satisfy them). */
  contradiction = false;

  constructor(private readonly questions: ReadonlyMap<string, Question>) {}

  /** The question is answered with exactly `value` (for multi: `value` is among the selected). */
  fix(question: string, value: Value): this {
    this.assume({ kind: 'in', question, values: [value], pos: { file: '', line: 0, col: 0 } }, true);
    return this;
  }

  /** Adds an atom known to hold (`holds`) or not to hold. Non-atoms are ignored (no knowledge). */
  assume(atom: Condition, holds: boolean): void {
    switch (atom.kind) {
      case 'const':
        if (atom.value !== holds) this.contradiction = true;
        return;
      case 'in': {
        const k = this.of(atom.question);
        const q = this.questions.get(atom.question);
        const set = new Set<Value>(atom.values);
        if (q?.type === 'multi') {
          if (holds) {
            this.markAnswered(k);
            k.includesOneOf.push(set);
          } else for (const v of set) k.excluded.add(v);
          if (k.includesOneOf.some((s) => [...s].every((v) => k.excluded.has(v)))) this.contradiction = true;
          return;
        }
        const current = k.possible ?? domainOf(q);
        if (holds) {
          this.markAnswered(k);
          k.possible = new Set([...(current ?? set)].filter((v) => set.has(v)));
        } else if (current) k.possible = new Set([...current].filter((v) => !set.has(v)));
        if (k.answered === true && k.possible?.size === 0) this.contradiction = true;
        return;
      }
      case 'compare': {
        const k = this.of(atom.question);
        // From the question's finite domain (a scale) when nothing narrowed it yet, as for `in`.
        const current = k.possible ?? domainOf(this.questions.get(atom.question));
        if (holds) this.markAnswered(k);
        if (current) k.possible = new Set([...current].filter((v) => compare(v, atom.op, atom.value) === holds));
        if (k.answered === true && k.possible?.size === 0) this.contradiction = true;
        return;
      }
      case 'answered': {
        const k = this.of(atom.question);
        const answered = atom.answered === holds;
        if (k.answered !== undefined && k.answered !== answered) this.contradiction = true;
        k.answered = answered;
        return;
      }
      default:
        return;
    }
  }

  /** Evaluates `c` under this knowledge. */
  evaluate(c: Condition): Tri {
    switch (c.kind) {
      case 'const':
        return c.value;
      case 'all': {
        let result: Tri = true;
        for (const p of c.of) {
          const v = this.evaluate(p);
          if (v === false) return false;
          if (v === undefined) result = undefined;
        }
        return result;
      }
      case 'any': {
        let result: Tri = false;
        for (const p of c.of) {
          const v = this.evaluate(p);
          if (v === true) return true;
          if (v === undefined) result = undefined;
        }
        return result;
      }
      case 'not': {
        const v = this.evaluate(c.of);
        return v === undefined ? undefined : !v;
      }
      case 'in':
        return this.evaluateIn(c.question, new Set<Value>(c.values));
      case 'compare': {
        const k = this.byQuestion.get(c.question);
        if (!k || k.answered === false) return k?.answered === false ? false : undefined;
        if (!k.possible) return undefined;
        const results = [...k.possible].map((v) => compare(v, c.op, c.value));
        if (results.every((r) => r)) return k.answered === true ? true : undefined;
        if (results.every((r) => !r)) return false;
        return undefined;
      }
      case 'answered': {
        const k = this.byQuestion.get(c.question);
        return k?.answered === undefined ? undefined : k.answered === c.answered;
      }
      case 'missing':
        return undefined;
      default: {
        const _exhaustive: never = c;
        return _exhaustive;
      }
    }
  }

  private evaluateIn(question: string, values: Set<Value>): Tri {
    const k = this.byQuestion.get(question);
    if (!k) return undefined;
    if (k.answered === false) return false;
    if (this.questions.get(question)?.type === 'multi') {
      if (k.answered === true && k.includesOneOf.some((s) => [...s].every((v) => values.has(v)))) return true;
      if ([...values].every((v) => k.excluded.has(v))) return false;
      return undefined;
    }
    if (!k.possible) return undefined;
    const inside = [...k.possible].filter((v) => values.has(v)).length;
    if (inside === 0) return false;
    if (inside === k.possible.size && k.answered === true) return true;
    return undefined;
  }

  private of(question: string): QuestionKnowledge {
    let k = this.byQuestion.get(question);
    if (!k) {
      k = { includesOneOf: [], excluded: new Set() };
      this.byQuestion.set(question, k);
    }
    return k;
  }

  private markAnswered(k: QuestionKnowledge): void {
    if (k.answered === false) this.contradiction = true;
    k.answered = true;
  }
}

/** Every value a single-valued question can take, when that is a finite set. */
function domainOf(q: Question | undefined): Set<Value> | undefined {
  if (!q) return undefined;
  const extra: Value[] = q.unsure ? [UNSURE] : [];
  switch (q.type) {
    case 'yesno':
      return new Set<Value>(['yes', 'no', ...extra]);
    case 'choice':
      return new Set<Value>([...q.options.map((o) => o.value), ...extra]);
    case 'scale': {
      if (q.max - q.min > 1000) return undefined;
      const points: Value[] = [];
      for (let p = q.min; p <= q.max; p++) points.push(p);
      return new Set<Value>([...points, ...extra]);
    }
    case 'multi':
    case 'number':
      return undefined;
    default: {
      const _exhaustive: never = q;
      return _exhaustive;
    }
  }
}

function compare(v: Value, op: CompareOp, n: number): boolean {
  if (typeof v !== 'number') return false;
  switch (op) {
    case 'lt':
      return v < n;
    case 'lte':
      return v <= n;
    case 'gt':
      return v > n;
    case 'gte':
      return v >= n;
    case 'eq':
      return v === n;
    case 'ne':
      return v !== n;
    default: {
      const _exhaustive: never = op;
      return _exhaustive;
    }
  }
}

/** A literal: an atom (in, compare, answered, missing, const) that holds or does not. */
export interface Literal {
  readonly atom: Condition;
  readonly holds: boolean;
}

/**
 * `c` as a disjunction of conjunctions of literals, or undefined when that would have more than
 * `limit` conjunctions (the proof then gives up rather than blow up).
 */
export function disjunctiveNormalForm(c: Condition, limit = 256): Literal[][] | undefined {
  const go = (c: Condition, positive: boolean): Literal[][] | undefined => {
    switch (c.kind) {
      case 'not':
        return go(c.of, !positive);
      case 'all':
      case 'any': {
        const conjunctive = (c.kind === 'all') === positive;
        const parts: Literal[][][] = [];
        for (const p of c.of) {
          const d = go(p, positive);
          if (!d) return undefined;
          parts.push(d);
        }
        if (!conjunctive) {
          const union = parts.flat();
          return union.length > limit ? undefined : union;
        }
        let product: Literal[][] = [[]];
        for (const d of parts) {
          const next: Literal[][] = [];
          for (const left of product) for (const right of d) next.push([...left, ...right]);
          if (next.length > limit) return undefined;
          product = next;
        }
        return product;
      }
      default:
        return [[{ atom: c, holds: positive }]];
    }
  };
  return go(c, true);
}
