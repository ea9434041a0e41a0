/**
 * When a question is asked, as FHIR R4 `enableWhen` + `enableBehavior` where that can say it
 * (docs/exports.md § FHIR lists what cannot). Pure.
 *
 * A question on every path from the start to the end (ignoring early stops) is always enabled.
 * Any other question is enabled by the ways the flow reaches it: each incoming edge contributes
 * "its source is enabled, and the edge's branch is taken" (the branch's `when`, and every earlier
 * branch of the same question failing). The result is a disjunction of conjunctions of FHIR
 * atoms; FHIR can write one conjunction (`enableBehavior: all`) or a disjunction of single atoms
 * (`enableBehavior: any`), nothing else. Conditions FHIR cannot test (`missing`) make the
 * question inexpressible.
 */
import type { QuestionnaireItemEnableWhen } from 'fhir/r4.js';
import { buildFlowGraph, END, type FlowEdge, type FlowGraph } from '../../questionnaire/flow-graph.js';
import type { CompareOp, Condition, Question, Questionnaire } from '../../questionnaire/model.js';
import { answerCoding } from './codes.js';

/** One FHIR enableWhen test. */
type Atom = QuestionnaireItemEnableWhen;
/** A disjunction of conjunctions; `[[]]` is "always", `[]` is "never". */
type Dnf = Atom[][];

export type EnableWhen =
  | { readonly kind: 'always' }
  | { readonly kind: 'expressed'; readonly enableWhen: Atom[]; readonly enableBehavior?: 'all' | 'any' }
  | { readonly kind: 'inexpressible'; readonly why: string };

class Inexpressible extends Error {}

const MAX_ALTERNATIVES = 64;

/** True when every path from `start` to the end passes through `id` (flow only; early stops aside). */
function onEveryPath(g: FlowGraph, start: string, id: string): boolean {
  if (id === start) return true;
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const at = stack.pop() as string;
    for (const e of g.edges.get(at) ?? []) {
      if (e.to === END) return false;
      if (e.to === id || seen.has(e.to)) continue;
      seen.add(e.to);
      stack.push(e.to);
    }
  }
  return true;
}

const FHIR_OP: Record<CompareOp, Atom['operator']> = { lt: '<', lte: '<=', gt: '>', gte: '>=', eq: '=', ne: '!=' };
const NEGATED: Record<CompareOp, CompareOp> = { lt: 'gte', lte: 'gt', gt: 'lte', gte: 'lt', eq: 'ne', ne: 'eq' };

function and(a: Dnf, b: Dnf): Dnf {
  const out: Dnf = [];
  for (const x of a) for (const y of b) out.push([...x, ...y]);
  if (out.length > MAX_ALTERNATIVES) throw new Inexpressible('too many alternatives');
  return out;
}

function answerAtom(q: Question, value: string | number, operator: '=' | '!='): Atom {
  if (typeof value === 'number') {
    return q.type === 'number' && !q.integer ? { question: q.id, operator, answerDecimal: value } : { question: q.id, operator, answerInteger: value };
  }
  return { question: q.id, operator, answerCoding: answerCoding(q, value) };
}

function toDnf(c: Condition, questions: ReadonlyMap<string, Question>, negate: boolean): Dnf {
  switch (c.kind) {
    case 'const':
      return c.value !== negate ? [[]] : [];
    case 'all':
    case 'any': {
      const conj = (c.kind === 'all') !== negate;
      const parts = c.of.map((x) => toDnf(x, questions, negate));
      return conj ? parts.reduce(and, [[]]) : parts.flat();
    }
    case 'not':
      return toDnf(c.of, questions, !negate);
    case 'in': {
      const q = questions.get(c.question);
      if (q === undefined) throw new Inexpressible(`names an unknown question ${c.question}`);
      // For a multi question, `in` holds when any selected option is listed: FHIR `=` on a
      // repeating item means the same ("any answer equals").
      const atoms = c.values.map((v) => answerAtom(q, v, negate ? '!=' : '='));
      return negate ? [atoms] : atoms.map((a) => [a]);
    }
    case 'compare': {
      const q = questions.get(c.question);
      if (q === undefined) throw new Inexpressible(`names an unknown question ${c.question}`);
      const op = negate ? NEGATED[c.op] : c.op;
      const value = q.type === 'number' && !q.integer ? { answerDecimal: c.value } : { answerInteger: c.value };
      return [[{ question: q.id, operator: FHIR_OP[op], ...value }]];
    }
    case 'answered':
      return [[{ question: c.question, operator: 'exists', answerBoolean: c.answered !== negate }]];
    case 'missing':
      throw new Inexpressible(`depends on whether ${c.which === 'red_flag' ? 'red-flag' : 'required'} questions were left unanswered`);
    default: {
      const _exhaustive: never = c;
      return _exhaustive;
    }
  }
}

