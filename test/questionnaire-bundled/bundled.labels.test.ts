/**
 * No ids in anything a person reads (issue 14 item 3): every question of the bundled
 * questionnaire has a short label, so the text result and the interview's review can name it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseQuestionnaire } from '../../src/questionnaire/load.js';

const FILE = new URL('../../questionnaires/sciatica-massage.yaml', import.meta.url);

describe('the bundled questionnaire', () => {
  const parsed = parseQuestionnaire(readFileSync(FILE), 'questionnaires/sciatica-massage.yaml');

  it('gives every question a label (validate reports no lint.question-without-label)', () => {
    expect(parsed.problems.filter((p) => p.code === 'lint.question-without-label').map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([]);
    expect(parsed.questionnaire?.questions.filter((q) => q.label === undefined).map((q) => q.id)).toEqual([]);
  });
});
