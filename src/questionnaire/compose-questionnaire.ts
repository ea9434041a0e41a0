/**
 * The YAML tree → a `Questionnaire` draft, with defaults applied (start = first question,
 * required = true, unsure = false, red-flag values = yes (+ unsure when offered), scale 0–10).
 * Reports shape problems; references and meaning are checked by lint.ts on the draft.
 * Everything is built from fresh objects (anchors on a null prototype), never by merging
 * user-controlled keys into an object, so `__proto__` and friends are inert.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Branch, Caution, ChoiceOption, Condition, Flow, Outcome, Position, Question, QuestionType, Questionnaire, RedFlag, Rule, Source, Unscreened } from './model.js';
import { MAX_LABEL_LENGTH, UNSURE } from './model.js';
import { composeCondition } from './compose-condition.js';
import { ID_PATTERN, OPTION_VALUE_PATTERN, readBoolean, readIdRef, readIdRefs, readList, readMap, readNumber, readText, type Field, type Fields } from './compose-fields.js';
import { didYouMean } from './suggest.js';
import type { YamlReader } from './yaml-reader.js';

/** Words that cannot be ids: condition keywords, the flow's `end`, and JavaScript prototype names. */
export const RESERVED_IDS: readonly string[] = ['any', 'all', 'not', 'missing', 'end', 'answered', 'true', 'false', '__proto__', 'constructor', 'prototype'];
const PROTOTYPE_WORDS = ['__proto__', 'constructor', 'prototype'];

export const QUESTION_TYPES: readonly QuestionType[] = ['yesno', 'choice', 'multi', 'number', 'scale'];
const TOP_KEYS = ['$schema', 'id', 'version', 'title', 'description', 'start', 'questions', 'rules', 'outcomes', 'cautions', 'sources', 'unscreened'];
const TOP_REQUIRED = ['id', 'version', 'title', 'questions', 'rules', 'outcomes', 'sources'];
const COMMON_QUESTION_KEYS = ['id', 'type', 'label', 'text', 'help', 'unsure', 'required', 'red_flag', 'next'];
const TYPE_KEYS: Record<QuestionType, readonly string[]> = {
  yesno: [],
  choice: ['options'],
  multi: ['options'],
  number: ['min', 'max', 'unit', 'integer'],
  scale: ['min', 'max', 'anchors'],
};
const ALL_QUESTION_KEYS = [...new Set([...COMMON_QUESTION_KEYS, ...Object.values(TYPE_KEYS).flat()])];
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export interface ComposeResult {
  readonly questionnaire: Questionnaire;
  /** Where `start` is written, when it is. */
  readonly startPos?: Position;
  /** Questions whose `type` was missing or invalid: their values are not checked further. */
  readonly untyped: ReadonlySet<string>;
  /** Where each rule names its outcome, cautions and sources, for pointing at a bad reference. */
  readonly rulePositions: ReadonlyMap<Rule, RulePositions>;
  /** Where `unscreened.source` names each source. */
  readonly unscreenedSourcePositions?: readonly Position[];
}

export interface RulePositions {
  readonly outcome?: Position;
  readonly cautions: readonly Position[];
  readonly sources: readonly Position[];
}

