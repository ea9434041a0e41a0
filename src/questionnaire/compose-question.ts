/**
 * One question of the YAML tree → a `Question`, with the defaults of compose-questionnaire.ts
 * (required = true, unsure = false, red-flag values = yes (+ unsure when offered), scale 0–10):
 * its type's keys only, its label, options or anchors, red flag and flow. Built from fresh
 * objects, never by merging user-controlled keys, so `__proto__` and friends are inert.
 */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Branch, ChoiceOption, Condition, Flow, Position, Question, QuestionType, RedFlag } from './model.js';
import { MAX_LABEL_LENGTH, UNSURE } from './model.js';
import { composeCondition } from './compose-condition.js';
import { nameOf, peekScalars, readOwnId } from './compose-ids.js';
import { OPTION_VALUE_PATTERN, readBoolean, readIdRef, readIdRefs, readList, readMap, readNumber, readText, type Field, type Fields } from './compose-fields.js';
import { didYouMean } from './suggest.js';
import type { YamlReader } from './yaml-reader.js';

const PROTOTYPE_WORDS = ['__proto__', 'constructor', 'prototype'];

export const QUESTION_TYPES: readonly QuestionType[] = ['yesno', 'choice', 'multi', 'number', 'scale'];
const COMMON_QUESTION_KEYS = ['id', 'type', 'label', 'text', 'help', 'unsure', 'required', 'red_flag', 'next'];
const TYPE_KEYS: Record<QuestionType, readonly string[]> = {
  yesno: [],
  choice: ['options'],
  multi: ['options'],
  number: ['min', 'max', 'unit', 'integer'],
  scale: ['min', 'max', 'anchors'],
};
const ALL_QUESTION_KEYS = [...new Set([...COMMON_QUESTION_KEYS, ...Object.values(TYPE_KEYS).flat()])];
export function composeQuestion(reader: YamlReader, node: unknown, at: Position, index: number, untyped: Set<string>): Question | undefined {
  const n = reader.resolve(node);
  // Read id and type first: they decide the name in messages and which keys are allowed.
  const peek = isMap(n) ? peekScalars(reader, n, ['type']) : new Map<string, unknown>();
  const what = nameOf(reader, 'question', n, index);
  const rawType = peek.get('type');
  const type = QUESTION_TYPES.find((t) => t === rawType);
  const allowed = type ? [...COMMON_QUESTION_KEYS, ...TYPE_KEYS[type]] : ALL_QUESTION_KEYS;
  const required = ['id', 'type', 'text', ...(type === 'choice' || type === 'multi' ? ['options'] : [])];
  const fields = readMap(reader, n, at, what, allowed, required, (key) => {
    if (!type || !ALL_QUESTION_KEYS.includes(key)) return undefined;
    const takers = QUESTION_TYPES.filter((t) => TYPE_KEYS[t].includes(key));
    return `${what} is a ${type} question; "${key}" is only for ${takers.join(' and ')} questions`;
  });
  if (!fields) return undefined;
  const id = readOwnId(reader, fields.get('id'), what);
  if (id === undefined) return undefined;
  const typeField = fields.get('type');
  if (typeField && !type) {
    const shown = isScalar(typeField.value) ? String(typeField.value.value) : '';
    reader.report('schema.invalid-value', `${what} has type "${shown}"${didYouMean(shown, QUESTION_TYPES)}; use one of ${QUESTION_TYPES.join(', ')}`, typeField.pos);
  }
  if (!type) untyped.add(id);
  const effectiveType: QuestionType = type ?? 'yesno';
  const unsure = readBoolean(reader, fields.get('unsure'), what) ?? false;
  if (unsure && effectiveType === 'multi') {
    reader.report('schema.invalid-value', `${what} is a multi question and cannot offer "unsure"; add an option such as { value: not_sure, label: Not sure } instead`, fields.get('unsure')!.pos);
  }
  const help = readText(reader, fields.get('help'), what);
  const label = readLabel(reader, fields.get('label'), what);
  const redFlagField = fields.get('red_flag');
  const options = effectiveType === 'choice' || effectiveType === 'multi' ? composeOptions(reader, fields.get('options'), what, effectiveType, unsure) : [];
  const redFlag = redFlagField ? composeRedFlag(reader, redFlagField, what, effectiveType, unsure, options) : undefined;
  const base = {
    id,
    ...(label !== undefined ? { label } : {}),
    text: readText(reader, fields.get('text'), what) ?? '',
    ...(help !== undefined ? { help } : {}),
    unsure,
    required: readBoolean(reader, fields.get('required'), what) ?? true,
    ...(redFlag ? { redFlag } : {}),
    next: composeFlow(reader, fields.get('next'), what),
    pos: reader.pos(n as Node, at),
  };
  switch (effectiveType) {
    case 'yesno':
      return { ...base, type: 'yesno' };
    case 'choice':
      return { ...base, type: 'choice', options };
    case 'multi':
      return { ...base, type: 'multi', options };
    case 'number': {
      const min = readNumber(reader, fields.get('min'), what);
      const max = readNumber(reader, fields.get('max'), what);
      checkRange(reader, fields, what, min, max);
      const unit = readText(reader, fields.get('unit'), what);
      return {
        ...base,
        type: 'number',
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
        ...(unit !== undefined ? { unit } : {}),
        integer: readBoolean(reader, fields.get('integer'), what) ?? false,
      };
    }
    case 'scale': {
      const min = readNumber(reader, fields.get('min'), what, true) ?? 0;
      const max = readNumber(reader, fields.get('max'), what, true) ?? 10;
      checkRange(reader, fields, what, min, max);
      return { ...base, type: 'scale', min, max, anchors: composeAnchors(reader, fields.get('anchors'), what, min, max) };
    }
    default: {
      const _exhaustive: never = effectiveType;
      return _exhaustive;
    }
  }
}

