/**
 * Builds a `Questionnaire` for tests without the loader, from a compact spec that mirrors the YAML
 * language (conditions written as in YAML: `{ q: yes }`, `{ q: [a, b] }`, `{ q: { gte: 5 } }`,
 * `{ any: [...] }`, `{ missing: red_flag }`, `true`). Positions are dummies. The result is frozen,
 * like the loader's. It does not lint: tests that need a valid questionnaire must write one.
 */
import { createHash } from 'node:crypto';
import type {
  Branch,
  CompareOp,
  Condition,
  Flow,
  Position,
  Question,
  Questionnaire,
  RedFlag,
  Rule,
} from '../../src/questionnaire/model.js';

const POS: Position = { file: 'test.yaml', line: 1, col: 1 };

export type CondSpec =
  | boolean
  | { all: CondSpec[] }
  | { any: CondSpec[] }
  | { not: CondSpec }
  | { missing: 'required' | 'red_flag' }
  | { [question: string]: AtomSpec };

export type AtomSpec =
  | string
  | number
  | (string | number)[]
  | { in: (string | number)[] }
  | { answered: boolean }
  | Partial<Record<CompareOp, number>>;

export interface QuestionSpec {
  id: string;
  type?: Question['type'];
  label?: string;
  text?: string;
  unsure?: boolean;
  required?: boolean;
  /** A category (default values), or the full form. */
  redFlag?: string | { category: string; values?: string[]; skip?: string };
  /** `'end'`, a question id, or branches (a branch without `when` is the otherwise). */
  next?: string | { when?: CondSpec; goto: string }[];
  options?: string[];
  min?: number;
  max?: number;
  integer?: boolean;
}

export interface RuleSpec {
  id: string;
  when: CondSpec;
  outcome?: string;
  cautions?: string[];
  reason?: string;
  source?: string | string[];
}

export interface QuestionnaireSpec {
  id?: string;
  version?: string;
  start?: string;
  questions: QuestionSpec[];
  rules: RuleSpec[];
  /** Most urgent first; a plain id, or with `stop`. */
  outcomes: (string | { id: string; title?: string; advice?: string; stop?: boolean })[];
  cautions?: (string | { id: string; text: string })[];
  sources?: { id: string; title: string; section?: string; publisher?: string; year?: number; url?: string }[];
  /** The `unscreened` block: its advice and source ids (each source id becomes a source, like a rule's). */
  unscreened?: { advice: string; source: string | string[] };
}

const COMPARE_OPS: readonly CompareOp[] = ['lt', 'lte', 'gt', 'gte', 'eq', 'ne'];

export function cond(spec: CondSpec): Condition {
  if (typeof spec === 'boolean') return { kind: 'const', value: spec, pos: POS };
  const keys = Object.keys(spec);
  if (keys.length !== 1) return { kind: 'all', of: keys.map((k) => cond({ [k]: (spec as Record<string, AtomSpec>)[k] as AtomSpec })), pos: POS };
  const key = keys[0] as string;
  const value = (spec as Record<string, unknown>)[key];
  if (key === 'all' || key === 'any') return { kind: key, of: (value as CondSpec[]).map(cond), pos: POS };
  if (key === 'not') return { kind: 'not', of: cond(value as CondSpec), pos: POS };
  if (key === 'missing') return { kind: 'missing', which: value as 'required' | 'red_flag', pos: POS };
  return atom(key, value as AtomSpec);
}

function atom(question: string, spec: AtomSpec): Condition {
  if (typeof spec === 'string' || typeof spec === 'number') return { kind: 'in', question, values: [spec], pos: POS };
  if (Array.isArray(spec)) return { kind: 'in', question, values: spec, pos: POS };
  if ('in' in spec) return { kind: 'in', question, values: spec.in, pos: POS };
  if ('answered' in spec) return { kind: 'answered', question, answered: spec.answered, pos: POS };
  const ops = COMPARE_OPS.filter((op) => (spec as Record<string, unknown>)[op] !== undefined).map(
    (op): Condition => ({ kind: 'compare', question, op, value: (spec as Record<CompareOp, number>)[op], pos: POS }),
  );
  return ops.length === 1 ? (ops[0] as Condition) : { kind: 'all', of: ops, pos: POS };
}

