/**
 * The Result as JSON (docs/result-format.md): keys in the documented order whatever order the
 * object was built in, 2-space indent, a trailing newline. Same Result → byte-identical text.
 * `fired[].answers` keeps its own order (path order, set by the engine).
 */
import type { Citation, FiredRule, Result, ResultCaution } from '../engine/result.js';

function citation(c: Citation): Citation {
  return { id: c.id, title: c.title, publisher: c.publisher, year: c.year, url: c.url, section: c.section };
}

function caution(c: ResultCaution): ResultCaution {
  return { id: c.id, text: c.text, source: c.source.map(citation) };
}

function fired(f: FiredRule): FiredRule {
  return {
    rule: f.rule,
    outcome: f.outcome,
    cautions: f.cautions === undefined ? undefined : [...f.cautions],
    reason: f.reason,
    source: f.source.map(citation),
    answers: f.answers,
  };
}

/** The ordered plain object that `resultToJson` serialises (undefined fields are left out). */
export function resultToPlain(r: Result): Result {
  return {
    format: r.format,
    formatVersion: r.formatVersion,
    questionnaire: { id: r.questionnaire.id, version: r.questionnaire.version, sha256: r.questionnaire.sha256 },
    disposition: r.disposition,
    title: r.title,
    advice: r.advice,
    adviceSource: r.adviceSource?.map(citation),
    stoppedEarly: r.stoppedEarly,
    cautions: r.cautions.map(caution),
    fired: r.fired.map(fired),
    outranked: [...r.outranked],
    missing: [...r.missing],
    unscreened: r.unscreened?.map((u) => ({ question: u.question, red_flag: u.red_flag })),
    ignored: [...r.ignored],
    path: [...r.path],
    notice: r.notice,
  };
}

export function resultToJson(result: Result): string {
  return `${JSON.stringify(resultToPlain(result), null, 2)}\n`;
}