/**
 * A question's `label`: a few words on one line, at most MAX_LABEL_LENGTH characters, no control
 * characters (it is printed inside a sentence: "numbness between the legs: not sure").
 */
function readLabel(reader: YamlReader, f: Field | undefined, what: string): string | undefined {
  const label = readText(reader, f, what);
  if (label === undefined || f === undefined) return undefined;
  const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.exec(label);
  if (control) {
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    const kind = control[0] === '\n' ? 'a line break' : `a control character (U+${code})`;
    reader.report('schema.invalid-value', `"label" of ${what} contains ${kind}; a label is a few words on one line`, f.pos);
    return undefined;
  }
  if (label.trim() === '') {
    reader.report('schema.invalid-value', `"label" of ${what} is empty; leave it out, or name the question in a few words`, f.pos);
    return undefined;
  }
  if ([...label].length > MAX_LABEL_LENGTH) {
    reader.report('schema.invalid-value', `"label" of ${what} is ${[...label].length} characters long; a label is at most ${MAX_LABEL_LENGTH} (the question's text says the rest)`, f.pos);
    return undefined;
  }
  return label;
}

function checkRange(reader: YamlReader, fields: Fields, what: string, min: number | undefined, max: number | undefined): void {
  if (min !== undefined && max !== undefined && min > max) {
    reader.report('schema.invalid-value', `${what} has min ${min} above max ${max}`, (fields.get('max') ?? fields.get('min'))!.pos);
  }
}

function composeOptions(reader: YamlReader, f: Field | undefined, what: string, type: 'choice' | 'multi', unsure: boolean): ChoiceOption[] {
  if (!f) return [];
  const items = readList(reader, f, what);
  const options: ChoiceOption[] = [];
  const seen = new Map<string, number>();
  for (const item of items) {
    const fields = readMap(reader, item.node, item.pos, `an option of ${what}`, ['value', 'label', 'help'], ['value', 'label']);
    if (!fields) continue;
    const ref = readIdRef(reader, fields.get('value'), `an option of ${what}`);
    if (!ref) continue;
    const value = ref.id;
    if (PROTOTYPE_WORDS.includes(value)) reader.report('lint.reserved-id', `"${value}" is a reserved word and cannot be an option value`, ref.pos);
    else if (!OPTION_VALUE_PATTERN.test(value)) reader.report('schema.invalid-id', `option "${value}" of ${what} is not a valid value: use lowercase letters, digits, "_" and "-"`, ref.pos);
    else if (value === UNSURE && (unsure || type === 'choice')) reader.report('lint.reserved-id', `option "unsure" of ${what} clashes with the "not sure" answer; write unsure: true on the question instead`, ref.pos);
    const first = seen.get(value);
    if (first !== undefined) reader.report('lint.duplicate-id', `${what} has option "${value}" twice (first at line ${first})`, ref.pos);
    else seen.set(value, ref.pos.line);
    const help = readText(reader, fields.get('help'), `option "${value}" of ${what}`);
    options.push({ value, label: readText(reader, fields.get('label'), `option "${value}" of ${what}`) ?? '', ...(help !== undefined ? { help } : {}) });
  }
  const least = type === 'choice' ? 2 : 1;
  if (isSeq(f.value) && items.length < least) reader.report('schema.invalid-value', `${what} needs at least ${least} option${least > 1 ? 's' : ''}`, f.pos);
  return options;
}

