/** The batch formats, and how a file name says which one it is. */
import { extname } from 'node:path';

export const INPUT_FORMATS = ['jsonl', 'csv', 'json'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];
/** `fhir`: one FHIR R4 Bundle per line (NDJSON, as FHIR bulk data), an OperationOutcome for a bad record. */
export const OUTPUT_FORMATS = ['jsonl', 'csv', 'json', 'fhir'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, InputFormat>> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
  '.json': 'json',
};

/** The format a file name says (case-insensitive extension), or undefined when it says none. */
export function formatOfFileName(path: string): InputFormat | undefined {
  return BY_EXTENSION[extname(path).toLowerCase()];
}
