/**
 * Bytes → a YAML document with positions, refusing hostile input before it can hurt: a size cap
 * checked before decoding, strict UTF-8, no control characters (written or escaped: they could
 * steer a terminal), a cap on nesting (checked on the raw text before the parser sees it, and
 * again on the tree), a cap on how far aliases expand, duplicate keys, at most MAX_QUESTIONS
 * questions.
 * YAML 1.2 core schema: `yes`/`no` stay strings. A BOM is dropped; CRLF and CR alone are accepted; positions
 * are those an editor shows (the BOM is not a column).
 */
import { createHash } from 'node:crypto';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit as visitYaml, type Alias, type Document, type Node } from 'yaml';
import { YamlReader } from './yaml-reader.js';

/** Largest questionnaire file accepted, in bytes (1 MiB). */
export const MAX_QUESTIONNAIRE_BYTES = 1024 * 1024;
/** Deepest nesting of collections accepted (a real questionnaire needs well under 20). */
export const MAX_NESTING = 64;
/** Most nodes that aliases may add when expanded (stops "billion laughs"). */
export const MAX_ALIAS_NODES = 10_000;
/** Most questions accepted (the bundled questionnaire has about 30; this keeps every check fast). */
export const MAX_QUESTIONS = 2_000;
/** Most control-character problems reported for one file. */
const MAX_CONTROL_REPORTS = 20;

/**
 * Characters that could steer a terminal when the text is shown: C0 controls other than tab, line
 * feed and carriage return (CRLF files are fine), DEL, and C1 controls.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export interface ReadYamlResult {
  readonly reader: YamlReader;
  /** Absent when the input was refused before or during parsing. */
  readonly doc?: Document.Parsed;
  readonly sha256: string;
}

/** `size` is the whole file's size when `input` holds only its first bytes (a file over the cap). */
export function readYaml(input: string | Uint8Array, file: string, size?: number): ReadYamlResult {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const early = new YamlReader(file, countLines(''));
  const origin = early.at(0);

  const total = Math.max(size ?? 0, bytes.length);
  if (total > MAX_QUESTIONNAIRE_BYTES) {
    // Without a known size (a pipe read up to the cap) the true size is unknown.
    const shown = size === undefined && total === MAX_QUESTIONNAIRE_BYTES + 1 ? 'more than 1 MiB' : formatSize(total);
    early.report('input.too-large', `the file is ${shown}; a questionnaire may be at most 1 MiB`, origin);
    return { reader: early, sha256 };
  }
  let text: string;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    early.report('input.encoding', 'the file is not UTF-8 text', origin);
    return { reader: early, sha256 };
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  // Old Mac line ends (CR alone) are line breaks in YAML 1.2; the parser knows only LF and CRLF.
  // Same length, so every position stays where an editor shows it.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  if (text.trim() === '') {
    early.report('input.empty', 'the file is empty; a questionnaire needs at least id, version, title, questions, rules, outcomes and sources', origin);
    return { reader: early, sha256 };
  }

  const controls = [...text.matchAll(CONTROL)];
  if (controls.length > 0) {
    const reader = new YamlReader(file, countLines(text));
    for (const m of controls.slice(0, MAX_CONTROL_REPORTS)) {
      reader.report('input.control-character', `control character ${codePoint(m[0])} in the text; write it out in words (it could steer the terminal that shows it)`, reader.at(m.index));
    }
    if (controls.length > MAX_CONTROL_REPORTS) {
      const last = controls[MAX_CONTROL_REPORTS] as RegExpMatchArray;
      reader.report('input.control-character', `and ${controls.length - MAX_CONTROL_REPORTS} more control characters`, reader.at(last.index ?? 0));
    }
    return { reader, sha256 };
  }

  const lineCounter = new LineCounter();
  const deepAt = flowNestingOverflow(text);
  if (deepAt !== undefined) {
    const reader = new YamlReader(file, countLines(text));
    reader.report('input.too-deep', `nesting is deeper than ${MAX_NESTING} levels`, reader.at(deepAt));
    return { reader, sha256 };
  }

  const doc = parseDocument(text, { lineCounter, version: '1.2', schema: 'core', uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  const reader = new YamlReader(file, lineCounter, doc);
  // A tab in indentation throws the parser off for the rest of its block: report each tab line
  // (the cause) and no error after the first of them (follow-ons that would bury it).
  const firstTab = doc.errors.find((e) => e.code === 'TAB_AS_INDENT')?.pos[0];
  const errors = firstTab === undefined ? doc.errors : doc.errors.filter((e) => e.code === 'TAB_AS_INDENT' || e.pos[0] < firstTab);
  for (const e of errors) {
    const where = reader.at(e.pos[0]);
    const message = firstLine(e.message);
    if (e.code === 'TAB_AS_INDENT') reader.report('yaml.tab', 'a tab is used for indentation; YAML indents with spaces only', where);
    else if (e.code === 'RESOURCE_EXHAUSTION') reader.report('input.too-deep', `nesting is deeper than ${MAX_NESTING} levels`, where);
    else if (e.code === 'MULTIPLE_DOCS') reader.report('yaml.syntax', 'the file holds more than one YAML document (a second `---`); a questionnaire is one document', where);
    else reader.report('yaml.syntax', lowerFirst(message), where);
  }
  if (doc.errors.length > 0) return { reader, sha256 };
  if (doc.contents === null) {
    reader.report('input.empty', 'the file has only comments; a questionnaire needs at least id, version, title, questions, rules, outcomes and sources', origin);
    return { reader, sha256 };
  }
  checkTree(doc, reader);
  if (reader.problems.length > 0) return { reader, sha256 };
  const questions = isMap(doc.contents) ? doc.contents.get('questions', true) : undefined;
  if (isSeq(questions) && questions.items.length > MAX_QUESTIONS) {
    reader.report(
      'input.too-many-questions',
      `${questions.items.length.toLocaleString('en-US')} questions; a questionnaire may have at most ${MAX_QUESTIONS.toLocaleString('en-US')}`,
      reader.pos(questions),
    );
    return { reader, sha256 };
  }
  return { reader, doc, sha256 };
}

/**
 * The offset of the first `[` or `{` that opens a flow collection more than MAX_NESTING deep,
 * counted on the raw text (quotes and comments are not skipped: this is a guard, and a
 * questionnaire never has dozens of unclosed brackets in its prose).
 */
function flowNestingOverflow(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_NESTING) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return undefined;
}

