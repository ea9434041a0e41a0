#!/usr/bin/env node
// Evaluations per second of our engine (full Result with explanations) against json-rules-engine,
// on the same 30 rules over 30 answers. Run after `npx tsc -p tsconfig.build.json`:
//   node bench/engine.mjs [seconds-per-side]
// Prints both rates and the ratio. Goal: at least 50x; aim for 100x.
import { Engine } from 'json-rules-engine';
import { evaluate, resultToJson } from '../dist/index.js';

const SECONDS = Number(process.argv[2] ?? 2);
const pos = { file: 'bench', line: 1, col: 1 };

// 30 questions: 20 yes/no (every third a red flag offering "not sure"), 5 choices, 5 numbers.
const questions = [];
for (let i = 0; i < 30; i++) {
  const id = `q${String(i).padStart(2, '0')}`;
  const base = { id, text: `Question ${id}?`, unsure: false, required: true, next: { kind: 'sequence' }, pos };
  if (i < 20) {
    const flag = i % 3 === 0;
    questions.push({ ...base, type: 'yesno', unsure: flag, ...(flag ? { redFlag: { category: 'flag', values: ['yes', 'unsure'] } } : {}) });
  } else if (i < 25) {
    questions.push({ ...base, type: 'choice', options: ['a', 'b', 'c'].map((v) => ({ value: v, label: v })) });
  } else {
    questions.push({ ...base, type: 'number', min: 0, max: 120, integer: true });
  }
}
const qid = (i) => questions[i % 30].id;

// 30 rules, each `any` of a value test and an `all` of a value test and a number comparison.
// Ours (the Condition model) and json-rules-engine's, side by side.
const outcomes = ['emergency', 'urgent', 'see_professional_first', 'massage_ok'];
const ourRules = [];
const jreRules = [];
for (let r = 0; r < 30; r++) {
  const a = qid(r);
  const b = qid(r + 7);
  const n = `q${25 + (r % 5)}`;
  const yes = r % 2 === 0 ? ['yes', 'unsure'] : ['yes'];
  const bValues = questions[(r + 7) % 30].type === 'choice' ? ['c'] : ['yes'];
  const outcome = outcomes[r % 3];
  ourRules.push({
    id: `r${r}`,
    when: {
      kind: 'any',
      pos,
      of: [
        { kind: 'in', question: a, values: yes, pos },
        { kind: 'all', pos, of: [{ kind: 'in', question: b, values: bValues, pos }, { kind: 'compare', question: n, op: 'gte', value: 50, pos }] },
      ],
    },
    outcome,
    cautions: r % 4 === 0 ? ['gentle'] : [],
    reason: `Reason ${r}.`,
    sources: ['src'],
    pos,
  });
  jreRules.push({
    name: `r${r}`,
    conditions: {
      any: [
        { fact: a, operator: 'in', value: yes },
        { all: [{ fact: b, operator: 'in', value: bValues }, { fact: n, operator: 'greaterThanInclusive', value: 50 }] },
      ],
    },
    event: { type: outcome, params: { reason: `Reason ${r}.` } },
  });
}

const questionnaire = Object.freeze({
  id: 'bench',
  version: '1.0.0',
  title: 'Bench',
  start: 'q00',
  questions,
  rules: ourRules,
  outcomes: outcomes.map((id, i) => ({ id, title: id, advice: id, stop: false, pos })),
  cautions: [{ id: 'gentle', text: 'Gentle.', pos }],
  sources: [{ id: 'src', title: 'Source', publisher: 'Publisher', pos }],
  sha256: '0'.repeat(64),
  file: 'bench',
});

// Mostly calm answers with a few that fire rules (some through the `all` branch).
const answers = {};
questions.forEach((q, i) => {
  answers[q.id] = q.type === 'yesno' ? (i === 4 || i === 9 || i === 12 ? 'yes' : 'no') : q.type === 'choice' ? (i === 21 ? 'c' : 'a') : 30 + i * 2;
});

const engine = new Engine(jreRules, { allowUndefinedFacts: true });

// Sanity: both engines fire the same rules.
const ours = evaluate(questionnaire, answers);
const theirs = await engine.run(answers);
const ourFired = ours.fired.map((f) => f.rule).sort();
const theirFired = theirs.results.map((r) => r.name).sort();
if (JSON.stringify(ourFired) !== JSON.stringify(theirFired)) {
  console.error(`the engines disagree: ours ${ourFired.join(',')} vs json-rules-engine ${theirFired.join(',')}`);
  process.exit(1);
}

// The machine may be shared: measure in interleaved rounds and keep each side's best round.
function rate(fn, seconds) {
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < end) {
    for (let i = 0; i < 500; i++) fn();
    n += 500;
    now = process.hrtime.bigint();
  }
  return n / (Number(now - start) / 1e9);
}

async function rateAsync(fn, seconds) {
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < end) {
    for (let i = 0; i < 20; i++) await fn();
    n += 20;
    now = process.hrtime.bigint();
  }
  return n / (Number(now - start) / 1e9);
}

let sink = 0;
const ourFn = () => {
  sink += evaluate(questionnaire, answers).fired.length;
};
const ourJsonFn = () => {
  sink += resultToJson(evaluate(questionnaire, answers)).length;
};
const theirFn = async () => {
  sink += (await engine.run(answers)).results.length;
};
rate(ourFn, 0.2);
rate(ourJsonFn, 0.2);
await rateAsync(theirFn, 0.2);
const ROUNDS = 5;
let ourRate = 0;
let ourJsonRate = 0;
let theirRate = 0;
for (let r = 0; r < ROUNDS; r++) {
  ourRate = Math.max(ourRate, rate(ourFn, SECONDS / ROUNDS));
  theirRate = Math.max(theirRate, await rateAsync(theirFn, SECONDS / ROUNDS));
  ourJsonRate = Math.max(ourJsonRate, rate(ourJsonFn, SECONDS / ROUNDS / 2));
}

const fmt = (x) => Math.round(x).toLocaleString('en-GB').padStart(12);
console.log(`rules: ${ourRules.length}, answers: ${questions.length}, fired: ${ourFired.length} (${ours.disposition})`);
console.log(`sciatica-screen evaluate (full Result)     ${fmt(ourRate)} evaluations/s`);
console.log(`sciatica-screen evaluate + resultToJson    ${fmt(ourJsonRate)} evaluations/s`);
console.log(`json-rules-engine Engine.run               ${fmt(theirRate)} evaluations/s`);
console.log(`ratio (evaluate / json-rules-engine)       ${(ourRate / theirRate).toFixed(1).padStart(12)}x  (goal 50x, aim 100x)`);
if (sink < 0) console.log(sink);