function flow(next: QuestionSpec['next']): Flow {
  if (next === undefined) return { kind: 'sequence' };
  if (typeof next === 'string') return { kind: 'goto', target: next, pos: POS };
  return {
    kind: 'branches',
    branches: next.map((b): Branch => (b.when === undefined ? { goto: b.goto, pos: POS } : { when: cond(b.when), goto: b.goto, pos: POS })),
  };
}

function question(s: QuestionSpec): Question {
  const type = s.type ?? 'yesno';
  const unsure = s.unsure ?? false;
  let redFlag: RedFlag | undefined;
  if (s.redFlag !== undefined) {
    const r = typeof s.redFlag === 'string' ? { category: s.redFlag } : s.redFlag;
    const values = r.values ?? (unsure ? ['yes', 'unsure'] : ['yes']);
    redFlag = r.skip === undefined ? { category: r.category, values } : { category: r.category, values, skipReason: r.skip };
  }
  const base = {
    id: s.id,
    ...(s.label === undefined ? {} : { label: s.label }),
    text: s.text ?? `Question ${s.id}?`,
    unsure,
    required: s.required ?? true,
    next: flow(s.next),
    pos: POS,
    ...(redFlag === undefined ? {} : { redFlag }),
  };
  const options = (s.options ?? []).map((value) => ({ value, label: value.replace(/_/g, ' ') }));
  switch (type) {
    case 'yesno':
      return { ...base, type };
    case 'choice':
    case 'multi':
      return { ...base, type, options };
    case 'number':
      return {
        ...base,
        type,
        integer: s.integer ?? false,
        ...(s.min === undefined ? {} : { min: s.min }),
        ...(s.max === undefined ? {} : { max: s.max }),
      };
    case 'scale':
      return { ...base, type, min: s.min ?? 0, max: s.max ?? 10, anchors: {} };
  }
}

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

export function buildQuestionnaire(spec: QuestionnaireSpec): Questionnaire {
  const rules: Rule[] = spec.rules.map((r) => ({
    id: r.id,
    when: cond(r.when),
    cautions: r.cautions ?? [],
    reason: r.reason ?? `Because of ${r.id}.`,
    sources: r.source === undefined ? ['src'] : typeof r.source === 'string' ? [r.source] : r.source,
    pos: POS,
    ...(r.outcome === undefined ? {} : { outcome: r.outcome }),
  }));
  const unscreenedSources = spec.unscreened === undefined ? [] : typeof spec.unscreened.source === 'string' ? [spec.unscreened.source] : spec.unscreened.source;
  const sourceIds = [...new Set([...rules.flatMap((r) => r.sources), ...unscreenedSources])];
  const sources = sourceIds.map((id) => {
    const s = spec.sources?.find((x) => x.id === id);
    return {
      id,
      title: s?.title ?? `Source ${id}`,
      publisher: s?.publisher ?? 'Test publisher',
      pos: POS,
      ...(s?.section === undefined ? {} : { section: s.section }),
      ...(s?.year === undefined ? {} : { year: s.year }),
      ...(s?.url === undefined ? {} : { url: s.url }),
    };
  });
  const questions = spec.questions.map(question);
  const q: Questionnaire = {
    id: spec.id ?? 'test-q',
    version: spec.version ?? '1.0.0',
    title: 'A test questionnaire',
    start: spec.start ?? (questions[0]?.id as string),
    questions,
    rules,
    outcomes: spec.outcomes.map((o) => {
      const x = typeof o === 'string' ? { id: o } : o;
      return { id: x.id, title: x.title ?? `Title of ${x.id}`, advice: x.advice ?? `Advice for ${x.id}.`, stop: x.stop ?? false, pos: POS };
    }),
    cautions: (spec.cautions ?? []).map((c) => (typeof c === 'string' ? { id: c, text: `Caution ${c}.`, pos: POS } : { ...c, pos: POS })),
    sources,
    ...(spec.unscreened === undefined ? {} : { unscreened: { advice: spec.unscreened.advice, sources: unscreenedSources, pos: POS } }),
    sha256: createHash('sha256').update(JSON.stringify(spec)).digest('hex'),
    file: 'test.yaml',
  };
  return deepFreeze(q);
}
