/**
 * The safety proof, run on a questionnaire whose references all resolve and whose flow has no
 * cycle:
 * (a) every red-flag answer escalates: with that one answer fixed and every other answer unknown,
 *     some rule raising an outcome more urgent than the mildest is sure to fire (Kleene logic);
 * (b) no path from `start` to the end skips a red-flag question, unless the question declares a
 *     skip reason (listed as info) or the path leaves through a `goto: end` branch whose `when`
 *     guarantees a rule raising the most urgent outcome. Every branch counts as possibly taken.
 *     Dynamic programming over the flow DAG, once per red-flag question: O(red flags × edges).
 */
import type { Position, Question, Questionnaire, Rule } from './model.js';
import { buildFlowGraph, END, topologicalOrder, type FlowEdge, type FlowGraph } from './flow-graph.js';
import type { ProblemCode } from './problem-codes.js';
import { disjunctiveNormalForm, Knowledge } from './three-valued.js';

export type Report = (code: ProblemCode, message: string, pos: Position) => void;

export function proveRedFlagsEscalate(q: Questionnaire, report: Report): void {
  const mildest = q.outcomes[q.outcomes.length - 1];
  if (!mildest) return;
  const rank = new Map(q.outcomes.map((o, i) => [o.id, i]));
  const escalating = q.rules.filter((r) => r.outcome !== undefined && (rank.get(r.outcome) ?? Infinity) < q.outcomes.length - 1);
  const questions = questionMap(q);
  for (const question of q.questions) {
    const flag = question.redFlag;
    if (!flag) continue;
    for (const value of flag.values) {
      const known = new Knowledge(questions).fix(question.id, value);
      if (escalating.some((r) => known.evaluate(r.when) === true)) continue;
      const testing = escalating.filter((r) => mentions(r, question.id));
      const depending = testing.filter((r) => known.evaluate(r.when) === undefined).map((r) => `"${r.id}"`);
      const notFiring = testing.filter((r) => known.evaluate(r.when) === false).map((r) => `"${r.id}"`);
      const hints = [
        ...(notFiring.length > 0 ? [`rule ${notFiring.join(', ')} does not fire for it`] : []),
        ...(depending.length > 0 ? [`rule ${depending.join(', ')} also depends on other answers`] : []),
      ];
      const hint = ` (${hints.length > 0 ? hints.join('; ') : 'no rule raising a more urgent outcome tests it'})`;
      report(
        'lint.red-flag-not-escalating',
        `red-flag question "${question.id}" answered "${value}" is not sure to raise an outcome more urgent than "${mildest.id}"${hint}`,
        flag.pos ?? question.pos,
      );
    }
  }
}

export function proveRedFlagsAsked(q: Questionnaire, report: Report): void {
  const graph = buildFlowGraph(q);
  const order = topologicalOrder(graph);
  const safeEnds = safeEarlyEnds(q, graph);
  for (const question of q.questions) {
    const flag = question.redFlag;
    if (!flag) continue;
    const path = pathAvoiding(graph, order, safeEnds, q.start, question.id);
    const where = flag.pos ?? question.pos;
    if (flag.skipReason !== undefined) {
      const how = path ? `, e.g. on the path ${path.join(' → ')}` : '; every path asks it';
      report('info.declared-skip', `red-flag question "${question.id}" may be skipped (declared: ${flag.skipReason})${how}`, where);
    } else if (path) {
      report('lint.red-flag-skipped', `red-flag question "${question.id}" can be skipped on the path ${path.join(' → ')}`, where);
    }
  }
}

/**
 * The `goto: end` branches whose `when` guarantees a rule raising the most urgent outcome: every
 * conjunction of the `when`'s disjunctive normal form makes some such rule sure to fire.
 */
function safeEarlyEnds(q: Questionnaire, graph: FlowGraph): Set<FlowEdge> {
  const safe = new Set<FlowEdge>();
  const mostUrgent = q.outcomes[0]?.id;
  const emergencyRules = q.rules.filter((r) => r.outcome !== undefined && r.outcome === mostUrgent);
  if (emergencyRules.length === 0) return safe;
  for (const out of graph.edges.values()) {
    for (const edge of out) {
      if (edge.to !== END || !edge.when) continue;
      const dnf = disjunctiveNormalForm(edge.when);
      if (!dnf) continue;
      const guaranteed = dnf.every((conjunction) => {
        const known = new Knowledge(graph.questions);
        for (const l of conjunction) known.assume(l.atom, l.holds);
        return known.contradiction || emergencyRules.some((r) => known.evaluate(r.when) === true);
      });
      if (guaranteed) safe.add(edge);
    }
  }
  return safe;
}

/** A path start → … → end that never visits `avoid` nor leaves by a safe early end, or undefined. */
function pathAvoiding(graph: FlowGraph, order: readonly string[], safeEnds: ReadonlySet<FlowEdge>, start: string, avoid: string): string[] | undefined {
  // next hop towards the end, for every question from which the end is reachable avoiding `avoid`.
  const via = new Map<string, string>();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!;
    if (id === avoid) continue;
    for (const edge of graph.edges.get(id) ?? []) {
      if (safeEnds.has(edge)) continue;
      if (edge.to === END || via.has(edge.to)) {
        via.set(id, edge.to);
        break;
      }
    }
  }
  if (!via.has(start)) return undefined;
  const path = [start];
  for (let at = via.get(start)!; ; at = via.get(at)!) {
    path.push(at);
    if (at === END) return path;
  }
}

function questionMap(q: Questionnaire): Map<string, Question> {
  const m = new Map<string, Question>();
  for (const question of q.questions) if (!m.has(question.id)) m.set(question.id, question);
  return m;
}

function mentions(rule: Rule, question: string): boolean {
  const stack = [rule.when];
  while (stack.length > 0) {
    const c = stack.pop()!;
    switch (c.kind) {
      case 'all':
      case 'any':
        stack.push(...c.of);
        break;
      case 'not':
        stack.push(c.of);
        break;
      case 'in':
      case 'compare':
      case 'answered':
        if (c.question === question) return true;
        break;
      default:
        break;
    }
  }
  return false;
}
