/**
 * The flow as a graph: questions are nodes, `end` is the sink, and every way `next` can leave a
 * question is an edge (all branches up to the first otherwise branch count as possibly taken; a
 * branch list without an otherwise branch can also fall through to the following question). Edges to unknown ids are left out
 * (lint reports them).
 */
import type { Condition, Position, Question, Questionnaire } from './model.js';

export const END = 'end';

export interface FlowEdge {
  readonly from: string;
  /** A question id or END. */
  readonly to: string;
  /** Where the edge is written (for a fall-through: the question). */
  readonly pos: Position;
  /** The branch condition, for a branch edge with `when`. */
  readonly when?: Condition;
}

export interface FlowGraph {
  readonly questions: ReadonlyMap<string, Question>;
  readonly edges: ReadonlyMap<string, readonly FlowEdge[]>;
}

/** Where the flow goes after `questions[index]` when `next` is absent or no branch holds. */
export function sequenceTarget(q: Questionnaire, index: number): string {
  return q.questions[index + 1]?.id ?? END;
}

export function buildFlowGraph(q: Questionnaire): FlowGraph {
  const questions = new Map<string, Question>();
  for (const question of q.questions) if (!questions.has(question.id)) questions.set(question.id, question);
  const known = (id: string): boolean => id === END || questions.has(id);
  const edges = new Map<string, FlowEdge[]>();
  q.questions.forEach((question, index) => {
    if (edges.has(question.id)) return;
    const out: FlowEdge[] = [];
    const next = question.next;
    switch (next.kind) {
      case 'sequence':
        out.push({ from: question.id, to: sequenceTarget(q, index), pos: question.pos });
        break;
      case 'goto':
        if (known(next.target)) out.push({ from: question.id, to: next.target, pos: next.pos });
        break;
      case 'branches': {
        for (const b of next.branches) {
          if (known(b.goto)) out.push({ from: question.id, to: b.goto, pos: b.pos, ...(b.when ? { when: b.when } : {}) });
          // Branches after an otherwise branch are never taken (lint reports them).
          if (!b.when) break;
        }
        if (next.branches.every((b) => b.when !== undefined)) out.push({ from: question.id, to: sequenceTarget(q, index), pos: question.pos });
        break;
      }
      default: {
        const _exhaustive: never = next;
        return _exhaustive;
      }
    }
    edges.set(question.id, out);
  });
  return { questions, edges };
}

export interface Cycle {
  /** The questions in order, the first repeated at the end: a → b → a. */
  readonly path: readonly string[];
  /** The edge that closes the cycle. */
  readonly pos: Position;
}

/** Every cycle closed by a back edge of a depth-first search from each question in document order. */
export function findCycles(g: FlowGraph): Cycle[] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: Cycle[] = [];
  for (const root of g.questions.keys()) {
    if (state.has(root)) continue;
    // Iterative DFS: a stack of (node, index of the next edge to follow).
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const out = g.edges.get(top.id) ?? [];
      if (top.next >= out.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const edge = out[top.next++]!;
      if (edge.to === END) continue;
      const s = state.get(edge.to);
      if (s === 'open') {
        const from = stack.findIndex((f) => f.id === edge.to);
        cycles.push({ path: [...stack.slice(from).map((f) => f.id), edge.to], pos: edge.pos });
      } else if (s === undefined) {
        state.set(edge.to, 'open');
        stack.push({ id: edge.to, next: 0 });
      }
    }
  }
  return cycles;
}

/** Questions reachable from `start` (including it). */
export function reachableFrom(g: FlowGraph, start: string): Set<string> {
  const seen = new Set<string>();
  if (!g.questions.has(start)) return seen;
  const todo = [start];
  seen.add(start);
  while (todo.length > 0) {
    const id = todo.pop()!;
    for (const e of g.edges.get(id) ?? []) {
      if (e.to !== END && !seen.has(e.to)) {
        seen.add(e.to);
        todo.push(e.to);
      }
    }
  }
  return seen;
}

/** Questions ordered so every edge goes forward. Only meaningful when findCycles found none. */
export function topologicalOrder(g: FlowGraph): string[] {
  const order: string[] = [];
  const done = new Set<string>();
  for (const root of g.questions.keys()) {
    if (done.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    done.add(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const out = g.edges.get(top.id) ?? [];
      if (top.next >= out.length) {
        order.push(top.id);
        stack.pop();
        continue;
      }
      const to = out[top.next++]!.to;
      if (to !== END && !done.has(to)) {
        done.add(to);
        stack.push({ id: to, next: 0 });
      }
    }
  }
  return order.reverse();
}
