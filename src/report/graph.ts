/**
 * A questionnaire as a picture (`sciatica-screen graph`, docs/exports.md § graph): Mermaid or
 * Graphviz DOT text. Drawn: every question by its label, every way the flow leaves it (a branch
 * labelled with its condition, "otherwise" for the fall-back), the end; red-flag questions marked
 * (a thick border and "red flag: category": readable without colour), and a question whose answer
 * can stop the interview at once marked "can stop here"; every rule, with the questions it reads,
 * linked to the outcome it raises (or to "cautions only"); and the outcomes that stop the
 * interview, marked STOP. Pure; same questionnaire → same text.
 */
import { buildFlowGraph, END } from '../questionnaire/flow-graph.js';
import type { Condition, Questionnaire } from '../questionnaire/model.js';
import { questionLabel } from './answer-words.js';

export type GraphFormat = 'mermaid' | 'dot';

const OPS = { lt: '<', lte: '≤', gt: '>', gte: '≥', eq: '=', ne: '≠' } as const;

/** A condition in short words, e.g. `leg_pain = yes`, `age ≥ 50 and previously_assessed = no`. */
export function describeCondition(c: Condition): string {
  const inner = (x: Condition): string => (x.kind === 'all' || x.kind === 'any' ? `(${describeCondition(x)})` : describeCondition(x));
  switch (c.kind) {
    case 'const':
      return c.value ? 'always' : 'never';
    case 'all':
      return c.of.map(inner).join(' and ');
    case 'any':
      return c.of.map(inner).join(' or ');
    case 'not':
      return `not ${inner(c.of)}`;
    case 'in':
      return `${c.question} = ${c.values.join(' / ')}`;
    case 'compare':
      return `${c.question} ${OPS[c.op]} ${c.value}`;
    case 'answered':
      return `${c.question} ${c.answered ? 'answered' : 'not answered'}`;
    case 'missing':
      return `a ${c.which === 'red_flag' ? 'red-flag' : 'required'} answer missing`;
    default: {
      const _exhaustive: never = c;
      return _exhaustive;
    }
  }
}

/** The questions a condition reads, in first-mention order. */
function questionsOf(c: Condition, into: string[] = []): string[] {
  switch (c.kind) {
    case 'all':
    case 'any':
      for (const x of c.of) questionsOf(x, into);
      break;
    case 'not':
      questionsOf(c.of, into);
      break;
    case 'in':
    case 'compare':
    case 'answered':
      if (!into.includes(c.question)) into.push(c.question);
      break;
    case 'const':
    case 'missing':
      break;
    default: {
      const _exhaustive: never = c;
      return _exhaustive;
    }
  }
  return into;
}

interface Node {
  readonly id: string;
  readonly label: string;
  readonly kind: 'question' | 'red-flag' | 'end' | 'rule' | 'outcome' | 'stop' | 'cautions';
}
interface Edge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly kind: 'flow' | 'raises';
}

/** The picture as nodes and edges, in a stable order: questions (document order), end, rules, outcomes. */
function layout(q: Questionnaire): { flow: Node[]; rules: Node[]; outcomes: Node[]; edges: Edge[] } {
  const g = buildFlowGraph(q);
  const qid = (id: string): string => (id === END ? 'END' : `q_${id}`);
  const stopping = new Set(q.outcomes.filter((o) => o.stop).map((o) => o.id));
  const stopsAt = new Map<string, string[]>();
  for (const r of q.rules) {
    if (r.outcome === undefined || !stopping.has(r.outcome)) continue;
    for (const read of questionsOf(r.when)) {
      const list = stopsAt.get(read) ?? [];
      if (!list.includes(r.outcome)) list.push(r.outcome);
      stopsAt.set(read, list);
    }
  }
  const flow: Node[] = q.questions.map((x) => {
    const lines = [questionLabel(x)];
    if (x.redFlag) lines.push(`red flag: ${x.redFlag.category.replace(/_/g, ' ')}`);
    const stops = stopsAt.get(x.id);
    if (stops) lines.push(`can stop here: ${stops.join(', ')}`);
    return { id: qid(x.id), label: lines.join('\n'), kind: x.redFlag ? 'red-flag' : 'question' };
  });
  flow.push({ id: 'END', label: 'End', kind: 'end' });
  const edges: Edge[] = [];
  for (const x of q.questions) {
    const out = g.edges.get(x.id) ?? [];
    for (const e of out) {
      const label = e.when !== undefined ? describeCondition(e.when) : out.length > 1 ? 'otherwise' : undefined;
      edges.push({ from: qid(e.from), to: qid(e.to), kind: 'flow', ...(label === undefined ? {} : { label }) });
    }
  }
  const outcomes: Node[] = q.outcomes.map((o) => ({ id: `o_${o.id}`, label: o.stop ? `STOP: ${o.title}\n(${o.id}; the interview ends at once)` : `${o.title}\n(${o.id})`, kind: o.stop ? 'stop' : 'outcome' }));
  const rules: Node[] = [];
  let cautionsOnly = false;
  q.rules.forEach((r, i) => {
    const id = `r${i}`;
    const reads = questionsOf(r.when);
    rules.push({ id, label: reads.length === 0 ? `rule ${r.id}` : `rule ${r.id}\nreads: ${reads.join(', ')}`, kind: 'rule' });
    if (r.outcome !== undefined) edges.push({ from: id, to: `o_${r.outcome}`, kind: 'raises' });
    else {
      cautionsOnly = true;
      edges.push({ from: id, to: 'o__cautions', kind: 'raises' });
    }
  });
  if (cautionsOnly) outcomes.push({ id: 'o__cautions', label: 'cautions for the therapist only', kind: 'cautions' });
  return { flow, rules, outcomes, edges };
}

