/**
 * Reading typed fields out of YAML maps, with every shape problem reported at the node it is
 * about (`schema.*` codes, mirroring schema/questionnaire.schema.json).
 */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Position } from './model.js';
import { didYouMean } from './suggest.js';
import type { YamlReader } from './yaml-reader.js';

/** One `key: value` of a map, the value with aliases resolved. */
export interface Field {
  readonly key: string;
  readonly keyPos: Position;
  readonly value: unknown;
  readonly pos: Position;
}

/** The fields of a map by key (first occurrence wins; duplicates are reported by read-yaml). */
export type Fields = ReadonlyMap<string, Field>;

export const ID_PATTERN = /^[a-z][a-z0-9_-]*$/;
/** Option values may also start with a digit (e.g. `6_to_12_weeks`). */
export const OPTION_VALUE_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * Reads a map, reporting keys not in `allowed` (with a "did you mean") and missing `required`
 * keys. `what` names the thing in messages, e.g. `question "leg_pain"`. Undefined when `node`
 * is not a map (reported).
 */
export function readMap(
  reader: YamlReader,
  node: unknown,
  at: Position,
  what: string,
  allowed: readonly string[],
  required: readonly string[],
  explainKey?: (key: string) => string | undefined,
): Fields | undefined {
  const resolved = reader.resolve(node);
  if (!isMap(resolved)) {
    reader.report('schema.wrong-type', `${what} must be a map of keys and values`, reader.pos(resolved as Node, at));
    return undefined;
  }
  const fields = new Map<string, Field>();
  for (const pair of resolved.items) {
    if (!isPair(pair)) continue;
    const keyNode = reader.resolve(pair.key);
    const keyPos = reader.pos(keyNode as Node, at);
    if (!isScalar(keyNode) || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number')) {
      reader.report('schema.wrong-type', `${what} has a key that is not a plain word`, keyPos);
      continue;
    }
    const key = String(keyNode.value);
    const value = reader.resolve(pair.value);
    if (!allowed.includes(key)) {
      if (/\s/.test(key) && value === null && resolved.flow) {
        reader.report('schema.unknown-key', `${what} has an unknown key "${key}": a comma inside { … } ends the text before it; put the text in quotes`, keyPos);
        continue;
      }
      const why = explainKey?.(key);
      reader.report('schema.unknown-key', why ?? `${what} has an unknown key "${key}"${didYouMean(key, allowed)}`, keyPos);
      continue;
    }
    if (fields.has(key)) continue;
    fields.set(key, { key, keyPos, value, pos: reader.pos(value as Node, keyPos) });
  }
  const missing = required.filter((k) => !fields.has(k));
  if (missing.length > 0) {
    const list = missing.map((k) => `"${k}"`).join(', ');
    reader.report('schema.missing-key', `${what} is missing ${list}`, reader.pos(resolved, at));
  }
  return fields;
}

/** The scalar value of a field, or undefined (reported) when it is not a scalar of the wanted kind. */
export function readText(reader: YamlReader, f: Field | undefined, what: string): string | undefined {
  if (!f) return undefined;
  if (isScalar(f.value) && typeof f.value.value === 'string') return f.value.value;
  reader.report('schema.wrong-type', `"${f.key}" of ${what} must be text`, f.pos);
  return undefined;
}

export function readNumber(reader: YamlReader, f: Field | undefined, what: string, integer = false): number | undefined {
  if (!f) return undefined;
  if (isScalar(f.value) && typeof f.value.value === 'number' && Number.isFinite(f.value.value)) {
    if (integer && !Number.isInteger(f.value.value)) {
      reader.report('schema.wrong-type', `"${f.key}" of ${what} must be a whole number`, f.pos);
      return undefined;
    }
    return f.value.value;
  }
  reader.report('schema.wrong-type', `"${f.key}" of ${what} must be a number`, f.pos);
  return undefined;
}

export function readBoolean(reader: YamlReader, f: Field | undefined, what: string): boolean | undefined {
  if (!f) return undefined;
  if (isScalar(f.value) && typeof f.value.value === 'boolean') return f.value.value;
  const hint = isScalar(f.value) && (f.value.value === 'yes' || f.value.value === 'no') ? ` (write ${f.value.value === 'yes' ? 'true' : 'false'}, not ${String(f.value.value)})` : '';
  reader.report('schema.wrong-type', `"${f.key}" of ${what} must be true or false${hint}`, f.pos);
  return undefined;
}

/** A field that is one id (a scalar string); the id's format is not checked here. */
export function readIdRef(reader: YamlReader, f: Field | undefined, what: string): { id: string; pos: Position } | undefined {
  if (!f) return undefined;
  if (isScalar(f.value) && typeof f.value.value === 'string') return { id: f.value.value, pos: f.pos };
  reader.report('schema.wrong-type', `"${f.key}" of ${what} must be an id`, f.pos);
  return undefined;
}

/** A field that is one id or a list of ids. */
export function readIdRefs(reader: YamlReader, f: Field | undefined, what: string): { id: string; pos: Position }[] {
  if (!f) return [];
  if (isScalar(f.value)) return readIdRef(reader, f, what) ? [{ id: String(f.value.value), pos: f.pos }] : [];
  if (isSeq(f.value)) {
    const out: { id: string; pos: Position }[] = [];
    for (const item of f.value.items) {
      const node = reader.resolve(item);
      const pos = reader.pos(node as Node, f.pos);
      if (isScalar(node) && typeof node.value === 'string') out.push({ id: node.value, pos });
      else reader.report('schema.wrong-type', `"${f.key}" of ${what} must list ids`, pos);
    }
    return out;
  }
  reader.report('schema.wrong-type', `"${f.key}" of ${what} must be an id or a list of ids`, f.pos);
  return [];
}

/** The items of a list field (aliases resolved), or [] (reported) when it is not a list. */
export function readList(reader: YamlReader, f: Field | undefined, what: string): { node: unknown; pos: Position }[] {
  if (!f) return [];
  if (isSeq(f.value)) {
    return f.value.items.map((item) => {
      const node = reader.resolve(item);
      return { node, pos: reader.pos(node as Node, f.pos) };
    });
  }
  reader.report('schema.wrong-type', `"${f.key}" of ${what} must be a list`, f.pos);
  return [];
}
