/**
 * One output record in each output format. Every record carries `line` (the 1-based line of the
 * input where the record starts) and, when the record gave one, `id`. A good record then has
 * `disposition`, `cautions` (ids, questionnaire order), `fired` (rule ids, rule order) and
 * `missing` (question ids, path order), or with `--full` the whole Result as `result`; a bad one has
 * `error`. CSV lists are space-separated ids.
 *
 * Layout options: `element` (JSON array input): an error record also has `element`, the 0-based
 * index of the element in the array (a CSV output gets an `element` column after `line`, empty for
 * a good record); `keep` (CSV input, --keep-column): the named input columns, copied as
 * `"columns": {name: value}` after `id` (CSV: one column each, at the end); `excel` (CSV output):
 * `;` between fields, CRLF line ends and a UTF-8 BOM, as Excel in most European locales expects.
 * Without them the bytes are as before.
 */
import type { Result } from '../../engine/result.js';
import type { ResultSummary } from '../../engine/evaluate.js';
import type { Answers, Questionnaire } from '../../questionnaire/model.js';
import { toFhirBundle } from '../fhir/bundle.js';
import { csvField } from './neutralise-csv-field.js';
import type { OutputFormat } from './formats.js';

export interface RecordLayout {
  readonly element?: boolean;
  readonly keep?: readonly string[];
  readonly excel?: boolean;
}

export interface RecordFormatter {
  /** Written once before the first record. */
  readonly head: string;
  /** Written between two non-empty runs of records (`formatRun` output). */
  readonly between: string;
  /** Written once after the last record. */
  readonly tail: string;
  /** `answers` are the record's normalised answers (used by the `fhir` format). */
  result(line: number, id: string | undefined, result: Result, answers: Answers, kept?: readonly string[]): string;
  /** The record from the summary alone (not for `--full` or `fhir`): the same bytes as `result`
   * gives for a Result with this summary. */
  summary(line: number, id: string | undefined, summary: ResultSummary, kept?: readonly string[]): string;
  error(line: number, id: string | undefined, message: string, element?: number, kept?: readonly string[]): string;
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
export function recordFormatter(
  to: OutputFormat,
  full: boolean,
  plain: (r: Result) => Result = (r) => r,
  q?: Questionnaire,
  layout: RecordLayout = {},
): RecordFormatter {
  const keep = layout.keep ?? [];
  const columnsOf = (kept: readonly string[] | undefined): Record<string, string> | undefined => {
    if (keep.length === 0) return undefined;
    const o: Record<string, string> = {};
    keep.forEach((name, i) => (o[name] = kept?.[i] ?? ''));
    return o;
  };
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
      const head = (line: number, id: string | undefined, kept: readonly string[] | undefined, element?: number): Record<string, unknown> => {
        const o: Record<string, unknown> = { line };
        if (element !== undefined) o.element = element;
        if (id !== undefined) o.id = id;
        const columns = columnsOf(kept);
        if (columns !== undefined) o.columns = columns;
        return o;
      };
      const simple = keep.length === 0;
      return {
        head: json ? '[\n' : '',
        between: json ? ',\n' : '',
        tail: json ? '\n]\n' : '',
        result: (line, id, r, _answers, kept) =>
          simple
            ? full
              ? JSON.stringify(id === undefined ? { line, result: plain(r) } : { line, id, result: plain(r) })
              : JSON.stringify(
                  id === undefined
                    ? { line, disposition: r.disposition, cautions: ids(r.cautions), fired: ruleIds(r), missing: r.missing }
                    : { line, id, disposition: r.disposition, cautions: ids(r.cautions), fired: ruleIds(r), missing: r.missing },
                )
            : JSON.stringify(
                full
                  ? { ...head(line, id, kept), result: plain(r) }
                  : { ...head(line, id, kept), disposition: r.disposition, cautions: ids(r.cautions), fired: ruleIds(r), missing: r.missing },
              ),
        summary: (line, id, s, kept) => {
          if (full) throw new Error('--full records need the whole Result');
          return simple
            ? JSON.stringify(
                id === undefined
                  ? { line, disposition: s.disposition, cautions: s.cautions, fired: s.fired, missing: s.missing }
                  : { line, id, disposition: s.disposition, cautions: s.cautions, fired: s.fired, missing: s.missing },
              )
            : JSON.stringify({ ...head(line, id, kept), disposition: s.disposition, cautions: s.cautions, fired: s.fired, missing: s.missing });
        },
        error: (line, id, message, element, kept) => JSON.stringify({ ...head(line, id, kept, element), error: message }),
        formatRun: (records) => (records.length === 0 ? '' : json ? records.join(',\n') : `${records.join('\n')}\n`),
      };
    }
    case 'csv': {
      const sep = layout.excel ? ';' : ',';
      const eol = layout.excel ? '\r\n' : '\n';
      const field = (v: string) => csvField(v, sep);
      const element = layout.element === true;
      const columns = [...(element ? ['line', 'element', ...CSV_COLUMNS.slice(1)] : CSV_COLUMNS), ...(full ? ['result'] : []), ...keep];
      const extra = (kept: readonly string[] | undefined) => keep.map((_, i) => field(kept?.[i] ?? ''));
      return {
        head: `${layout.excel ? '\uFEFF' : ''}${columns.map(field).join(sep)}${eol}`,
        between: '',
        tail: '',
        result: (line, id, r, _answers, kept) => {
          const row = [String(line), ...(element ? [''] : []), field(id ?? ''), field(r.disposition), field(ids(r.cautions).join(' ')), field(ruleIds(r).join(' ')), field(r.missing.join(' ')), ''];
          if (full) row.push(field(JSON.stringify(plain(r))));
          return [...row, ...extra(kept)].join(sep);
        },
        summary: (line, id, s, kept) => {
          if (full) throw new Error('--full records need the whole Result');
          const row = [String(line), ...(element ? [''] : []), field(id ?? ''), field(s.disposition), field(s.cautions.join(' ')), field(s.fired.join(' ')), field(s.missing.join(' ')), ''];
          return [...row, ...extra(kept)].join(sep);
        },
        error: (line, id, message, index, kept) => {
          const row = [String(line), ...(element ? [index === undefined ? '' : String(index)] : []), field(id ?? ''), '', '', '', '', field(message)];
          if (full) row.push('');
          return [...row, ...extra(kept)].join(sep);
        },
        formatRun: (records) => (records.length === 0 ? '' : `${records.join(eol)}${eol}`),
      };
    }
    default: {
      const never: never = to;
      throw new Error(`unknown output format ${String(never)}`);
    }
  }
}
