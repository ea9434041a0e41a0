/**
 * The safety proof's second half on early ends (docs/questionnaire-language.md, "The safety
 * proof"): a `goto: end` branch that skips a red-flag question is accepted only when its `when`
 * is sure to raise the most urgent outcome, or can never hold at all; otherwise validate names
 * the path. Each case is one branch `when`, on a flow pain → saddle → tried → bladder.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { parseQuestionnaire } from '../../src/questionnaire/load.js';

function questionnaire(endWhen: string, emergencyWhen = '{ any: [ { saddle_numbness: yes }, { bladder_change: yes }, { tried: [surgery, injection] } ] }'): string {
  return `id: early-ends
version: 1.0.0
title: Early ends
questions:
  - { id: pain_intensity, type: scale, text: How bad is the pain? }
  - { id: saddle_numbness, type: yesno, text: Is the saddle area numb?, red_flag: cauda_equina }
  - id: tried
    type: multi
    text: What have you had?
    options:
      - { value: rest, label: Rest }
      - { value: surgery, label: Surgery }
      - { value: injection, label: An injection }
    next:
      - { when: ${endWhen}, goto: end }
      - { goto: bladder_change }
  - { id: bladder_change, type: yesno, text: New trouble peeing?, red_flag: cauda_equina }
rules:
  - { id: ces, when: ${emergencyWhen}, outcome: emergency, reason: Emergency., source: s }
outcomes:
  - { id: emergency, title: Go to A&E now or call 999, advice: Go now., stop: true }
  - { id: massage_ok, title: Massage is fine, advice: Tell your therapist. }
sources:
  - { id: s, title: S, publisher: P }
`;
}

const SKIPPED = 'q.yaml:17:67: error: red-flag question "bladder_change" can be skipped on the path pain_intensity → saddle_numbness → tried → end';

function problems(endWhen: string, emergencyWhen?: string): string[] {
  return parseQuestionnaire(questionnaire(endWhen, emergencyWhen), 'q.yaml').problems.map(formatProblem).filter((l) => l.includes('can be skipped'));
}

describe('an early end past a red-flag question', () => {
  it('is safe when its answers are sure to raise the emergency: a red-flag answer, a ticked option the rule lists', () => {
    expect(problems('{ saddle_numbness: yes }')).toEqual([]);
    expect(problems('{ tried: [surgery] }')).toEqual([]);
    expect(problems('{ all: [ { tried: [injection] }, { pain_intensity: { gte: 3 } } ] }')).toEqual([]);
  });

  it('is refused when it is not: an option the rule does not list, an option not ticked, an answer merely given', () => {
    expect(problems('{ tried: [rest] }')).toEqual([SKIPPED]);
    expect(problems('{ not: { tried: [rest] } }')).toEqual([SKIPPED]);
    expect(problems('{ saddle_numbness: { answered: true } }')).toEqual([SKIPPED]);
    expect(problems('{ any: [ { saddle_numbness: yes }, { pain_intensity: { gte: 3 } } ] }')).toEqual([SKIPPED]);
    expect(problems('true')).toEqual([SKIPPED]);
  });

  it('is safe when it can never hold: false, a question both answered and not, an option both ticked and not', () => {
    expect(problems('false')).toEqual([]);
    expect(problems('{ all: [ { pain_intensity: { answered: false } }, { pain_intensity: { gte: 3 } } ] }')).toEqual([]);
    expect(problems('{ all: [ { saddle_numbness: { answered: false } }, { saddle_numbness: { answered: true } } ] }')).toEqual([]);
    expect(problems('{ all: [ { tried: [rest] }, { not: { tried: [rest] } } ] }')).toEqual([]);
    expect(problems('{ all: [ { pain_intensity: { gte: 8 } }, { pain_intensity: { lt: 5 } } ] }')).toEqual([]);
  });

  it('a rule that needs every part: safe only when the branch makes every part sure', () => {
    const both = '{ all: [ { saddle_numbness: yes }, { pain_intensity: { gte: 7 } } ] }';
    expect(problems('{ all: [ { saddle_numbness: yes }, { pain_intensity: { gte: 8 } } ] }', both)).toEqual([]);
    expect(problems('{ saddle_numbness: yes }', both)).toEqual([SKIPPED]);
    expect(problems('{ all: [ { saddle_numbness: yes }, { not: { pain_intensity: { lt: 7 } } } ] }', both)).toEqual([SKIPPED]);
  });
});
