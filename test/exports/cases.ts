/**
 * The sample vignettes (../shared/clinical/vignettes-sample.yaml, see test/helpers/clinical-paths.ts)
 * as answers for the bundled questionnaire, evaluated: the inputs of the export tests. Answers to
 * questions the questionnaire does not have (yet) are left out, so the exports are tested on every
 * vignette whichever questionnaire version is bundled.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { normaliseAnswers } from '../../src/engine/answers.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { Result } from '../../src/engine/result.js';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import type { Answers, Questionnaire } from '../../src/questionnaire/model.js';
import { VIGNETTES } from '../helpers/clinical-paths.js';

export const BUNDLED = fileURLToPath(new URL('../../questionnaires/sciatica-massage.yaml', import.meta.url));

export interface Case {
  readonly id: string;
  /** The answers as a file would hold them (only the questionnaire's questions). */
  readonly raw: Record<string, unknown>;
  readonly answers: Answers;
  readonly result: Result;
}

export async function loadCases(): Promise<{ questionnaire: Questionnaire; cases: Case[] }> {
  const questionnaire = await loadQuestionnaire(BUNDLED);
  const known = new Set(questionnaire.questions.map((q) => q.id));
  const doc = parse(readFileSync(VIGNETTES, 'utf8')) as { vignettes: { id: string; answers: Record<string, unknown> }[] };
  const cases = doc.vignettes.map((v) => {
    const raw = Object.fromEntries(Object.entries(v.answers).filter(([k]) => known.has(k)));
    const { answers, problems } = normaliseAnswers(questionnaire, raw);
    if (problems.length > 0) throw new Error(`${v.id}: ${problems.map((p) => p.message).join('; ')}`);
    return { id: v.id, raw, answers, result: evaluate(questionnaire, answers) };
  });
  return { questionnaire, cases };
}

/** The first case with this disposition (the tests need one of each). */
export function caseWith(cases: readonly Case[], disposition: string): Case {
  const c = cases.find((x) => x.result.disposition === disposition);
  if (c === undefined) throw new Error(`no vignette gives ${disposition}`);
  return c;
}

/** A fixed clock for the handout's date: noon UTC, the same calendar day in every time zone from UTC-11 to UTC+11. */
export const NOON = new Date('2026-11-30T12:00:00Z');
