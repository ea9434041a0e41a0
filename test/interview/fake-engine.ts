/**
 * A hand-built questionnaire and a small engine for it, so the interview loop is tested without
 * the real engine: the flow and the stop are spelled out here, and the result names the answers
 * it was given so tests can see exactly what the interview passed to `evaluate`.
 *
 * Flow: pain (yesno) → saddle (yesno, unsure, stop on yes/unsure) → side (choice; asked only when
 * pain = yes) → level (scale 0-10) → age (number, optional) → tried (multi) → end.
 */
import type { Result } from '../../src/engine/result.js';
import type { InterviewEngine, NextStep } from '../../src/interview/engine-port.js';
import type { Answers, Question, Questionnaire } from '../../src/questionnaire/model.js';

const pos = { file: 'fake.yaml', line: 1, col: 1 };
const base = { unsure: false, required: true, next: { kind: 'sequence' as const }, pos };

export const QUESTIONS: Question[] = [
  { ...base, id: 'pain', type: 'yesno', text: 'Do you have leg pain?', help: 'Pain that runs down the leg.' },
  { ...base, id: 'saddle', type: 'yesno', unsure: true, text: 'Numbness in the saddle area?' },
  {
    ...base,
    id: 'side',
    type: 'choice',
    text: 'Which leg hurts?',
    options: [
      { value: 'left', label: 'Left leg' },
      { value: 'right', label: 'Right leg' },
      { value: 'both_legs', label: 'Both legs' },
    ],
  },
  { ...base, id: 'level', type: 'scale', text: 'How bad is the pain?', min: 0, max: 10, anchors: { 0: 'no pain', 10: 'worst pain imaginable' } },
  { ...base, id: 'age', type: 'number', text: 'How old are you?', required: false, min: 16, max: 120, integer: true, unit: 'years' },
  {
    ...base,
    id: 'tried',
    type: 'multi',
    text: 'What have you tried?',
    options: [
      { value: 'rest', label: 'Rest' },
      { value: 'painkillers', label: 'Painkillers' },
    ],
  },
];

export const FAKE_Q: Questionnaire = {
  id: 'fake',
  version: '1.2.0',
  title: 'A fake questionnaire',
  start: 'pain',
  questions: QUESTIONS,
  rules: [],
  outcomes: [],
  cautions: [],
  sources: [],
  sha256: '0'.repeat(64),
  file: 'fake.yaml',
};

function pathFor(a: Answers): string[] {
  const path = ['pain', 'saddle'];
  if (a.pain === 'yes') path.push('side');
  path.push('level', 'age', 'tried');
  return path;
}

function stopped(a: Answers): boolean {
  return a.saddle === 'yes' || a.saddle === 'unsure';
}

export const fakeEngine: InterviewEngine & { evaluations: Answers[] } = {
  evaluations: [],
  nextQuestion(_q, answers): NextStep {
    const path = pathFor(answers);
    for (const [i, id] of path.entries()) {
      if (stopped(answers) && path.indexOf('saddle') < i) return { done: true, reason: 'stopped' };
      if (!Object.hasOwn(answers, id)) {
        return { done: false, question: QUESTIONS.find((x) => x.id === id) as Question, asked: i, remaining: path.length - i - 1 };
      }
    }
    return stopped(answers) ? { done: true, reason: 'stopped' } : { done: true, reason: 'end' };
  },
  evaluate(_q, answers): Result {
    fakeEngine.evaluations.push(answers);
    const stop = stopped(answers);
    return {
      format: 'sciatica-screen/result',
      formatVersion: 1,
      questionnaire: { id: 'fake', version: '1.2.0', sha256: '0'.repeat(64) },
      disposition: stop ? 'emergency' : 'massage_ok',
      title: stop ? 'Go to A&E now or call 999' : 'Massage is a reasonable complement',
      advice: stop ? 'Do not wait.' : 'Tell your therapist about your sciatica.',
      stoppedEarly: stop,
      cautions: [],
      fired: [],
      outranked: [],
      missing: [],
      ignored: [],
      path: pathFor(answers),
      notice: 'not a diagnosis',
    };
  },
};