export function composeQuestionnaire(reader: YamlReader, doc: Document.Parsed, sha256: string): ComposeResult | undefined {
  const origin = reader.at(0);
  const top = readMap(reader, doc.contents, origin, 'the questionnaire', TOP_KEYS, TOP_REQUIRED);
  if (!top) return undefined;
  const what = 'the questionnaire';
  const id = readOwnId(reader, top.get('id'), what) ?? '';
  const versionField = top.get('version');
  let version = '';
  if (versionField) {
    const v = reader.resolve(versionField.value);
    if (isScalar(v) && typeof v.value === 'string' && SEMVER.test(v.value)) version = v.value;
    else reader.report('schema.invalid-version', `"version" must be a semver version such as 1.0.0${versionHint(v)}`, versionField.pos);
  }
  const untyped = new Set<string>();
  const rulePositions = new Map<Rule, RulePositions>();
  const questions = readList(reader, top.get('questions'), what).flatMap((item, i) => {
    const q = composeQuestion(reader, item.node, item.pos, i, untyped);
    return q ? [q] : [];
  });
  const rules = readList(reader, top.get('rules'), what).flatMap((item, i) => {
    const r = composeRule(reader, item.node, item.pos, i, rulePositions);
    return r ? [r] : [];
  });
  const outcomes = readList(reader, top.get('outcomes'), what).flatMap((item, i) => {
    const o = composeOutcome(reader, item.node, item.pos, i);
    return o ? [o] : [];
  });
  const cautions = readList(reader, top.get('cautions'), what).flatMap((item, i) => {
    const named = nameOf(reader, 'caution', item.node, i);
    const fields = readMap(reader, item.node, item.pos, named, ['id', 'text'], ['id', 'text']);
    if (!fields) return [];
    const cid = readOwnId(reader, fields.get('id'), named);
    if (cid === undefined) return [];
    const c: Caution = { id: cid, text: readText(reader, fields.get('text'), `caution "${cid}"`) ?? '', pos: item.pos };
    return [c];
  });
  const sources = readList(reader, top.get('sources'), what).flatMap((item, i) => {
    const s = composeSource(reader, item.node, item.pos, i);
    return s ? [s] : [];
  });
  if (top.has('outcomes') && outcomes.length === 0 && isSeq(reader.resolve(top.get('outcomes')?.value))) {
    reader.report('schema.invalid-value', 'the questionnaire needs at least one outcome', top.get('outcomes')!.pos);
  }
  if (top.has('questions') && questions.length === 0 && isSeq(reader.resolve(top.get('questions')?.value))) {
    reader.report('schema.invalid-value', 'the questionnaire needs at least one question', top.get('questions')!.pos);
  }
  const startRef = readIdRef(reader, top.get('start'), what);
  const description = readText(reader, top.get('description'), what);
  const unscreened = composeUnscreened(reader, top.get('unscreened'));
  const questionnaire: Questionnaire = {
    id,
    version,
    title: readText(reader, top.get('title'), what) ?? '',
    ...(description !== undefined ? { description } : {}),
    start: startRef?.id ?? questions[0]?.id ?? '',
    questions,
    rules,
    outcomes,
    cautions,
    sources,
    ...(unscreened ? { unscreened: unscreened.block } : {}),
    sha256,
    file: reader.file,
  };
  return {
    questionnaire,
    untyped,
    rulePositions,
    ...(startRef ? { startPos: startRef.pos } : {}),
    ...(unscreened ? { unscreenedSourcePositions: unscreened.sourcePositions } : {}),
  };
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

/** The optional top-level `unscreened: { advice, source }` block. */
function composeUnscreened(reader: YamlReader, f: Field | undefined): { block: Unscreened; sourcePositions: Position[] } | undefined {
  if (!f) return undefined;
  const what = '"unscreened"';
  const fields = readMap(reader, f.value, f.pos, what, ['advice', 'source'], ['advice', 'source']);
  if (!fields) return undefined;
  const advice = readText(reader, fields.get('advice'), what);
  if (advice !== undefined && advice.trim() === '') reader.report('schema.invalid-value', `"advice" of ${what} is empty: say what to do when a warning-sign question is unanswered`, fields.get('advice')!.pos);
  const refs = readIdRefs(reader, fields.get('source'), what);
  if (fields.has('source') && refs.length === 0 && isSeq(fields.get('source')?.value)) {
    reader.report('schema.invalid-value', `${what} cites no source: list at least one id of an entry in sources`, fields.get('source')!.pos);
  }
  if (advice === undefined) return undefined;
  return { block: { advice, sources: refs.map((r) => r.id), pos: f.keyPos }, sourcePositions: refs.map((r) => r.pos) };
}

/** What was written instead of a semver version, as the author wrote it. */
function versionHint(v: unknown): string {
  if (!isScalar(v) || v.value === null) return isScalar(v) ? ' (it is empty)' : '';
  const written = typeof v.source === 'string' && v.source !== '' ? v.source : String(v.value);
  return ` (got "${written}"${typeof v.value === 'number' ? '; YAML reads it as a number: quote it or add the patch number' : ''})`;
}

/** The `id` of a thing: an id-shaped string that is not reserved. Undefined (reported) otherwise. */
function readOwnId(reader: YamlReader, f: Field | undefined, what: string): string | undefined {
  const ref = readIdRef(reader, f, what);
  if (!ref) return undefined;
  checkIdWord(reader, ref.id, ref.pos, 'an id');
  return ref.id;
}

function checkIdWord(reader: YamlReader, id: string, pos: Position, role: string): void {
  if (RESERVED_IDS.includes(id)) reader.report('lint.reserved-id', `"${id}" is a reserved word and cannot be ${role}`, pos);
  else if (!ID_PATTERN.test(id)) reader.report('schema.invalid-id', `"${id}" is not a valid id: use lowercase letters, digits, "_" and "-", starting with a letter`, pos);
}

function composeQuestion(reader: YamlReader, node: unknown, at: Position, index: number, untyped: Set<string>): Question | undefined {
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

/** `question "leg_pain"` when the item has a text id, else `question 3` (1-based). */
function nameOf(reader: YamlReader, kind: string, node: unknown, index: number): string {
  const n = reader.resolve(node);
  const id = isMap(n) ? peekScalars(reader, n, ['id']).get('id') : undefined;
  return typeof id === 'string' ? `${kind} "${id}"` : `${kind} ${index + 1}`;
}

function peekScalars(reader: YamlReader, map: { items: unknown[] }, keys: readonly string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const k = reader.resolve(pair.key);
    const v = reader.resolve(pair.value);
    if (isScalar(k) && typeof k.value === 'string' && keys.includes(k.value) && isScalar(v) && !out.has(k.value)) out.set(k.value, v.value);
  }
  return out;
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

function composeRule(reader: YamlReader, node: unknown, at: Position, index: number, positions: Map<Rule, RulePositions>): Rule | undefined {
  const n = reader.resolve(node);
  const what = nameOf(reader, 'rule', n, index);
  const fields = readMap(reader, n, at, what, ['id', 'when', 'outcome', 'cautions', 'reason', 'source'], ['id', 'when']);
  if (!fields) return undefined;
  const id = readOwnId(reader, fields.get('id'), what);
  if (id === undefined) return undefined;
  const pos = reader.pos(n as Node, at);
  const whenField = fields.get('when');
  const when = whenField ? composeCondition(reader, whenField.value, whenField.pos, what) : undefined;
  const outcomeRef = readIdRef(reader, fields.get('outcome'), what);
  const outcome = outcomeRef?.id;
  const cautionRefs = readIdRefs(reader, fields.get('cautions'), what);
  const cautions = cautionRefs.map((r) => r.id);
  const reason = readText(reader, fields.get('reason'), what);
  const sourceRefs = readIdRefs(reader, fields.get('source'), what);
  const sources = sourceRefs.map((r) => r.id);
  if (reason === undefined || reason.trim() === '') {
    if (!fields.has('reason') || reason !== undefined) reader.report('lint.rule-without-reason', `${what} has no reason: say in plain words why it raises what it raises`, pos);
  }
  if (sources.length === 0 && (!fields.has('source') || isSeq(fields.get('source')?.value))) {
    reader.report('lint.rule-without-source', `${what} cites no source: add source: <id of an entry in sources>`, pos);
  }
  if (outcome === undefined && cautions.length === 0 && !fields.has('outcome')) {
    reader.report('lint.rule-without-effect', `${what} raises neither an outcome nor cautions`, pos);
  }
  const rule: Rule = { id, when: when ?? { kind: 'const', value: false, pos }, ...(outcome !== undefined ? { outcome } : {}), cautions, reason: reason ?? '', sources, pos };
  positions.set(rule, { ...(outcomeRef ? { outcome: outcomeRef.pos } : {}), cautions: cautionRefs.map((r) => r.pos), sources: sourceRefs.map((r) => r.pos) });
  return rule;
}

function composeOutcome(reader: YamlReader, node: unknown, at: Position, index: number): Outcome | undefined {
  const what = nameOf(reader, 'outcome', node, index);
  const fields = readMap(reader, node, at, what, ['id', 'title', 'advice', 'stop'], ['id', 'title', 'advice']);
  if (!fields) return undefined;
  const id = readOwnId(reader, fields.get('id'), what);
  if (id === undefined) return undefined;
  return {
    id,
    title: readText(reader, fields.get('title'), what) ?? '',
    advice: readText(reader, fields.get('advice'), what) ?? '',
    stop: readBoolean(reader, fields.get('stop'), what) ?? false,
    pos: reader.pos(reader.resolve(node) as Node, at),
  };
}

function composeSource(reader: YamlReader, node: unknown, at: Position, index: number): Source | undefined {
  const what = nameOf(reader, 'source', node, index);
  const fields = readMap(reader, node, at, what, ['id', 'title', 'publisher', 'year', 'url', 'section', 'note'], ['id', 'title', 'publisher']);
  if (!fields) return undefined;
  const id = readOwnId(reader, fields.get('id'), what);
  if (id === undefined) return undefined;
  const year = readNumber(reader, fields.get('year'), what, true);
  const url = readText(reader, fields.get('url'), what);
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) reader.report('schema.invalid-value', `"url" of ${what} must be an http(s) address`, fields.get('url')!.pos);
  const section = readText(reader, fields.get('section'), what);
  const note = readText(reader, fields.get('note'), what);
  return {
    id,
    title: readText(reader, fields.get('title'), what) ?? '',
    publisher: readText(reader, fields.get('publisher'), what) ?? '',
    ...(year !== undefined ? { year } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(section !== undefined ? { section } : {}),
    ...(note !== undefined ? { note } : {}),
    pos: reader.pos(reader.resolve(node) as Node, at),
  };
}
