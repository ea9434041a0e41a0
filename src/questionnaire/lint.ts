/**
 * The linter: checks a composed questionnaire for what a schema cannot see — references, values,
 * flow, and (when nothing else is wrong) the safety proof. Collects every problem.
 * Severity policy: something used but undefined, or defined wrongly, is an error; something
 * defined but never used (an outcome or caution no rule raises, a source no rule cites), or a
 * question without a label, is a warning; a declared red-flag skip is an info.
 */
import type { Condition, Position, Question, Questionnaire, Rule } from './model.js';
import { RESERVED_IDS, type RulePositions } from './compose-questionnaire.js';
import { UNSURE } from './model.js';
import { buildFlowGraph, END, findCycles, reachableFrom } from './flow-graph.js';
import { proveRedFlagsAsked, proveRedFlagsEscalate, type Report } from './safety-proof.js';
import { didYouMean } from './suggest.js';

export interface LintOptions {
  /** Where `start` is written, when it is. */
  readonly startPos?: Position;
  /** Questions whose type is unknown: their values are not checked. */
  readonly untyped?: ReadonlySet<string>;
  /** Where rules name their outcome, cautions and sources (default: the rule's position). */
  readonly rulePositions?: ReadonlyMap<Rule, RulePositions>;
  /** Where `unscreened.source` names each source (default: the block's position). */
  readonly unscreenedSourcePositions?: readonly Position[];
  /** Whether errors were found before linting (then the safety proof is not attempted). */
  readonly errorsSoFar: boolean;
}

export function lintQuestionnaire(q: Questionnaire, report: Report, options: LintOptions): void {
  let errors = options.errorsSoFar;
  const error: Report = (code, message, pos) => {
    if (!code.startsWith('info.') && !code.endsWith('never-raised') && !code.endsWith('never-cited')) errors = true;
    report(code, message, pos);
  };
  const untyped = options.untyped ?? new Set<string>();
  const questions = firstById(q.questions, 'question', error);
  firstById(q.rules, 'rule', error);
  const outcomes = firstById(q.outcomes, 'outcome', error);
  const cautions = firstById(q.cautions, 'caution', error);
  const sources = firstById(q.sources, 'source', error);
  const questionIds = [...questions.keys()];

  if (options.startPos && !questions.has(q.start)) {
    error('lint.unknown-question', `start names unknown question "${q.start}"${didYouMean(q.start, questionIds)}`, options.startPos);
  }

  const checkCondition = (c: Condition, what: string): void => {
    forEachAtom(c, (atom) => {
      if (atom.kind !== 'in' && atom.kind !== 'compare' && atom.kind !== 'answered') return;
      const question = questions.get(atom.question);
      if (!question) {
        error('lint.unknown-question', `${what} names unknown question "${atom.question}"${didYouMean(atom.question, questionIds)}`, atom.pos);
        return;
      }
      if (untyped.has(question.id)) return;
      if (atom.kind === 'in') {
        for (const v of atom.values) {
          if (!canTake(question, v)) error('lint.invalid-value', `${what} tests "${question.id}" for ${show(v)}, which it cannot take${valueHint(question, v)}`, atom.pos);
        }
      } else if (atom.kind === 'compare' && question.type !== 'number' && question.type !== 'scale') {
        error('lint.not-numeric', `${what} compares "${question.id}" with a number, but it is a ${question.type} question`, atom.pos);
      }
    });
  };

  for (const question of q.questions) {
    const what = `question "${question.id}"`;
    const next = question.next;
    if (next.kind === 'goto' && next.target !== END && !questions.has(next.target)) {
      error('lint.unknown-question', `${what} goes to unknown question "${next.target}"${didYouMean(next.target, [...questionIds, END])}`, next.pos);
    }
    if (next.kind === 'branches') {
      next.branches.forEach((b, i) => {
        if (b.goto !== END && !questions.has(b.goto)) {
          error('lint.unknown-question', `${what} goes to unknown question "${b.goto}"${didYouMean(b.goto, [...questionIds, END])}`, b.pos);
        }
        if (b.when) checkCondition(b.when, `a branch of ${what}`);
        const otherwise = next.branches.findIndex((x) => x.when === undefined);
        if (otherwise !== -1 && i > otherwise) {
          error('lint.branch-after-otherwise', `a branch of ${what} is never taken: the branch before it has no "when" and always wins`, b.pos);
        }
      });
    }
    const flag = question.redFlag;
    if (flag && !untyped.has(question.id)) {
      for (const v of flag.values) {
        if (!canTake(question, v)) error('lint.invalid-value', `red-flag value "${v}" of ${what} is not an answer it can take${valueHint(question, v)}`, flag.pos ?? question.pos);
      }
    }
  }

  const raised = new Set<string>();
  const cited = new Set<string>();
  const outcomeIds = [...outcomes.keys()];
  for (const rule of q.rules) {
    const what = `rule "${rule.id}"`;
    const at = options.rulePositions?.get(rule);
    checkCondition(rule.when, what);
    if (rule.outcome !== undefined) {
      raised.add(rule.outcome);
      if (!outcomes.has(rule.outcome)) error('lint.unknown-outcome', `${what} raises unknown outcome "${rule.outcome}"${didYouMean(rule.outcome, outcomeIds)}`, at?.outcome ?? rule.pos);
    }
    rule.cautions.forEach((c, i) => {
      raised.add(c);
      if (!cautions.has(c)) error('lint.unknown-caution', `${what} adds unknown caution "${c}"${didYouMean(c, cautions.keys())}`, at?.cautions[i] ?? rule.pos);
    });
    rule.sources.forEach((s, i) => {
      cited.add(s);
      if (!sources.has(s)) error('lint.unknown-source', `${what} cites unknown source "${s}"${didYouMean(s, sources.keys())}`, at?.sources[i] ?? rule.pos);
    });
  }

  q.unscreened?.sources.forEach((s, i) => {
    cited.add(s);
    if (!sources.has(s)) error('lint.unknown-source', `"unscreened" cites unknown source "${s}"${didYouMean(s, sources.keys())}`, options.unscreenedSourcePositions?.[i] ?? q.unscreened!.pos);
  });

  q.outcomes.forEach((o, i) => {
    if (o.stop && i > 0) error('lint.stop-not-most-urgent', `outcome "${o.id}" has stop: true, but only the most urgent outcome ("${q.outcomes[0]!.id}") may stop the interview`, o.pos);
    if (i < q.outcomes.length - 1 && !raised.has(o.id)) report('lint.outcome-never-raised', `no rule raises outcome "${o.id}"`, o.pos);
  });
  for (const c of q.cautions) if (!raised.has(c.id)) report('lint.caution-never-raised', `no rule adds caution "${c.id}"`, c.pos);
  for (const s of q.sources) if (!cited.has(s.id)) report('lint.source-never-cited', `no rule cites source "${s.id}"`, s.pos);

  // With duplicate or reserved question ids the flow is ambiguous; those are reported already.
  if (questions.size < q.questions.length || questionIds.some((id) => RESERVED_IDS.includes(id))) return;
  const graph = buildFlowGraph(q);
  const cycles = findCycles(graph);
  for (const c of cycles) error('lint.cycle', `the flow has a cycle: ${c.path.join(' → ')}`, c.pos);
  if (questions.has(q.start)) {
    const reachable = reachableFrom(graph, q.start);
    for (const question of questions.values()) {
      if (!reachable.has(question.id)) error('lint.unreachable-question', `question "${question.id}" cannot be reached from the start ("${q.start}")`, question.pos);
    }
  }

  if (!errors) {
    proveRedFlagsEscalate(q, error);
    proveRedFlagsAsked(q, error);
  }
  // A nudge, not a fault: without a label the result and the review quote the whole question.
  // Only for an otherwise sound file, so it never buries an error.
  if (!errors) {
    for (const question of q.questions) {
      if (question.label === undefined) report('lint.question-without-label', `question "${question.id}" has no label: the result and the review quote its whole text; add label: <a few plain words>`, question.pos);
    }
  }
}

