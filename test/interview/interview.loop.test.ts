import { beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../src/engine/result.js';
import { runInterview, type InterviewScreens } from '../../src/interview/run-interview.js';
import type { Answers } from '../../src/questionnaire/model.js';
import { FAKE_Q, fakeEngine } from './fake-engine.js';
import { answer, back, scriptedPrompter, type Step } from './scripted-prompter.js';

function recordingScreens(): InterviewScreens & { shown: string[] } {
  const shown: string[] = [];
  return {
    shown,
    emergency: (r: Result) => shown.push(`emergency: ${r.title}`),
    result: (r: Result) => shown.push(`result: ${r.disposition}`),
  };
}

async function play(script: Step[], initial?: Answers) {
  const prompter = scriptedPrompter(script);
  const screens = recordingScreens();
  const saved: Answers[] = [];
  const end = await runInterview({
    questionnaire: FAKE_Q,
    engine: fakeEngine,
    prompter,
    screens,
    ...(initial ? { initial } : {}),
    onAnswers: (a) => {
      saved.push(a);
    },
  });
  expect(prompter.left(), 'every scripted step was used').toBe(0);
  return { end, prompter, screens, saved };
}

const happyPath: Step[] = [
  { ask: 'pain', reply: answer('yes') },
  { ask: 'saddle', reply: answer('no') },
  { ask: 'side', reply: answer('left') },
  { ask: 'level', reply: answer(4) },
  { ask: 'age', reply: answer(null) },
  { ask: 'tried', reply: answer(['rest']) },
];

beforeEach(() => {
  fakeEngine.evaluations.length = 0;
});

describe('the question loop', () => {
  it('asks what nextQuestion says, shows a review of every answer, then the result of evaluate', async () => {
    const { end, prompter, screens } = await play([...happyPath, { review: { kind: 'finish' } }]);
    expect(prompter.seen.map((s) => s.kind)).toEqual(['pain', 'saddle', 'side', 'level', 'age', 'tried', 'review']);
    const review = prompter.seen.at(-1)?.entries ?? [];
    expect(review.map((e) => [e.question.id, e.shown])).toEqual([
      ['pain', 'Yes'],
      ['saddle', 'No'],
      ['side', 'Left leg'],
      ['level', '4 out of 10'],
      ['age', 'Skipped'],
      ['tried', 'Rest'],
    ]);
    expect(screens.shown).toEqual(['result: massage_ok']);
    expect(end).toMatchObject({ kind: 'result', stopped: false });
    expect(fakeEngine.evaluations).toEqual([{ pain: 'yes', saddle: 'no', side: 'left', level: 4, age: null, tried: ['rest'] }]);
  });

  it('numbers the questions from the engine, counts down honestly (a yes that opens a question counts it), offers back from the second on', async () => {
    const { prompter } = await play([...happyPath, { review: { kind: 'finish' } }]);
    const asked = prompter.seen.filter((s) => s.ctx).map((s) => [s.kind, s.ctx?.number, s.ctx?.remaining, s.ctx?.canGoBack]);
    expect(asked).toEqual([
      ['pain', 1, 5, false], // "yes" opens `side`: 5 can follow (the engine alone said 4, then 4 again)
      ['saddle', 2, 4, true],
      ['side', 3, 3, true],
      ['level', 4, 2, true],
      ['age', 5, 1, true],
      ['tried', 6, 0, true],
    ]);
  });

  it('stops at once on an emergency answer: what to do now first, then the result, no review', async () => {
    const { end, screens, prompter } = await play([
      { ask: 'pain', reply: answer('no') },
      { ask: 'saddle', reply: answer('unsure') },
    ]);
    expect(screens.shown).toEqual(['emergency: Go to A&E now or call 999', 'result: emergency']);
    expect(prompter.seen.map((s) => s.kind)).toEqual(['pain', 'saddle']);
    expect(end).toMatchObject({ kind: 'result', stopped: true, answers: { pain: 'no', saddle: 'unsure' } });
  });

  it('goes back to the previous question with its answer as default, and drops answers that no longer apply', async () => {
    const { end, prompter } = await play([
      { ask: 'pain', reply: answer('yes') },
      { ask: 'saddle', reply: answer('no') },
      { ask: 'side', reply: answer('right') },
      { ask: 'level', reply: back },
      { ask: 'side', reply: back },
      { ask: 'saddle', reply: back },
      { ask: 'pain', reply: answer('no') },
      { ask: 'saddle', reply: answer('no') },
      { ask: 'level', reply: answer(2) },
      { ask: 'age', reply: answer(40) },
      { ask: 'tried', reply: answer([]) },
      { review: { kind: 'finish' } },
    ]);
    const offered = prompter.seen.filter((s) => s.ctx).map((s) => [s.kind, s.ctx?.previous]);
    expect(offered.slice(3, 8)).toEqual([
      ['level', undefined],
      ['side', 'right'],
      ['saddle', 'no'],
      ['pain', 'yes'],
      ['saddle', 'no'],
    ]);
    // "side" was only on the path because of pain = yes: it is gone from the answers and the review.
    expect(end).toMatchObject({ kind: 'result', answers: { pain: 'no', saddle: 'no', level: 2, age: 40, tried: [] } });
    expect(Object.keys(end.answers)).not.toContain('side');
    expect(prompter.seen.at(-1)?.entries?.map((e) => e.question.id)).toEqual(['pain', 'saddle', 'level', 'age', 'tried']);
  });

  it('lets any answer be changed from the review, asks what the change puts on the path, then reviews again', async () => {
    const { end, prompter } = await play([
      { ask: 'pain', reply: answer('no') },
      { ask: 'saddle', reply: answer('no') },
      { ask: 'level', reply: answer(3) },
      { ask: 'age', reply: answer(50) },
      { ask: 'tried', reply: answer(['painkillers']) },
      { review: { kind: 'edit', question: 'pain' } },
      { ask: 'pain', reply: answer('yes') },
      { ask: 'side', reply: answer('left') },
      { review: { kind: 'edit', question: 'level' } },
      { ask: 'level', reply: back },
      { review: { kind: 'edit', question: 'level' } },
      { ask: 'level', reply: answer(6) },
      { review: { kind: 'finish' } },
    ]);
    const edits = prompter.seen.filter((s) => s.ctx?.fromReview).map((s) => [s.kind, s.ctx?.previous, s.ctx?.number]);
    expect(edits).toEqual([
      ['pain', 'no', 1],
      ['level', 3, 4],
      ['level', 3, 4],
    ]);
    // The one question the change brought: nothing is left after it (the rest are answered), not "about 3 left".
    const side = prompter.seen.find((s) => s.kind === 'side');
    expect([side?.ctx?.number, side?.ctx?.remaining, side?.ctx?.fromReview]).toEqual([3, 0, false]);
    const lastReview = prompter.seen.filter((s) => s.kind === 'review').at(-1);
    expect(lastReview?.entries?.map((e) => `${e.question.id}=${e.shown}`)).toEqual([
      'pain=Yes',
      'saddle=No',
      'side=Left leg',
      'level=6 out of 10',
      'age=50 years',
      'tried=Painkillers',
    ]);
    expect(end.answers).toEqual({ pain: 'yes', saddle: 'no', side: 'left', level: 6, age: 50, tried: ['painkillers'] });
  });

  it('an edit in the review that raises an emergency stops at once', async () => {
    const { end, screens } = await play([
      { ask: 'pain', reply: answer('no') },
      { ask: 'saddle', reply: answer('no') },
      { ask: 'level', reply: answer(3) },
      { ask: 'age', reply: answer(null) },
      { ask: 'tried', reply: answer([]) },
      { review: { kind: 'edit', question: 'saddle' } },
      { ask: 'saddle', reply: answer('yes') },
    ]);
    expect(screens.shown).toEqual(['emergency: Go to A&E now or call 999', 'result: emergency']);
    expect(end.answers).toEqual({ pain: 'no', saddle: 'yes' });
  });

  it('resumes at the first unanswered question, keeping answers on the path and dropping the rest', async () => {
    const { end, prompter } = await play(
      [
        { ask: 'level', reply: back },
        { ask: 'saddle', reply: answer('no') },
        { ask: 'level', reply: answer(5) },
        { ask: 'age', reply: answer(null) },
        { ask: 'tried', reply: answer(['rest']) },
        { review: { kind: 'finish' } },
      ],
      { pain: 'no', saddle: 'no', side: 'left' },
    );
    expect(prompter.seen[0]?.ctx).toMatchObject({ number: 3, canGoBack: true });
    expect(prompter.seen[1]?.ctx?.previous).toBe('no');
    expect(end.answers).toEqual({ pain: 'no', saddle: 'no', level: 5, age: null, tried: ['rest'] });
  });

  it('a resumed file that is already complete goes straight to the review', async () => {
    const { prompter } = await play([{ review: { kind: 'finish' } }], {
      pain: 'no',
      saddle: 'no',
      level: 1,
      age: 30,
      tried: [],
    });
    expect(prompter.seen.map((s) => s.kind)).toEqual(['review']);
  });

  it('Ctrl+C at any prompt ends the loop with the answers on the path so far, asking nothing more', async () => {
    const { end, screens, saved } = await play([
      { ask: 'pain', reply: answer('yes') },
      { ask: 'saddle', reply: answer('no') },
      { ask: 'side', reply: 'ctrl-c' },
    ]);
    expect(end).toEqual({ kind: 'interrupted', answers: { pain: 'yes', saddle: 'no' } });
    expect(screens.shown).toEqual([]);
    expect(saved.at(-1)).toEqual({ pain: 'yes', saddle: 'no' });
  });

  it('Ctrl+C after going back keeps the later answers that still apply', async () => {
    const { end } = await play([
      { ask: 'pain', reply: answer('no') },
      { ask: 'saddle', reply: answer('no') },
      { ask: 'level', reply: answer(7) },
      { ask: 'age', reply: back },
      { ask: 'level', reply: back },
      { ask: 'saddle', reply: 'ctrl-c' },
    ]);
    expect(end).toEqual({ kind: 'interrupted', answers: { pain: 'no', saddle: 'no', level: 7 } });
  });

  it('reports the answers after every change (so a save file is always current)', async () => {
    const { saved } = await play([
      { ask: 'pain', reply: answer('yes') },
      { ask: 'saddle', reply: answer('no') },
      { ask: 'side', reply: answer('both_legs') },
      { ask: 'level', reply: back },
      { ask: 'side', reply: back },
      { ask: 'saddle', reply: back },
      { ask: 'pain', reply: answer('no') },
      { ask: 'saddle', reply: 'ctrl-c' },
    ]);
    expect(saved).toEqual([
      { pain: 'yes' },
      { pain: 'yes', saddle: 'no' },
      { pain: 'yes', saddle: 'no', side: 'both_legs' },
      { pain: 'no', saddle: 'no' },
    ]);
  });
});
