/**
 * Ids and names shared by the composers of questions and of the rest of a questionnaire: an
 * item's own `id` (checked against the id pattern and the reserved words), and the name an item
 * is called by in messages before its id is known.
 */
import { isMap, isPair, isScalar } from 'yaml';
import type { Position } from './model.js';
import { ID_PATTERN, readIdRef, type Field } from './compose-fields.js';
import type { YamlReader } from './yaml-reader.js';

/** Words that cannot be ids: condition keywords, the flow's `end`, and JavaScript prototype names. */
export const RESERVED_IDS: readonly string[] = ['any', 'all', 'not', 'missing', 'end', 'answered', 'true', 'false', '__proto__', 'constructor', 'prototype'];
/** The `id` of a thing: an id-shaped string that is not reserved. Undefined (reported) otherwise. */
export function readOwnId(reader: YamlReader, f: Field | undefined, what: string): string | undefined {
  const ref = readIdRef(reader, f, what);
  if (!ref) return undefined;
  checkIdWord(reader, ref.id, ref.pos, 'an id');
  return ref.id;
}

function checkIdWord(reader: YamlReader, id: string, pos: Position, role: string): void {
  if (RESERVED_IDS.includes(id)) reader.report('lint.reserved-id', `"${id}" is a reserved word and cannot be ${role}`, pos);
  else if (!ID_PATTERN.test(id)) reader.report('schema.invalid-id', `"${id}" is not a valid id: use lowercase letters, digits, "_" and "-", starting with a letter`, pos);
}

/** `question "leg_pain"` when the item has a text id, else `question 3` (1-based). */
export function nameOf(reader: YamlReader, kind: string, node: unknown, index: number): string {
  const n = reader.resolve(node);
  const id = isMap(n) ? peekScalars(reader, n, ['id']).get('id') : undefined;
  return typeof id === 'string' ? `${kind} "${id}"` : `${kind} ${index + 1}`;
}

export function peekScalars(reader: YamlReader, map: { items: unknown[] }, keys: readonly string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const k = reader.resolve(pair.key);
    const v = reader.resolve(pair.value);
    if (isScalar(k) && typeof k.value === 'string' && keys.includes(k.value) && isScalar(v) && !out.has(k.value)) out.set(k.value, v.value);
  }
  return out;
}
