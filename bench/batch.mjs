#!/usr/bin/env node
// Batch throughput against the plain-Node floor, ratios in one run (issue 12.3):
//   floor        one thread of plain Node: 1 MiB reads, split lines, JSON.parse, a trivial
//                transform, JSON.stringify, write with back-pressure (what any JSONL tool pays)
//   JSONL        batch in.jsonl, default jobs            target ≥ 1.0× the floor
//   JSONL -j1    batch in.jsonl --jobs 1                 target ≥ 0.6× the floor
//   CSV          batch in.csv (unquoted)                 target ≥ JSONL's records/s
//   CSV quoted   batch in-quoted.csv (every string and the header quoted, as R's
//                write.csv(df, na = "", row.names = FALSE) writes it)   target ≥ JSONL's records/s
//   small file   the first 10,000 records, default jobs against --jobs 1: never slower (≥ 0.95×)
// each a fresh process writing to a file, then peak RSS (VmHWM, all threads) of JSONL at N and at
// 3 N records (target: flat, under 150 MB). The records are answer sets for the bundled
// questionnaire drawn at random (fixed seed), red flags rare, a few answers missing.
// Prints the load average before and after: other work on the machine moves every figure.
//   npm run build && node bench/batch.mjs [--records N] [--rounds R] [--no-3x] [--keep]
// Rounds run the five measurements interleaved R times (default 1) and report medians.
import { spawn } from 'node:child_process';
import { closeSync, createReadStream, createWriteStream, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scheduling } from './scheduling.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/sciatica-screen.js');
const SELF = fileURLToPath(import.meta.url);

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}

// ---- child mode: the floor ------------------------------------------------------------------
if (process.argv[2] === '--floor') {
  const [, , , input, output] = process.argv;
  await floor(input, output);
  process.exit(0);
}

async function floor(input, output) {
  const out = createWriteStream(output, { highWaterMark: 1 << 20 });
  const write = (s) => (out.write(s) ? undefined : new Promise((r) => out.once('drain', r)));
  let rest = '';
  const decoder = new TextDecoder();
  let n = 0;
  for await (const chunk of createReadStream(input, { highWaterMark: 1 << 20 })) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
    rest = lines.pop();
    let buf = '';
    for (const line of lines) {
      if (line === '') continue;
      n++;
      const doc = JSON.parse(line);
      buf += JSON.stringify({ line: n, id: doc.id, answered: Object.keys(doc.answers ?? doc).length }) + '\n';
    }
    const w = write(buf);
    if (w) await w;
  }
  await new Promise((r) => out.end(r));
}

