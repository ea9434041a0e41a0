/**
 * No ids in anything a person reads (issue 14 items 2 and 3): the text result of every sample
 * vignette names questions by their label and answers in their own words; with the four cauda
 * equina answers left out it is never "massage is fine", never says "routine", and names each
 * unanswered question under "Not screened".
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normaliseAnswers } from '../../src/engine/answers.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { questionLabel } from '../../src/report/answer-words.js';
import { renderResultText } from '../../src/report/text.js';
import { VIGNETTES } from '../helpers/clinical-paths.js';

const BUNDLED = fileURLToPath(new URL('../../questionnaires/sciatica-massage.yaml', import.meta.url));
const CAUDA_EQUINA = ['saddle_numbness', 'bladder_change', 'bowel_change', 'sexual_dysfunction'];

interface Vignette {
  id: string;
  answers: Record<string, unknown>;
}
const vignettes: Vignette[] = existsSync(VIGNETTES) ? (parse(readFileSync(VIGNETTES, 'utf8')) as { vignettes: Vignette[] }).vignettes : [];

/** Every place the text shows an id where words belong, as a list (empty when there is none). */
function idsShown(text: string, q: Questionnaire): string[] {
  const found: string[] = [];
  // Ids and values with "_" or "-" never occur in plain words; nor does the stored "unsure".
  const tokens = new Set<string>(['unsure']);
  for (const question of q.questions) {
    tokens.add(question.id);
    if (question.type === 'choice' || question.type === 'multi') for (const o of question.options) tokens.add(o.value);
  }
  for (const t of tokens) if ((/[_-]/.test(t) || t === 'unsure') && new RegExp(`(^|[^\\w-])${t}($|[^\\w-])`).test(text)) found.push(t);
  // Every question named in "your answers", "not answered" and "not used" is named by its label.
  const labels = new Set(q.questions.map(questionLabel));
  const named: string[] = [];
  for (const m of text.matchAll(/\(your answers: (.*?)\)(?:  \[|$)/gm)) named.push(...m[1]!.split('; ').map((p) => p.slice(0, p.lastIndexOf(': '))));
  for (const m of text.matchAll(/^ {2}not (?:answered|used[^:]*): (.*)$/gm)) named.push(...m[1]!.split('; '));
  for (const m of text.matchAll(/^ {2}- (.*)$/gm)) named.push(m[1]!);
  for (const n of named) if (!labels.has(n)) found.push(`"${n}" is not a label`);
  return found;
}

describe.skipIf(vignettes.length === 0 || !existsSync(BUNDLED))('the text result of every sample vignette', async () => {
  const q = await loadQuestionnaire(BUNDLED);
  const render = (answers: Record<string, unknown>) => {
    const { answers: normalised, problems } = normaliseAnswers(q, answers);
    expect(problems).toEqual([]);
    const result = evaluate(q, normalised);
    return { result, text: renderResultText(result, { questionnaire: q, color: false }) };
  };

  it.each(vignettes.map((v) => [v.id, v] as const))('%s shows no question or value id', (_id, v) => {
    const { text } = render(v.answers);
    expect(idsShown(text, q)).toEqual([]);
  });

  it.each(vignettes.map((v) => [v.id, v] as const))('%s without the cauda equina answers: not screened, never routine, no ids', (_id, v) => {
    const answers = Object.fromEntries(Object.entries(v.answers).filter(([k]) => !CAUDA_EQUINA.includes(k)));
    const { result, text } = render(answers);
    expect(result.disposition).not.toBe('massage_ok');
    expect(text).not.toMatch(/routine/i);
    expect(idsShown(text, q)).toEqual([]);
    // Every unanswered cauda equina question on the path is named, by its label, under "Not screened".
    const onPath = CAUDA_EQUINA.filter((id) => result.path.includes(id));
    if (!result.stoppedEarly) expect(onPath.length).toBeGreaterThan(0);
    if (onPath.length > 0) expect(text).toContain('Not screened');
    for (const id of onPath) expect(text).toContain(`  - ${questionLabel(q.questions.find((x) => x.id === id)!)}\n`);
  });
});
