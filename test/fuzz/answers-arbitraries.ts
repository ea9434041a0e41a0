/**
 * Generators of hostile answers documents, shared by the answers, batch and --resume fuzzers.
 * Question ids and values come from the bundled questionnaire's file (read as text, so the
 * generators follow it without loading it).
 */
import { fc } from '@fast-check/vitest';
import { readFileSync } from 'node:fs';

const YAML = readFileSync(new URL('../../questionnaires/sciatica-massage.yaml', import.meta.url), 'utf8');
export const IDS = [...YAML.matchAll(/^ {2}- id: (\w+)$/gm)].map((m) => m[1] as string);
const VALUES = ['yes', 'no', 'unsure', 'not sure', 'Yes', 'YES', 'true', 'both_legs', 'one_leg', 'none', 'under_6_weeks', '7', '-1', '1e3', 'NaN', 'Infinity', '', ' '];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

const key = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...IDS) }, { weight: 2, arbitrary: fc.constantFrom(...PROTO_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });

/** A JSON text for a value of any type, hostile numbers included. */
const valueText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...VALUES).map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 1000 }).map(String) },
  { weight: 1, arbitrary: fc.double().map((d) => (Number.isFinite(d) ? JSON.stringify(d) : '1e400')) },
  { weight: 1, arbitrary: fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890', '0.0000000000000000000000001', '1E+308', '-0', '4.9e-324', '9007199254740993') },
  { weight: 1, arbitrary: fc.constantFrom('true', 'false', 'null', '[]', '{}', '["yes"]', '{"a":1}', '[null]') },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null') },
);

/** `{ "k": v, … }` written as text, so that keys can repeat. */
const objectText: fc.Arbitrary<string> = fc
  .array(fc.tuple(key, valueText), { maxLength: 12 })
  .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);

/** A sensible answers map for the bundled questionnaire, from its cases' massage_ok baseline. */
const BASELINE: Record<string, unknown> = JSON.parse(
  JSON.stringify(
    Object.fromEntries(
      [...readFileSync(new URL('../cases/sciatica-massage.cases.yaml', import.meta.url), 'utf8').matchAll(/^ {6}(\w+): (.+)$/gm)]
        .slice(0, IDS.length)
        .filter((m) => IDS.includes(m[1] as string))
        .map((m) => [m[1], /^\d+$/.test(m[2] as string) ? Number(m[2]) : m[2]]),
    ),
  ),
) as Record<string, unknown>;

/** The baseline with a few keys changed, removed or added (prototype keys too): mostly valid. */
const nearValidText: fc.Arbitrary<string> = fc.array(fc.tuple(key, fc.option(valueText, { nil: undefined })), { maxLength: 3 }).map((changes) => {
  const entries = Object.entries(BASELINE).map(([k, v]) => [k, JSON.stringify(v)] as [string, string]);
  for (const [k, v] of changes) {
    const at = entries.findIndex(([x]) => x === k);
    if (v === undefined) {
      if (at >= 0) entries.splice(at, 1);
    } else if (at >= 0) entries[at] = [k, v];
    else entries.push([k, v]);
  }
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
});

const documentText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: nearValidText },
  { weight: 3, arbitrary: objectText },
  {
    weight: 3,
    arbitrary: fc
      .record({
        questionnaire: fc.constantFrom('"sciatica-massage"', '"other"', '1', 'null'),
        version: fc.constantFrom('"1.0.0"', '"1.1.0"', '"2.0.0"', '"1"', '"x.y.z"', '1', 'null'),
        id: fc.constantFrom('"p-1"', '""', '1', 'null', '"=HYPERLINK(1)"'),
        answers: fc.oneof(objectText, valueText),
        extra: fc.option(fc.tuple(key, valueText), { nil: undefined }),
      })
      .map(
        (d) =>
          `{"questionnaire":${d.questionnaire},"version":${d.version},"id":${d.id},"answers":${d.answers}${d.extra ? `,${JSON.stringify(d.extra[0])}:${d.extra[1]}` : ''}}`,
      ),
  },
  { weight: 1, arbitrary: valueText },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 100_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 100_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }).map((n) => `{"answers":{${Array.from({ length: n }, (_, i) => `"k${i}":1`).join(',')}}}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);

/** Byte-level damage to a document: UTF-16, invalid UTF-8, truncation, BOM, CRLF, NUL. */
export const answersDocArb: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    documentText,
    fc.constantFrom('utf8', 'utf8', 'utf8', 'utf8', 'bom', 'utf16le', 'utf16le-bom', 'utf16be-bom', 'crlf', 'invalid-utf8', 'truncate', 'nul'),
    fc.nat(),
    fc.uint8Array({ minLength: 1, maxLength: 4 }),
  )
  .map(([text, how, n, junk]) => {
    const utf8 = Buffer.from(text);
    switch (how) {
      case 'bom':
        return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
      case 'utf16le':
        return Buffer.from(text, 'utf16le');
      case 'utf16le-bom':
        return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      case 'utf16be-bom':
        return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
      case 'crlf':
        return Buffer.from(text.replace(/,/g, ',\r\n'));
      case 'invalid-utf8': {
        const at = utf8.length === 0 ? 0 : n % utf8.length;
        return Buffer.concat([utf8.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff, ...junk]), utf8.subarray(at)]);
      }
      case 'truncate':
        return utf8.subarray(0, utf8.length === 0 ? 0 : n % utf8.length);
      case 'nul':
        return Buffer.concat([utf8, Buffer.from([0])]);
      default:
        return utf8;
    }
  });

/** One JSON text per line for JSONL (documents as text, never containing a raw line break). */
export const answersLineArb: fc.Arbitrary<string> = documentText.map((t) => t.replace(/[\r\n]/g, ' '));
