/**
 * The YAML tree → a `Questionnaire` draft, with defaults applied (start = first question,
 * required = true, unsure = false, red-flag values = yes (+ unsure when offered), scale 0–10).
 * Reports shape problems; references and meaning are checked by lint.ts on the draft. Questions
 * are composed by compose-question.ts; ids and item names shared by both are in compose-ids.ts.
 * Everything is built from fresh objects (anchors on a null prototype), never by merging
 * user-controlled keys into an object, so `__proto__` and friends are inert.
 */
import { isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Caution, Outcome, Position, Questionnaire, Rule, Source, Unscreened } from './model.js';
import { composeCondition } from './compose-condition.js';
import { readBoolean, readIdRef, readIdRefs, readList, readMap, readNumber, readText, type Field } from './compose-fields.js';
import { nameOf, readOwnId, RESERVED_IDS } from './compose-ids.js';
import { composeQuestion } from './compose-question.js';
import type { YamlReader } from './yaml-reader.js';

export { QUESTION_TYPES } from './compose-question.js';
export { RESERVED_IDS };

const TOP_KEYS = ['$schema', 'id', 'version', 'title', 'description', 'start', 'questions', 'rules', 'outcomes', 'cautions', 'sources', 'unscreened'];
const TOP_REQUIRED = ['id', 'version', 'title', 'questions', 'rules', 'outcomes', 'sources'];
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
