/**
 * One output record in each output format. Every record carries `line` (the 1-based line of the
 * input where the record starts) and, when the record gave one, `id`. A good record then has
 * `disposition`, `cautions` (ids, questionnaire order), `fired` (rule ids, rule order) and
 * `missing` (question ids, path order), or with `--full` the whole Result as `result`; a bad one has
 * `error`. CSV lists are space-separated ids.
 */
import type { Result } from '../../engine/result.js';
import type { ResultSummary } from '../../engine/evaluate.js';
import type { Answers, Questionnaire } from '../../questionnaire/model.js';
import { toFhirBundle } from '../fhir/bundle.js';
import { csvField } from './neutralise-csv-field.js';
import type { OutputFormat } from './formats.js';

export interface RecordFormatter {
  /** Written once before the first record. */
  readonly head: string;
  /** Written between two non-empty runs of records (`formatRun` output). */
  readonly between: string;
  /** Written once after the last record. */
  readonly tail: string;
  /** `answers` are the record's normalised answers (used by the `fhir` format). */
  result(line: number, id: string | undefined, result: Result, answers: Answers): string;
  /** The record from the summary alone (not for `--full` or `fhir`): the same bytes as `result`
   * gives for a Result with this summary. */
  summary(line: number, id: string | undefined, summary: ResultSummary): string;
  error(line: number, id: string | undefined, message: string): string;
  /** Joins the records of one run (a chunk), in order. */
  formatRun(records: readonly string[]): string;
}

const CSV_COLUMNS = ['line', 'id', 'disposition', 'cautions', 'fired', 'missing', 'error'];

function ids(list: readonly { readonly id: string }[]): string[] {
  return list.map((c) => c.id);
}
function ruleIds(result: Result): string[] {
  return result.fired.map((f) => f.rule);
}

/** `plain` gives the whole Result as docs/result-format.md orders it (for `--full`); `q` is needed
 * to format records as FHIR (framing alone does without). */
export function recordFormatter(to: OutputFormat, full: boolean, plain: (r: Result) => Result = (r) => r, q?: Questionnaire): RecordFormatter {
  switch (to) {
    case 'fhir':
      return {
        head: '',
        between: '',
        tail: '',
        result: (line, id, r, answers) => {
          if (q === undefined) throw new Error('the fhir record format needs the questionnaire');
          return JSON.stringify(toFhirBundle(q, answers, r, id === undefined ? {} : { recordId: id }));
        },
        summary: () => {
          throw new Error('the fhir record format needs the whole Result');
        },
        error: (line, id, message) =>
          JSON.stringify({
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'error', code: 'invalid', diagnostics: `line ${line}${id === undefined ? '' : ` (id ${id})`}: ${message}` }],
          }),
        formatRun: (records) => (records.length === 0 ? '' : `${records.join('\n')}\n`),
      };
    case 'jsonl':
    case 'json': {
      const json = to === 'json';
      return {
        head: json ? '[\n' : '',
        between: json ? ',\n' : '',
        tail: json ? '\n]\n' : '',
        result: (line, id, r) =>
          full
            ? JSON.stringify(id === undefined ? { line, result: plain(r) } : { line, id, result: plain(r) })
            : JSON.stringify(
                id === undefined
                  ? { line, disposition: r.disposition, cautions: ids(r.cautions), fired: ruleIds(r), missing: r.missing }
                  : { line, id, disposition: r.disposition, cautions: ids(r.cautions), fired: ruleIds(r), missing: r.missing },
              ),
        summary: (line, id, s) => {
          if (full) throw new Error('--full records need the whole Result');
          return JSON.stringify(
            id === undefined
              ? { line, disposition: s.disposition, cautions: s.cautions, fired: s.fired, missing: s.missing }
              : { line, id, disposition: s.disposition, cautions: s.cautions, fired: s.fired, missing: s.missing },
          );
        },
        error: (line, id, message) => JSON.stringify(id === undefined ? { line, error: message } : { line, id, error: message }),
        formatRun: (records) => (records.length === 0 ? '' : json ? records.join(',\n') : `${records.join('\n')}\n`),
      };
    }
    case 'csv':
      return {
        head: `${(full ? [...CSV_COLUMNS, 'result'] : CSV_COLUMNS).join(',')}\n`,
        between: '',
        tail: '',
        result: (line, id, r) => {
          const row = [String(line), csvField(id ?? ''), csvField(r.disposition), csvField(ids(r.cautions).join(' ')), csvField(ruleIds(r).join(' ')), csvField(r.missing.join(' ')), ''];
          if (full) row.push(csvField(JSON.stringify(plain(r))));
          return row.join(',');
        },
        summary: (line, id, s) => {
          if (full) throw new Error('--full records need the whole Result');
          return [String(line), csvField(id ?? ''), csvField(s.disposition), csvField(s.cautions.join(' ')), csvField(s.fired.join(' ')), csvField(s.missing.join(' ')), ''].join(',');
        },
        error: (line, id, message) => {
          const row = [String(line), csvField(id ?? ''), '', '', '', '', csvField(message)];
          if (full) row.push('');
          return row.join(',');
        },
        formatRun: (records) => (records.length === 0 ? '' : `${records.join('\n')}\n`),
      };
    default: {
      const never: never = to;
      throw new Error(`unknown output format ${String(never)}`);
    }
  }
}