// ---- generating the input -------------------------------------------------------------------
function lcg(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function answerFor(question, rnd) {
  if (rnd() < 0.05) return undefined; // left unanswered
  const r = rnd();
  switch (question.type) {
    case 'yesno':
      if (question.redFlag) return r < 0.97 ? 'no' : question.unsure && r < 0.985 ? 'unsure' : 'yes';
      return r < 0.5 ? 'no' : 'yes';
    case 'choice':
      return question.options[Math.floor(r * question.options.length)].value;
    case 'multi':
      return question.options.filter(() => rnd() < 0.2).map((o) => o.value);
    case 'number':
      return Math.round((question.min ?? 18) + r * Math.min(80, (question.max ?? 100) - (question.min ?? 18)));
    case 'scale':
      return Math.round(question.min + r * (question.max - question.min));
  }
}

/** Writes in.jsonl, in.csv (no quotes) and in-quoted.csv (R's write.csv quoting) with `n` records. */
async function generate(dir, n, only) {
  const built = JSON.parse(readFileSync(join(ROOT, 'dist/questionnaires/sciatica-massage.json'), 'utf8'));
  const q = built.questionnaire;
  const columns = ['id', ...q.questions.map((x) => x.id)];
  const numeric = new Set(q.questions.filter((x) => x.type === 'number' || x.type === 'scale').map((x) => x.id));
  const files = { jsonl: createWriteStream(join(dir, only ?? 'in.jsonl')) };
  if (!only) {
    files.csv = createWriteStream(join(dir, 'in.csv'));
    files.quoted = createWriteStream(join(dir, 'in-quoted.csv'));
    files.csv.write(columns.join(',') + '\n');
    files.quoted.write(columns.map((c) => `"${c}"`).join(',') + '\n');
  }
  const rnd = lcg(12);
  const buf = { jsonl: '', csv: '', quoted: '' };
  const flush = async (force) => {
    for (const k of Object.keys(files)) {
      if (buf[k].length > 1 << 20 || (force && buf[k])) {
        if (!files[k].write(buf[k])) await new Promise((r) => files[k].once('drain', r));
        buf[k] = '';
      }
    }
  };
  for (let i = 0; i < n; i++) {
    const answers = {};
    for (const question of q.questions) {
      const a = answerFor(question, rnd);
      if (a !== undefined) answers[question.id] = a;
    }
    const id = `r${i + 1}`;
    buf.jsonl += JSON.stringify({ questionnaire: q.id, version: q.version, id, answers }) + '\n';
    if (!only) {
      const cell = (c) => (c === 'id' ? id : answers[c] === undefined ? '' : Array.isArray(answers[c]) ? answers[c].join(';') : String(answers[c]));
      buf.csv += columns.map(cell).join(',') + '\n';
      buf.quoted += columns.map((c) => (cell(c) === '' ? '' : numeric.has(c) ? cell(c) : `"${cell(c)}"`)).join(',') + '\n';
    }
    if ((i & 1023) === 0) await flush(false);
  }
  await flush(true);
  await Promise.all(Object.values(files).map((f) => new Promise((r) => f.end(r))));
}

// ---- measuring ------------------------------------------------------------------------------
function measure(args, outFile) {
  return new Promise((resolve, reject) => {
    const fd = openSync(outFile, 'w');
    const t = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    let stderr = '';
    let peakKb = 0;
    child.stderr.on('data', (d) => (stderr += d));
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {}
    }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, seconds: (performance.now() - t) / 1000, peakMb: peakKb / 1024, stderr });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

const n = Number(arg('--records', '1000000'));
const rounds = Number(arg('--rounds', '1'));
const dir = mkdtempSync(join(tmpdir(), 'sciatica-batch-bench-'));
try {
  process.stderr.write(`generating ${n} records in ${dir} … `);
  await generate(dir, n);
  const mb = (f) => (statSync(join(dir, f)).size / 1024 / 1024).toFixed(0);
  process.stderr.write(`in.jsonl ${mb('in.jsonl')} MiB, in.csv ${mb('in.csv')} MiB, in-quoted.csv ${mb('in-quoted.csv')} MiB\n`);
  const runs = [
    { name: 'floor (plain Node, 1 thread)', args: [SELF, '--floor', join(dir, 'in.jsonl'), join(dir, 'floor.out')] },
    { name: 'batch JSONL, default jobs', args: [BIN, 'batch', join(dir, 'in.jsonl')], target: ['floor', 1.0] },
    { name: 'batch JSONL --jobs 1', args: [BIN, 'batch', join(dir, 'in.jsonl'), '--jobs', '1'], target: ['floor', 0.6] },
    { name: 'batch CSV (unquoted) → CSV', args: [BIN, 'batch', join(dir, 'in.csv'), '--to', 'csv'], target: ['jsonl', 1.0] },
    { name: 'batch CSV (quoted, as R) → CSV', args: [BIN, 'batch', join(dir, 'in-quoted.csv'), '--to', 'csv'], target: ['jsonl', 1.0] },
  ];
  // Workers never slower than one thread: the default on a small file (the first 10,000 records).
  const small = join(dir, 'small.jsonl');
  {
    const head = Buffer.alloc(32 << 20);
    const fd = openSync(join(dir, 'in.jsonl'), 'r');
    const got = readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    writeFileSync(small, head.subarray(0, got).toString('utf8').split('\n', Math.min(n, 10_000)).join('\n') + '\n');
  }
  const smallRuns = [
    { name: 'small file --jobs 1', args: [BIN, 'batch', small, '--jobs', '1'] },
    { name: 'small file, default jobs', args: [BIN, 'batch', small] },
  ];
  const before = load();
  for (let r = 0; r < rounds; r++) {
    for (const run of runs) {
      const m = await measure(run.args, join(dir, 'out'));
      if (m.code !== 0) throw new Error(`${run.name} exited ${m.code}: ${m.stderr.slice(0, 500)}`);
      (run.seconds ??= []).push(m.seconds);
      (run.peaks ??= []).push(m.peakMb);
      process.stderr.write('.');
    }
  }
  for (let r = 0; r < Math.max(7, rounds); r++) {
    for (const run of r % 2 ? [...smallRuns].reverse() : smallRuns) {
      const m = await measure(run.args, join(dir, 'out'));
      if (m.code !== 0) throw new Error(`${run.name} exited ${m.code}: ${m.stderr.slice(0, 500)}`);
      (run.seconds ??= []).push(m.seconds);
    }
  }
  const rss = [];
  if (!process.argv.includes('--no-3x')) {
    process.stderr.write(`\ngenerating ${3 * n} records for the memory check … `);
    await generate(dir, 3 * n, 'in-3x.jsonl');
    const m = await measure([BIN, 'batch', join(dir, 'in-3x.jsonl')], join(dir, 'out'));
    if (m.code !== 0) throw new Error(`3x run exited ${m.code}: ${m.stderr.slice(0, 500)}`);
    rss.push([3 * n, m]);
  }
  const after = load();
  process.stderr.write('\n');
  const rate = (run) => n / median(run.seconds);
  const base = { floor: rate(runs[0]), jsonl: rate(runs[1]) };
  console.log(`batch: ${n} records, median of ${rounds} round${rounds === 1 ? '' : 's'}; node ${process.version}, ${availableParallelism()} CPUs; load average ${before} before, ${after} after; scheduling ${scheduling()}`);
  let missed = 0;
  for (const run of runs) {
    const r = rate(run);
    let verdict = '';
    if (run.target) {
      const [of, goal] = run.target;
      const ratio = r / base[of];
      const ok = ratio >= goal;
      if (!ok) missed++;
      verdict = `${ratio.toFixed(2)}× ${of === 'floor' ? 'the floor' : 'JSONL'}  (target ≥ ${goal.toFixed(1)}×: ${ok ? 'met' : 'MISSED'})`;
    }
    console.log(`${run.name.padEnd(32)} ${Math.round(r).toString().padStart(8)} records/s  peak RSS ${median(run.peaks).toFixed(0).padStart(4)} MB  ${verdict}`);
  }
  {
    const ratio = median(smallRuns[0].seconds) / median(smallRuns[1].seconds);
    const ok = ratio >= 0.95;
    if (!ok) missed++;
    console.log(`${'small file (10k records), default'.padEnd(32)} ${median(smallRuns[1].seconds).toFixed(2).padStart(6)} s against ${median(smallRuns[0].seconds).toFixed(2)} s with --jobs 1: ${ratio.toFixed(2)}× its speed  (target ≥ 0.95×, never slower: ${ok ? 'met' : 'MISSED'})`);
  }
  for (const [records, m] of [[n, { peakMb: median(runs[1].peaks) }], ...rss]) {
    const ok = m.peakMb < 150;
    if (!ok) missed++;
    console.log(`peak RSS, JSONL default jobs, ${String(records).padStart(8)} records: ${m.peakMb.toFixed(0).padStart(4)} MB  (target < 150 MB: ${ok ? 'met' : 'MISSED'})`);
  }
  process.exitCode = missed > 0 ? 1 : 0;
} finally {
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}