/** The first item of each id; later ones are reported as duplicates. */
function firstById<T extends { readonly id: string; readonly pos: Position }>(items: readonly T[], kind: string, report: Report): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const first = map.get(item.id);
    if (first) report('lint.duplicate-id', `duplicate ${kind} id "${item.id}" (first at line ${first.pos.line})`, item.pos);
    else map.set(item.id, item);
  }
  return map;
}

function forEachAtom(c: Condition, visit: (atom: Condition) => void): void {
  const stack: Condition[] = [c];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.kind === 'all' || x.kind === 'any') stack.push(...[...x.of].reverse());
    else if (x.kind === 'not') stack.push(x.of);
    else visit(x);
  }
}

/** Whether `value` is an answer `question` can take (for multi: one of its options). */
export function canTake(question: Question, value: string | number): boolean {
  if (value === UNSURE) return question.unsure && question.type !== 'multi';
  switch (question.type) {
    case 'yesno':
      return value === 'yes' || value === 'no';
    case 'choice':
    case 'multi':
      return question.options.some((o) => o.value === value);
    case 'number':
      return typeof value === 'number' && (question.min === undefined || value >= question.min) && (question.max === undefined || value <= question.max) && (!question.integer || Number.isInteger(value));
    case 'scale':
      return typeof value === 'number' && Number.isInteger(value) && value >= question.min && value <= question.max;
    default: {
      const _exhaustive: never = question;
      return _exhaustive;
    }
  }
}

function textValues(question: Question): string[] {
  const extra = question.unsure && question.type !== 'multi' ? [UNSURE] : [];
  switch (question.type) {
    case 'yesno':
      return ['yes', 'no', ...extra];
    case 'choice':
    case 'multi':
      return [...question.options.map((o) => o.value), ...extra];
    default:
      return extra;
  }
}

/** ` (did you mean "x"?)`, or what it takes. */
function valueHint(question: Question, value: string | number): string {
  const candidates = textValues(question);
  if (typeof value === 'string') {
    const dym = didYouMean(value, candidates);
    if (dym) return dym;
  }
  if (question.type === 'number' || question.type === 'scale') {
    const range = `${question.min ?? '-∞'} to ${question.max ?? '∞'}`;
    const whole = question.type === 'scale' || question.integer ? 'whole numbers ' : 'numbers ';
    return ` (it takes ${whole}${range}${question.unsure ? ' or unsure' : ''})`;
  }
  return candidates.length <= 10 ? ` (it takes ${candidates.join(', ')})` : '';
}

function show(v: string | number): string {
  return typeof v === 'number' ? String(v) : `"${v}"`;
}
