/**
 * YAML → `Condition` (the forms of docs/questionnaire-language.md § Conditions). Shape problems
 * only; whether the questions exist and can take the values is the linter's job.
 */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { CompareOp, Condition, Position } from './model.js';
import { didYouMean, suggest } from './suggest.js';
import type { YamlReader } from './yaml-reader.js';

const COMBINATORS = ['all', 'any', 'not', 'missing'] as const;
const OPS: readonly CompareOp[] = ['lt', 'lte', 'gt', 'gte', 'eq', 'ne'];
const QUESTION_KEYS = ['in', 'answered', ...OPS];
const MISSING_CLASSES = ['required', 'red_flag'];

/** `what` names the owner in messages, e.g. `rule "cauda-equina"`. */
export function composeCondition(reader: YamlReader, node: unknown, at: Position, what: string): Condition | undefined {
  const n = reader.resolve(node);
  const pos = reader.pos(n as Node, at);
  if (isScalar(n) && typeof n.value === 'boolean') return { kind: 'const', value: n.value, pos };
  if (isSeq(n)) {
    reader.report('schema.wrong-type', `a condition of ${what} is a list; say how to combine it with "all:" or "any:"`, pos);
    return undefined;
  }
  if (!isMap(n)) {
    reader.report('schema.wrong-type', `a condition of ${what} must be true, false or a map such as { leg_pain: yes }`, pos);
    return undefined;
  }
  const parts: Condition[] = [];
  let ok = true;
  for (const pair of n.items) {
    if (!isPair(pair)) continue;
    const keyNode = reader.resolve(pair.key);
    const keyPos = reader.pos(keyNode as Node, pos);
    if (!isScalar(keyNode) || typeof keyNode.value !== 'string') {
      reader.report('schema.wrong-type', `a condition of ${what} has a key that is not a question id`, keyPos);
      ok = false;
      continue;
    }
    const part = composeEntry(reader, keyNode.value, pair.value, keyPos, what);
    if (part) parts.push(part);
    else ok = false;
  }
  if (!ok) return undefined;
  if (parts.length === 0) {
    reader.report('schema.wrong-type', `a condition of ${what} is empty`, pos);
    return undefined;
  }
  return parts.length === 1 ? parts[0] : { kind: 'all', of: parts, pos };
}

function composeEntry(reader: YamlReader, key: string, valueNode: unknown, pos: Position, what: string): Condition | undefined {
  const value = reader.resolve(valueNode);
  const valuePos = reader.pos(value as Node, pos);
  switch (key as (typeof COMBINATORS)[number]) {
    case 'all':
    case 'any': {
      if (!isSeq(value)) {
        reader.report('schema.wrong-type', `"${key}" in ${what} must be a list of conditions`, valuePos);
        return undefined;
      }
      const of: Condition[] = [];
      let ok = true;
      for (const item of value.items) {
        const c = composeCondition(reader, item, valuePos, what);
        if (c) of.push(c);
        else ok = false;
      }
      return ok ? { kind: key as 'all' | 'any', of, pos } : undefined;
    }
    case 'not': {
      const of = composeCondition(reader, value, valuePos, what);
      return of ? { kind: 'not', of, pos } : undefined;
    }
    case 'missing': {
      if (isScalar(value) && (value.value === 'required' || value.value === 'red_flag')) return { kind: 'missing', which: value.value, pos };
      const written = isScalar(value) && typeof value.value === 'string' ? value.value : '';
      reader.report('schema.invalid-value', `"missing" in ${what} must be "required" or "red_flag"${didYouMean(written, MISSING_CLASSES)}`, valuePos);
      return undefined;
    }
  }
  const combinator = misspeltCombinator(reader, key, value);
  if (combinator) {
    reader.report('schema.unknown-key', `a condition of ${what} has an unknown key "${key}" (did you mean "${combinator}"?)`, pos);
    return undefined;
  }
  return composeQuestionTest(reader, key, value, pos, valuePos, what);
}