/** Text inside a Mermaid `"…"` label: quotes and angle brackets as entity codes, lines as <br/>. */
function mermaidText(s: string): string {
  return s
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\s*\n\s*/g, '<br/>');
}

function mermaidNode(n: Node): string {
  const t = mermaidText(n.label);
  switch (n.kind) {
    case 'question':
      return `${n.id}["${t}"]`;
    case 'red-flag':
      return `${n.id}[["${t}"]]:::redflag`;
    case 'end':
      return `${n.id}(["${t}"])`;
    case 'rule':
      return `${n.id}(["${t}"]):::rule`;
    case 'outcome':
    case 'cautions':
      return `${n.id}{{"${t}"}}`;
    case 'stop':
      return `${n.id}{{"${t}"}}:::stop`;
    default: {
      const _exhaustive: never = n.kind;
      return _exhaustive;
    }
  }
}

export function renderMermaid(q: Questionnaire): string {
  const { flow, rules, outcomes, edges } = layout(q);
  // Left to right: the questions (top to bottom inside their box), the rules, the outcomes.
  const out = ['flowchart LR'];
  out.push(`  subgraph flow["${mermaidText(`${q.title} (${q.id} ${q.version}): the questions`)}"]`, '    direction TB');
  for (const n of flow) out.push(`    ${mermaidNode(n)}`);
  for (const e of edges.filter((x) => x.kind === 'flow')) out.push(`    ${e.from} -->${e.label === undefined ? '' : `|"${mermaidText(e.label)}"|`} ${e.to}`);
  out.push('  end');
  out.push('  subgraph rules["rules: what each can raise"]');
  for (const n of rules) out.push(`    ${mermaidNode(n)}`);
  out.push('  end');
  out.push('  subgraph outcomes["outcomes, most urgent first"]');
  for (const n of outcomes) out.push(`    ${mermaidNode(n)}`);
  out.push('  end');
  for (const e of edges.filter((x) => x.kind === 'raises')) out.push(`  ${e.from} ==> ${e.to}`);
  out.push('  classDef redflag stroke:#000,stroke-width:4px');
  out.push('  classDef stop stroke:#000,stroke-width:5px,font-weight:bold');
  out.push('  classDef rule stroke-dasharray:4 3');
  return `${out.join('\n')}\n`;
}

/** Text inside a DOT `"…"` string. */
function dotText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\s*\n\s*/g, '\\n');
}

const DOT_STYLE: Record<Node['kind'], string> = {
  question: 'shape=box',
  'red-flag': 'shape=box, penwidth=4, style="rounded,bold"',
  end: 'shape=oval',
  rule: 'shape=box, style="rounded,dashed", fontsize=10',
  outcome: 'shape=hexagon',
  cautions: 'shape=hexagon, style=dashed',
  stop: 'shape=doubleoctagon, penwidth=4, fontname="Helvetica-Bold"',
};

export function renderDot(q: Questionnaire): string {
  const { flow, rules, outcomes, edges } = layout(q);
  const node = (n: Node): string => `    ${n.id} [label="${dotText(n.label)}", ${DOT_STYLE[n.kind]}];`;
  const out = [`digraph "${dotText(q.id)}" {`, '  rankdir=TB;', '  node [fontname="Helvetica"];', `  label="${dotText(`${q.title} (${q.id} ${q.version})`)}";`];
  out.push('  subgraph cluster_flow {', '    label="the questions";', ...flow.map(node));
  for (const e of edges.filter((x) => x.kind === 'flow')) out.push(`    ${e.from} -> ${e.to}${e.label === undefined ? '' : ` [label="${dotText(e.label)}"]`};`);
  out.push('  }');
  out.push('  subgraph cluster_rules {', '    label="rules: what each can raise";', ...rules.map(node), '  }');
  out.push('  subgraph cluster_outcomes {', '    label="outcomes, most urgent first";', ...outcomes.map(node), '  }');
  for (const e of edges.filter((x) => x.kind === 'raises')) out.push(`  ${e.from} -> ${e.to} [penwidth=2];`);
  out.push('}');
  return `${out.join('\n')}\n`;
}

export function renderGraph(q: Questionnaire, format: GraphFormat): string {
  return format === 'dot' ? renderDot(q) : renderMermaid(q);
}
