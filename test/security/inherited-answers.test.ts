/**
 * Answers are own keys only (SECURITY.md § Inputs): a library caller that passes an object whose
 * prototype carries question ids (a class instance, `Object.create(defaults)`) gets those treated
 * as unanswered — never as answers the person did not give, which could make a result milder.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_QUESTIONNAIRE, evaluate, loadQuestionnaire, nextQuestion, resultToJson, type Answers, type NormalisedAnswers, type Questionnaire } from '../../src/index.js';

let q: Questionnaire;
beforeAll(async () => {
  q = await loadQuestionnaire(BUNDLED_QUESTIONNAIRE);
});

describe('inherited keys are not answers', () => {
  it('evaluate: answers inherited from a prototype count as unanswered', () => {
    const inheritedNo = Object.fromEntries(q.questions.filter((x) => x.type === 'yesno').map((x) => [x.id, 'no']));
    const own = { leg_pain: 'yes' };
    // A plain JavaScript caller: no type stops it passing raw objects (the casts stand for that).
    const withProto = Object.assign(Object.create(inheritedNo) as Answers, own) as unknown as NormalisedAnswers;
    const result = evaluate(q, withProto);
    expect(resultToJson(result)).toBe(resultToJson(evaluate(q, own as unknown as NormalisedAnswers)));
    // The red flags left unanswered keep the result from "massage is fine".
    expect(result.disposition).not.toBe(q.outcomes.at(-1)?.id);
    expect(result.missing.length).toBeGreaterThan(0);
  });

  it('nextQuestion: an inherited answer does not move the walk on', () => {
    const proto = { [q.start]: 'yes' };
    const step = nextQuestion(q, Object.create(proto) as unknown as NormalisedAnswers);
    expect(step.done).toBe(false);
    if (!step.done) expect(step.question.id).toBe(q.start);
  });
});