/**
 * The combinator `key` is a typo of, when its value has that combinator's shape and could not be
 * a test on a question (a test never holds a list of maps, nor a map whose keys are not operators).
 */
function misspeltCombinator(reader: YamlReader, key: string, value: unknown): string | undefined {
  const meant = suggest(key, COMBINATORS);
  switch (meant) {
    case 'all':
    case 'any':
      return isSeq(value) && value.items.some((i) => isMap(reader.resolve(i))) ? meant : undefined;
    case 'not':
      return isMap(value) && value.items.some((p) => isPair(p) && !QUESTION_KEYS.includes(String((reader.resolve(p.key) as { value?: unknown } | null)?.value))) ? meant : undefined;
    case 'missing':
      return isScalar(value) && (value.value === 'required' || value.value === 'red_flag') ? meant : undefined;
    default:
      return undefined;
  }
}

/** `{ q: v }`, `{ q: [v1, v2] }` or `{ q: { in: […], gte: 5, answered: true } }`. */
function composeQuestionTest(reader: YamlReader, question: string, value: unknown, pos: Position, valuePos: Position, what: string): Condition | undefined {
  if (isMap(value)) {
    const parts: Condition[] = [];
    let ok = true;
    for (const pair of value.items) {
      if (!isPair(pair)) continue;
      const opNode = reader.resolve(pair.key);
      const opPos = reader.pos(opNode as Node, valuePos);
      const op = isScalar(opNode) ? String(opNode.value) : '';
      const arg = reader.resolve(pair.value);
      const argPos = reader.pos(arg as Node, opPos);
      if (op === 'in') {
        const values = readValues(reader, arg, argPos, question, what);
        if (values) parts.push({ kind: 'in', question, values, pos });
        else ok = false;
      } else if (op === 'answered') {
        if (isScalar(arg) && typeof arg.value === 'boolean') parts.push({ kind: 'answered', question, answered: arg.value, pos });
        else {
          reader.report('schema.wrong-type', `"answered" in ${what} must be true or false`, argPos);
          ok = false;
        }
      } else if ((OPS as readonly string[]).includes(op)) {
        if (isScalar(arg) && typeof arg.value === 'number' && Number.isFinite(arg.value)) {
          parts.push({ kind: 'compare', question, op: op as CompareOp, value: arg.value, pos });
        } else {
          reader.report('schema.wrong-type', `"${op}" in ${what} must be compared with a number`, argPos);
          ok = false;
        }
      } else {
        reader.report('schema.unknown-key', `${what} tests "${question}" with an unknown operator "${op}"${didYouMean(op, QUESTION_KEYS)}; use one of ${QUESTION_KEYS.join(', ')}`, opPos);
        ok = false;
      }
    }
    if (!ok) return undefined;
    if (parts.length === 0) {
      reader.report('schema.wrong-type', `${what} tests "${question}" with an empty map`, valuePos);
      return undefined;
    }
    return parts.length === 1 ? parts[0] : { kind: 'all', of: parts, pos };
  }
  const values = readValues(reader, value, valuePos, question, what);
  return values ? { kind: 'in', question, values, pos } : undefined;
}

function readValues(reader: YamlReader, node: unknown, pos: Position, question: string, what: string): (string | number)[] | undefined {
  const items = isSeq(node) ? node.items.map((i) => reader.resolve(i)) : [node];
  if (items.length === 0) {
    reader.report('schema.wrong-type', `${what} tests "${question}" against an empty list of values`, pos);
    return undefined;
  }
  const out: (string | number)[] = [];
  for (const item of items) {
    if (isScalar(item) && (typeof item.value === 'string' || (typeof item.value === 'number' && Number.isFinite(item.value)))) {
      out.push(item.value);
      continue;
    }
    const itemPos = reader.pos(item as Node, pos);
    const hint = isScalar(item) && typeof item.value === 'boolean' ? ` (answers are yes/no: write ${item.value ? 'yes' : 'no'}, not ${String(item.value)})` : '';
    reader.report('schema.wrong-type', `${what} tests "${question}" against something that is not a value${hint}`, itemPos);
    return undefined;
  }
  return out;
}
