/**
 * Reads a cases file (docs/cases-format.md) with the position of every case and answer.
 *
 * Contract: `parseCases` collects every problem of the file in one pass (each with file, 1-based
 * line and column, and a stable `cases.*` code) and returns `cases` iff there is none.
 * `loadCases` throws ScreenError: 66 when the file cannot be read, 65 (with `problems`) when it
 * is malformed. Answers are returned as written; checking them against a questionnaire is the
 * runner's job (an invalid answer fails its case, not the file).
 */
import { open } from 'node:fs/promises';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { EXIT, fileErrorReason, problemAt, ScreenError } from '../errors.js';
import type { Problem } from '../errors.js';
import type { Position } from '../questionnaire/model.js';
import { didYouMean } from '../questionnaire/suggest.js';
import { CASES_FORMAT_VERSION } from './model.js';
import type { CasesFile, TestCase } from './model.js';

/** Larger than any sensible cases file; keeps a hostile file from exhausting memory. */
export const MAX_CASES_BYTES = 16 * 1024 * 1024;
/** Aliases (e.g. `<<: *baseline` for shared answers) are allowed, but not alias bombs. */
const MAX_ALIAS_COUNT = 1000;

const CASE_KEYS = ['id', 'story', 'answers', 'expected', 'rationale'] as const;
const EXPECTED_KEYS = ['disposition', 'cautions_include'] as const;

export interface ParsedCases {
  readonly cases?: CasesFile;
  readonly problems: readonly Problem[];
}

export function parseCases(text: string | Uint8Array, file: string): ParsedCases {
  const problems: Problem[] = [];
  const at = (line: number, col: number): Position => ({ file, line, col });
  if (typeof text !== 'string') {
    if (text.byteLength > MAX_CASES_BYTES) {
      return { problems: [problemAt('cases.too-large', 'error', `the file is larger than ${MAX_CASES_BYTES / 1024 / 1024} MB`, at(1, 1))] };
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(text);
    } catch {
      return { problems: [problemAt('cases.encoding', 'error', 'the file is not valid UTF-8', at(1, 1))] };
    }
  } else if (text.length > MAX_CASES_BYTES) {
    return { problems: [problemAt('cases.too-large', 'error', `the file is larger than ${MAX_CASES_BYTES / 1024 / 1024} MB`, at(1, 1))] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    return { problems: [problemAt('cases.empty', 'error', 'the file is empty: expected `version: 1` and a `vignettes:` list', at(1, 1))] };
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, version: '1.2', merge: true, uniqueKeys: true, prettyErrors: false });
  const posOf = (offset: number | undefined): Position => {
    const lp = lineCounter.linePos(offset ?? 0);
    return at(lp.line, lp.col);
  };
  const nodePos = (node: Node | null | undefined, fallback: Position): Position => (node?.range ? posOf(node.range[0]) : fallback);

  for (const e of doc.errors) {
    const code = e.code === 'DUPLICATE_KEY' ? 'cases.duplicate-key' : 'cases.yaml-syntax';
    problems.push(problemAt(code, 'error', e.message.split('\n')[0] ?? e.message, posOf(e.pos[0])));
  }
  if (problems.length > 0) return { problems };

  const root = doc.contents;
  const top = at(1, 1);
  if (!isMap(root)) {
    problems.push(problemAt('cases.wrong-type', 'error', 'the file must be a mapping with `version: 1` and a `vignettes:` list', nodePos(root, top)));
    return { problems };
  }
  checkKeys(root, ['version', 'vignettes'], 'the top level', problems, posOf);

  const version: unknown = root.get('version', true);
  if (version === undefined) {
    problems.push(problemAt('cases.missing-key', 'error', 'missing `version: 1`', top));
  } else if (!isScalar(version) || version.value !== CASES_FORMAT_VERSION) {
    problems.push(problemAt('cases.version', 'error', `unsupported cases format version ${describe(version)}: this tool reads version ${CASES_FORMAT_VERSION}`, nodePos(version as Node, top)));
  }

  const list = root.get('vignettes', true);
  const cases: TestCase[] = [];
  if (list === undefined) {
    problems.push(problemAt('cases.missing-key', 'error', 'missing `vignettes:` (the list of cases)', top));
  } else if (!isSeq(list)) {
    problems.push(problemAt('cases.wrong-type', 'error', '`vignettes` must be a list of cases', nodePos(list, top)));
  } else if (list.items.length === 0) {
    problems.push(problemAt('cases.empty', 'error', '`vignettes` is empty: a cases file needs at least one case', nodePos(list, top)));
  } else {
    const seen = new Map<string, Position>();
    list.items.forEach((item, index) => {
      const c = readCase(item as Node, index, doc, problems, posOf, nodePos(list, top));
      if (!c) return;
      const first = seen.get(c.id);
      if (first) {
        problems.push(problemAt('cases.duplicate-id', 'error', `case id "${c.id}" is used twice (first at line ${first.line})`, c.pos));
      } else {
        seen.set(c.id, c.pos);
      }
      if (!('invalid' in c)) cases.push(c);
    });
  }

  if (problems.length > 0) return { problems: problems.sort((a, b) => a.line - b.line || a.col - b.col) };
  return { cases: { file, version: CASES_FORMAT_VERSION, cases }, problems };
}

