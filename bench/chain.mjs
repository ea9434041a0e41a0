#!/usr/bin/env node
// A long questionnaire (issue 9.8): a chain of N yes/no questions, N up to the loader's cap of
// 2,000. Prints load time, nextQuestion/evaluate time, and the interview's replay of the answers
// onto the path, step by step (one nextQuestion per question: quadratic) and with one walk.
// Run after `npm run build`: node bench/chain.mjs [N]
const n = Number(process.argv[2] ?? 2000);
const { parseQuestionnaire } = await import('../dist/questionnaire/load.js');
const { nextQuestion, walk } = await import('../dist/engine/walk.js');
const { evaluate } = await import('../dist/engine/evaluate.js');
const { normaliseAnswers } = await import('../dist/engine/answers.js');
const { replayPath } = await import('../dist/interview/replay-path.js');

const lines = ['id: chain', 'version: 1.0.0', 'title: Chain', 'questions:'];
for (let i = 0; i < n; i++) lines.push(`  - {id: q${i}, type: yesno, text: Question ${i}?, label: q ${i}}`);
lines.push('rules:', '  - { id: r, when: { q0: yes }, outcome: emergency, reason: R., source: s }');
lines.push('outcomes:', '  - { id: emergency, title: E, advice: A., stop: true }', '  - { id: massage_ok, title: OK, advice: A. }');
lines.push('sources:', '  - { id: s, title: S, publisher: P }');
const text = `${lines.join('\n')}\n`;

const time = (f) => {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
};
const [{ questionnaire: q, problems }, load] = time(() => parseQuestionnaire(text, 'chain.yaml'));
if (!q) throw new Error(problems[0]?.message);
const raw = {};
for (let i = 0; i < n / 2; i++) raw[`q${i}`] = 'no';
const { answers } = normaliseAnswers(q, raw);
const [, next] = time(() => nextQuestion(q, answers));
const [, ev] = time(() => evaluate(q, answers));
const [, stepwise] = time(() => replayPath(q, { nextQuestion, evaluate }, answers));
const [, linear] = time(() => replayPath(q, { nextQuestion, evaluate, walk }, answers));
const kb = (Buffer.byteLength(text) / 1024).toFixed(0);
console.log(`chain of ${n} questions (${kb} KiB): load ${load.toFixed(0)} ms · nextQuestion ${next.toFixed(1)} ms · evaluate ${ev.toFixed(1)} ms`);
console.log(`interview replay per answer: step by step ${stepwise.toFixed(0)} ms, one walk ${linear.toFixed(1)} ms`);