/** Depth, duplicate keys and alias expansion, over the whole tree (aliases followed, within budget). */
function checkTree(doc: Document.Parsed, reader: YamlReader): void {
  let aliasNodes = 0;
  let controlReports = 0;
  let stop = false;
  const targets = aliasTargets(doc);
  // `alias`: the alias written in the document (outside any expansion) that is being expanded.
  const visit = (node: unknown, depth: number, alias: Node | undefined): void => {
    if (stop || node === null || node === undefined) return;
    const viaAlias = alias !== undefined;
    if (viaAlias && ++aliasNodes > MAX_ALIAS_NODES) {
      reader.report('yaml.alias-limit', `aliases expand to more than ${MAX_ALIAS_NODES} nodes; write the content out instead`, reader.pos(alias));
      stop = true;
      return;
    }
    if (isAlias(node)) {
      visit(targets.get(node), depth, alias ?? node);
      return;
    }
    if (depth > MAX_NESTING) {
      reader.report('input.too-deep', `nesting is deeper than ${MAX_NESTING} levels`, reader.pos(node as Node));
      stop = true;
      return;
    }
    if (isScalar(node) && !viaAlias && typeof node.value === 'string' && controlReports < MAX_CONTROL_REPORTS) {
      // An escape in a double-quoted string ("\e[2J", "\x1b") that the raw-text check cannot see.
      const m = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.exec(node.value);
      if (m !== null) {
        controlReports++;
        reader.report('input.control-character', `control character ${codePoint(m[0])} in this text (written as an escape); write it out in words (it could steer the terminal that shows it)`, reader.pos(node));
      }
    }
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        if (isScalar(key) && !viaAlias) {
          const name = String(key.value);
          const first = seen.get(name);
          const where = reader.pos(key);
          if (first !== undefined) reader.report('yaml.duplicate-key', `duplicate key "${name}" (first at line ${first})`, where);
          else seen.set(name, where.line);
        }
        visit(pair.key, depth + 1, alias);
        visit(pair.value, depth + 1, alias);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item, depth + 1, alias);
    }
  };
  visit(doc.contents, 1, undefined);
}

/**
 * The node each alias stands for, found in one walk. `Alias.resolve(doc)` of the `yaml` package
 * walks the whole document for every alias: quadratic, minutes for a 1 MiB file of aliases (the
 * fuzz test "a questionnaire of aliases by the hundred thousand"). Same rule as `resolve`: the last
 * node with that anchor before the alias, in document order.
 */
function aliasTargets(doc: Document.Parsed): Map<Alias, Node | undefined> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  visitYaml(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}

function codePoint(ch: string): string {
  return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function countLines(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
  return counter;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(0)} KiB`;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0]!.toLowerCase() + s.slice(1) : s;
}