/** The condition under which the flow takes `edge` out of its question (earlier branches failing). */
function edgeCondition(edge: FlowEdge, earlier: readonly FlowEdge[], questions: ReadonlyMap<string, Question>): Dnf {
  let dnf: Dnf = edge.when === undefined ? [[]] : toDnf(edge.when, questions, false);
  for (const e of earlier) if (e.when !== undefined) dnf = and(dnf, toDnf(e.when, questions, true));
  return dnf;
}

/** Each question's enableWhen, by question id. */
export function enableWhenOf(q: Questionnaire): ReadonlyMap<string, EnableWhen> {
  const g = buildFlowGraph(q);
  const incoming = new Map<string, { edge: FlowEdge; earlier: FlowEdge[] }[]>();
  for (const [, out] of g.edges) {
    out.forEach((edge, i) => {
      const list = incoming.get(edge.to) ?? [];
      list.push({ edge, earlier: out.slice(0, i) });
      incoming.set(edge.to, list);
    });
  }
  const memo = new Map<string, Dnf>();
  const visiting = new Set<string>();
  const dnfOf = (id: string): Dnf => {
    const known = memo.get(id);
    if (known) return known;
    if (visiting.has(id)) throw new Inexpressible('the flow loops');
    visiting.add(id);
    let dnf: Dnf;
    if (onEveryPath(g, q.start, id)) dnf = [[]];
    else {
      dnf = [];
      for (const { edge, earlier } of incoming.get(id) ?? []) dnf.push(...and(dnfOf(edge.from), edgeCondition(edge, earlier, g.questions)));
      if (dnf.length > MAX_ALTERNATIVES) throw new Inexpressible('too many alternatives');
    }
    visiting.delete(id);
    memo.set(id, dnf);
    return dnf;
  };

  // A positive test of X's answer (=, <, >, exists true) implies X is answered, so enabled: the
  // tests that enable X are then implied too and are dropped (e.g. "which leg" after "leg pain"
  // OR "thigh pain, asked only without leg pain" is just leg_pain = yes OR thigh_pain = yes).
  const POSITIVE = new Set<Atom['operator']>(['=', '<', '>', '<=', '>=']);
  const implied = (conj: Atom[]): Atom[] => {
    const drop = new Set<string>();
    for (const a of conj) {
      if (!(POSITIVE.has(a.operator) || (a.operator === 'exists' && a.answerBoolean === true))) continue;
      const enabling = dnfOf(a.question);
      if (enabling.length === 1) for (const b of enabling[0] as Atom[]) drop.add(JSON.stringify(b));
    }
    return conj.filter((a) => !drop.has(JSON.stringify(a)));
  };

  const out = new Map<string, EnableWhen>();
  for (const question of q.questions) {
    try {
      const dnf = dnfOf(question.id).map(implied);
      if (dnf.some((conj) => conj.length === 0)) out.set(question.id, { kind: 'always' });
      else if (dnf.length === 0) out.set(question.id, { kind: 'inexpressible', why: 'never reached' });
      else if (dnf.length === 1) {
        const atoms = dnf[0] as Atom[];
        out.set(question.id, atoms.length === 1 ? { kind: 'expressed', enableWhen: atoms } : { kind: 'expressed', enableWhen: atoms, enableBehavior: 'all' });
      } else if (dnf.every((conj) => conj.length === 1)) {
        out.set(question.id, { kind: 'expressed', enableWhen: dnf.map((conj) => conj[0] as Atom), enableBehavior: 'any' });
      } else out.set(question.id, { kind: 'inexpressible', why: 'asked under an "or" of "and"s, which enableWhen cannot write' });
    } catch (e) {
      if (!(e instanceof Inexpressible)) throw e;
      out.set(question.id, { kind: 'inexpressible', why: e.message });
    }
  }
  return out;
}
