/**
 * A Result for a terminal: the disposition in words first, then any warning sign the person was
 * not screened for, why (`because:` with sources), what to tell the therapist, what was not
 * answered, and the not-a-diagnosis notice. Used by `evaluate` and by the interview's result
 * screen. Colour only emphasises: every line reads the same without it.
 *
 * No ids: questions are named by their label (else their text) and answers in their own words
 * (./answer-words.ts). The JSON result keeps the ids.
 */
import { Chalk } from 'chalk';
import type { Citation, FiredRule, Result } from '../engine/result.js';
import type { Question, Questionnaire } from '../questionnaire/model.js';
import { answerPhrase, questionLabel } from './answer-words.js';
import { wrapText } from './wrap-text.js';

export interface TextOptions {
  /** The questionnaire that produced the result: its labels and option words name the answers. */
  readonly questionnaire: Questionnaire;
  /** Decided once at the CLI edge (src/cli/color.ts). */
  readonly color: boolean;
  /** Wrap lines to this many columns (at least 40 is honoured); no wrapping when absent. */
  readonly width?: number;
  /** Print the title and advice first (default true). False where the caller has just shown
   * them, as the interview does under its "what to do now" banner. */
  readonly heading?: boolean;
}

/** `[title §section; title]` — the sources of a statement, for a reader. */
export function citeSources(sources: readonly Citation[]): string {
  if (sources.length === 0) return '';
  return `[${sources.map((s) => (s.section === undefined ? s.title : `${s.title} §${s.section}`)).join('; ')}]`;
}

/** Lines of at most `width` columns (when given and at least 20), the first indented by
 * `first` spaces and the rest by `rest`; without a usable width, one line per paragraph. */
function wrap(text: string, width: number | undefined, first: number, rest: number): string[] {
  if (width === undefined || width < 20) return text.split('\n').map((p, i) => `${' '.repeat(i === 0 ? first : rest)}${p}`);
  return wrapText(text, width, first, rest);
}

/** Finds a question by id; the renderer's only way from an id to words. */
type Lookup = (id: string) => Question | undefined;

function lookupIn(q: Questionnaire): Lookup {
  const byId = new Map(q.questions.map((x) => [x.id, x]));
  return (id) => byId.get(id);
}

/** A question in words: its label, its text, or (never for a result of this questionnaire) the id. */
function nameOf(lookup: Lookup, id: string): string {
  const question = lookup(id);
  return question === undefined ? id : questionLabel(question);
}

/** The answers a rule fired on, e.g. `(your answers: which leg: both legs at the same time; fever: not answered)`. */
function answersNote(answers: FiredRule['answers'], lookup: Lookup): string {
  const parts = Object.entries(answers).map(([id, v]) => {
    const question = lookup(id);
    if (question !== undefined) return answerPhrase(question, v);
    return `${id}: ${v === null ? 'not answered' : Array.isArray(v) ? v.join(', ') : String(v)}`;
  });
  return parts.length === 0 ? '' : ` (your answers: ${parts.join('; ')})`;
}

/**
 * A reason with its sources. The answers it fired on are shown for the rules that decide the
 * result, and always for an `engine:` entry (its reason is generic, so the reader needs to see
 * which questions it means).
 */
function statement(f: { rule?: string; reason: string; source: readonly Citation[]; answers?: FiredRule['answers'] }, lookup: Lookup, withAnswers = false): string {
  const show = f.answers !== undefined && (withAnswers || f.rule?.startsWith('engine:') === true);
  const reason = show ? `${f.reason}${answersNote(f.answers as FiredRule['answers'], lookup)}` : f.reason;
  const cite = citeSources(f.source);
  return cite === '' ? reason : `${reason}  ${cite}`;
}

export function renderResultText(result: Result, opts: TextOptions): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const width = opts.width;
  const lookup = lookupIn(opts.questionnaire);
  const out: string[] = [];
  const item = (label: string, text: string): void => {
    const lines = wrap(`${label} ${text}`, width, 2, 4);
    const first = lines[0] as string;
    out.push(`  ${chalk.cyan(label)}${first.slice(2 + label.length)}`, ...lines.slice(1));
  };
  // The advice's paragraphs, each wrapped, with a blank line between them; its sources (the
  // questionnaire's `unscreened` block has some, an outcome none) end the last paragraph.
  const advice = (): void => {
    const paragraphs = result.advice.split('\n').filter((p) => p.trim() !== '');
    const cite = citeSources(result.adviceSource ?? []);
    if (cite !== '' && paragraphs.length > 0) paragraphs.push(`${paragraphs.pop() as string}  ${cite}`);
    paragraphs.forEach((p, i) => out.push(...(i > 0 ? [''] : []), ...wrap(p, width, 0, 0)));
  };
  // Each red-flag question left unanswered, by name: "not screened" is not "fine".
  const unscreened = result.unscreened ?? [];
  const notScreened = (): void => {
    if (unscreened.length === 0) return;
    out.push(chalk.bold('Not screened'));
    const some = unscreened.length === 1 ? 'a question about a warning sign' : `${unscreened.length} questions about warning signs`;
    out.push(...wrap(`You did not answer ${some}, so this result cannot rule ${unscreened.length === 1 ? 'it' : 'them'} out:`, width, 0, 0));
    for (const u of unscreened) out.push(...wrap(`- ${nameOf(lookup, u.question)}`, width, 2, 4));
  };
  // The advice (the questionnaire's "not screened" advice when the engine put it there, which
  // may point to the list "below"), then the questions not screened.
  if (opts.heading !== false) {
    out.push(chalk.bold(result.title));
    advice();
    out.push('');
  }
  if (unscreened.length > 0) {
    notScreened();
    out.push('');
  }

  // The decisive rules (with the answers they fired on) under "because:", the outranked ones
  // under "also:"; rules that only add cautions speak through the cautions (JSON lists them all).
  const decisive = result.fired.filter((f: FiredRule) => f.outcome === result.disposition);
  if (decisive.length === 0) item('because:', 'nothing in your answers needs a professional to check you first');
  for (const f of decisive) item('because:', statement(f, lookup, true));
  if (result.stoppedEarly) item('stopped early:', 'this answer needs action now, so the remaining questions were not asked');
  const outranked = new Set(result.outranked);
  for (const f of result.fired) if (outranked.has(f.rule)) item('also:', statement(f, lookup));
  for (const c of result.cautions) item('tell your therapist:', statement({ reason: c.text, source: c.source }, lookup));
  if (result.missing.length > 0) item('not answered:', result.missing.map((id) => nameOf(lookup, id)).join('; '));
  if (result.ignored.length > 0) {
    item(result.stoppedEarly ? 'not used (after the early stop):' : 'not used (not on your path):', result.ignored.map((id) => nameOf(lookup, id)).join('; '));
  }

  out.push('');
  out.push(...wrap(result.notice, width, 0, 0).map((l) => chalk.dim(l)));
  return `${out.join('\n')}\n`;
}