export async function loadCases(path: string | URL, displayName: string = String(path)): Promise<CasesFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readAtMost(path, MAX_CASES_BYTES + 1);
  } catch (e) {
    throw new ScreenError('cases.unreadable', EXIT.noInput, `cannot read cases file ${displayName}: ${fileErrorReason(e, 'read')}`);
  }
  const parsed = parseCases(bytes, displayName);
  if (!parsed.cases) {
    throw new ScreenError('cases.invalid', EXIT.dataErr, `${displayName} is not a valid cases file`, parsed.problems);
  }
  return parsed.cases;
}

/**
 * The first `max` bytes of a file: one past the limit is enough to refuse it, and a file that
 * never ends (/dev/zero, a pipe left open) is not read until memory runs out.
 */
async function readAtMost(path: string | URL, max: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    const buffer = Buffer.alloc(stat.isFile() ? Math.min(stat.size + 1, max) : max);
    let read = 0;
    while (read < buffer.length) {
      const { bytesRead } = await handle.read(buffer, read, buffer.length - read, null);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buffer.subarray(0, read);
  } finally {
    await handle.close();
  }
}

type PosOf = (offset: number | undefined) => Position;

/** A case, or only its id and place when it has problems (so duplicate ids are still reported). */
function readCase(
  node: Node,
  index: number,
  doc: Document,
  problems: Problem[],
  posOf: PosOf,
  listPos: Position,
): TestCase | { id: string; pos: Position; invalid: true } | undefined {
  const pos = node.range ? posOf(node.range[0]) : listPos;
  const label = `case ${index + 1}`;
  if (!isMap(node)) {
    problems.push(problemAt('cases.wrong-type', 'error', `${label} must be a mapping with id, answers and expected`, pos));
    return undefined;
  }
  const before = problems.length;
  const id = requiredString(node, 'id', label, problems, posOf, pos);
  const name = id === undefined ? label : `case "${id}"`;
  checkKeys(node, CASE_KEYS, name, problems, posOf);
  const story = optionalString(node, 'story', name, problems, posOf);
  const rationale = optionalString(node, 'rationale', name, problems, posOf);

  const answersNode = node.get('answers', true);
  let answers: Record<string, unknown> = {};
  let answerPositions: Record<string, Position> = {};
  if (answersNode === undefined) {
    problems.push(problemAt('cases.missing-key', 'error', `${name} has no \`answers:\``, pos));
  } else {
    const map = resolveAlias(answersNode, doc);
    if (map === null) {
      // `answers:` with nothing after it: no answers at all, a legitimate (if extreme) case.
    } else if (!isMap(map)) {
      problems.push(problemAt('cases.wrong-type', 'error', `${name}: \`answers\` must be a mapping of question id to answer`, nodePos(answersNode, posOf, pos)));
    } else {
      try {
        const js: unknown = map.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT });
        answers = js !== null && typeof js === 'object' ? (js as Record<string, unknown>) : {};
      } catch (e) {
        problems.push(problemAt('cases.yaml-syntax', 'error', `${name}: ${(e as Error).message}`, nodePos(answersNode, posOf, pos)));
      }
      answerPositions = positionsOf(map, doc, posOf, new Set());
    }
  }

  const expectedNode = node.get('expected', true);
  let disposition: string | undefined;
  let cautionsInclude: string[] = [];
  let expectedPos = pos;
  if (expectedNode === undefined) {
    problems.push(problemAt('cases.missing-key', 'error', `${name} has no \`expected:\` (disposition and cautions_include)`, pos));
  } else if (!isMap(expectedNode)) {
    problems.push(problemAt('cases.wrong-type', 'error', `${name}: \`expected\` must be a mapping with disposition and cautions_include`, nodePos(expectedNode, posOf, pos)));
  } else {
    expectedPos = nodePos(expectedNode, posOf, pos);
    checkKeys(expectedNode, EXPECTED_KEYS, `${name} expected`, problems, posOf);
    disposition = requiredString(expectedNode, 'disposition', `${name} expected`, problems, posOf, expectedPos);
    const list = expectedNode.get('cautions_include', true);
    if (list !== undefined && !(isScalar(list) && list.value === null)) {
      if (!isSeq(list)) {
        problems.push(problemAt('cases.wrong-type', 'error', `${name}: \`cautions_include\` must be a list of caution ids`, nodePos(list, posOf, expectedPos)));
      } else {
        for (const item of list.items) {
          if (isScalar(item) && typeof item.value === 'string' && item.value !== '') cautionsInclude.push(item.value);
          else problems.push(problemAt('cases.wrong-type', 'error', `${name}: each entry of \`cautions_include\` must be a caution id`, nodePos(item as Node, posOf, expectedPos)));
        }
      }
    }
  }

  if (id !== undefined && (problems.length > before || disposition === undefined)) return { id, pos, invalid: true };
  if (problems.length > before || id === undefined || disposition === undefined) return undefined;
  cautionsInclude = [...new Set(cautionsInclude)];
  return {
    id,
    ...(story === undefined ? {} : { story }),
    answers,
    answerPositions,
    expected: { disposition, cautionsInclude, pos: expectedPos },
    ...(rationale === undefined ? {} : { rationale }),
    pos,
  };
}