function composeAnchors(reader: YamlReader, f: Field | undefined, what: string, min: number, max: number): Readonly<Record<number, string>> {
  const anchors = Object.create(null) as Record<number, string>;
  if (!f) return anchors;
  if (!isMap(f.value)) {
    reader.report('schema.wrong-type', `"anchors" of ${what} must map scale points to labels, e.g. { 0: no pain, 10: worst pain imaginable }`, f.pos);
    return anchors;
  }
  for (const pair of f.value.items) {
    if (!isPair(pair)) continue;
    const k = reader.resolve(pair.key);
    const v = reader.resolve(pair.value);
    const kPos = reader.pos(k as Node, f.pos);
    // A number key (YAML) or a string of digits (a JSON key); never "", null, 0x5 or 1e1.
    const point = isScalar(k) && (typeof k.value === 'number' || (typeof k.value === 'string' && /^-?\d+$/.test(k.value))) ? Number(k.value) : NaN;
    if (isScalar(k) && typeof k.value === 'string' && /\s/.test(k.value) && v === null && f.value.flow) {
      reader.report('schema.invalid-value', `an anchor of ${what} is "${k.value}": a comma inside { … } ends the label before it; put the label in quotes`, kPos);
      continue;
    }
    if (!isScalar(k) || !Number.isInteger(point) || point < min || point > max) {
      const written = isScalar(k) ? (typeof k.source === 'string' ? k.source : String(k.value)) : 'a collection';
      reader.report('schema.invalid-value', `an anchor of ${what} must be a whole number from ${min} to ${max} (got "${written}")`, kPos);
      continue;
    }
    if (!isScalar(v) || typeof v.value !== 'string') {
      reader.report('schema.wrong-type', `anchor ${point} of ${what} must be a label (text)`, reader.pos(v as Node, kPos));
      continue;
    }
    anchors[point] = v.value;
  }
  return anchors;
}

function composeRedFlag(reader: YamlReader, f: Field, what: string, type: QuestionType, unsure: boolean, options: readonly ChoiceOption[]): RedFlag | undefined {
  if (type === 'number' || type === 'scale') {
    reader.report('schema.invalid-value', `${what} is a ${type} question; only yesno, choice and multi questions can be red flags (write a rule with a comparison instead)`, f.keyPos);
    return undefined;
  }
  let category: string | undefined;
  let values: string[] | undefined;
  let skipReason: string | undefined;
  if (isScalar(f.value)) {
    category = readText(reader, f, what);
  } else {
    const fields = readMap(reader, f.value, f.pos, `"red_flag" of ${what}`, ['category', 'values', 'skip'], ['category']);
    if (!fields) return undefined;
    category = readText(reader, fields.get('category'), `"red_flag" of ${what}`);
    const valuesField = fields.get('values');
    if (valuesField) values = readIdRefs(reader, valuesField, `"red_flag" of ${what}`).map((r) => r.id);
    skipReason = readText(reader, fields.get('skip'), `"red_flag" of ${what}`);
    if (valuesField && values?.length === 0 && isSeq(valuesField.value)) {
      reader.report('schema.invalid-value', `"red_flag" of ${what} lists no values`, valuesField.pos);
    }
  }
  if (category === undefined) return undefined;
  if (values === undefined) {
    const hasYes = type === 'yesno' || options.some((o) => o.value === 'yes');
    if (!hasYes) {
      reader.report('lint.invalid-value', `red-flag ${what} is a ${type} question without a "yes" option; list its red-flag values: red_flag: { category: ${category}, values: [...] }`, f.keyPos);
      values = [];
    } else values = ['yes', ...(unsure && type !== 'multi' ? [UNSURE] : [])];
  }
  return { category, values, ...(skipReason !== undefined ? { skipReason } : {}), pos: f.keyPos };
}

function composeFlow(reader: YamlReader, f: Field | undefined, what: string): Flow {
  if (!f) return { kind: 'sequence' };
  if (isScalar(f.value)) {
    const ref = readIdRef(reader, f, what);
    return ref ? { kind: 'goto', target: ref.id, pos: ref.pos } : { kind: 'sequence' };
  }
  if (!isSeq(f.value)) {
    reader.report('schema.wrong-type', `"next" of ${what} must be a question id, end, or a list of { when, goto } branches`, f.pos);
    return { kind: 'sequence' };
  }
  const branches: Branch[] = [];
  const items = readList(reader, f, what);
  if (items.length === 0) {
    reader.report('schema.invalid-value', `"next" of ${what} lists no branches; leave "next" out to go on to the following question`, f.pos);
  }
  for (const item of items) {
    const fields = readMap(reader, item.node, item.pos, `a branch of ${what}`, ['when', 'goto'], ['goto']);
    if (!fields) continue;
    const target = readIdRef(reader, fields.get('goto'), `a branch of ${what}`);
    if (!target) continue;
    const whenField = fields.get('when');
    let when: Condition | undefined;
    if (whenField) {
      when = composeCondition(reader, whenField.value, whenField.pos, `a branch of ${what}`);
      if (!when) continue;
    }
    branches.push({ ...(when ? { when } : {}), goto: target.id, pos: target.pos });
  }
  return { kind: 'branches', branches };
}