function nodePos(node: Node | null | undefined, posOf: PosOf, fallback: Position): Position {
  return node?.range ? posOf(node.range[0]) : fallback;
}

function resolveAlias(node: unknown, doc: Document): unknown {
  let n = node;
  for (let i = 0; i < 100 && isAlias(n); i++) n = n.resolve(doc);
  if (isScalar(n) && n.value === null) return null;
  return n;
}

/** Where each answer is written; an answer merged in with `<<: *anchor` points at the anchor's line. */
function positionsOf(map: YAMLMap, doc: Document, posOf: PosOf, visiting: Set<unknown>): Record<string, Position> {
  const out: Record<string, Position> = Object.create(null) as Record<string, Position>;
  if (visiting.has(map)) return out;
  visiting.add(map);
  const explicit: [string, Position][] = [];
  for (const pair of map.items as Pair[]) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    // With merge keys on, `<<` is read as a symbol; any other key is text (or a number).
    const isMerge = typeof pair.key.value === 'symbol' || pair.key.source === '<<';
    const key = String(pair.key.value);
    if (isMerge) {
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const s of sources) {
        const target = resolveAlias(s, doc);
        if (isMap(target)) Object.assign(out, positionsOf(target, doc, posOf, visiting));
      }
    } else if (pair.key.range) {
      explicit.push([key, posOf(pair.key.range[0])]);
    }
  }
  for (const [key, p] of explicit) Object.defineProperty(out, key, { value: p, enumerable: true, writable: true, configurable: true });
  return out;
}

function checkKeys(map: YAMLMap, allowed: readonly string[], where: string, problems: Problem[], posOf: PosOf): void {
  for (const pair of map.items as Pair[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key !== undefined && allowed.includes(key)) continue;
    const keyNode = pair.key as Node | null;
    const p = keyNode?.range ? posOf(keyNode.range[0]) : posOf(map.range?.[0]);
    const hint = key === undefined ? '' : didYouMean(key, allowed);
    problems.push(
      problemAt('cases.unknown-key', 'error', `${where}: unknown key ${key === undefined ? '(not a plain key)' : `"${key}"`}${hint}; expected one of ${allowed.join(', ')}`, p),
    );
  }
}

function requiredString(map: YAMLMap, key: string, where: string, problems: Problem[], posOf: PosOf, fallback: Position): string | undefined {
  const node = map.get(key, true);
  if (node === undefined) {
    problems.push(problemAt('cases.missing-key', 'error', `${where} has no \`${key}\``, fallback));
    return undefined;
  }
  if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
    problems.push(problemAt('cases.wrong-type', 'error', `${where}: \`${key}\` must be a non-empty string, not ${describe(node)}`, nodePos(node, posOf, fallback)));
    return undefined;
  }
  return node.value;
}

function optionalString(map: YAMLMap, key: string, where: string, problems: Problem[], posOf: PosOf): string | undefined {
  const node = map.get(key, true);
  if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
  if (!isScalar(node) || typeof node.value !== 'string') {
    problems.push(problemAt('cases.wrong-type', 'error', `${where}: \`${key}\` must be text, not ${describe(node)}`, nodePos(node, posOf, posOf(map.range?.[0]))));
    return undefined;
  }
  return node.value;
}

function describe(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? 'empty' : JSON.stringify(node.value);
  return 'that';
}
