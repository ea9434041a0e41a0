#!/usr/bin/env node
// Batch throughput: generates N answer sets (default 1,000,000; --records N) from the sample
// vignettes into a temp dir, then, each in a fresh process writing to a file:
//   baseline JSONL: 1 MiB reads, split lines, JSON.parse + trivial transform + JSON.stringify, write with back-pressure
//   batch JSONL→JSONL: sciatica-screen batch in.jsonl (stdout to a file)
//   baseline CSV: 1 MiB reads, split lines, split(',') + trivial transform + JSON.stringify, write with back-pressure
//   batch CSV→CSV: sciatica-screen batch in.csv --to csv
// and prints records/s, the batch/baseline ratio and peak RSS (VmHWM, all threads) of each.
// Run `npm run build` first. Options: --records N, --jobs N (passed to batch), --keep (keep the temp dir).
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/sciatica-screen.js');
const SELF = fileURLToPath(import.meta.url);

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}

// ---- child mode: the baselines --------------------------------------------------------------
if (process.argv[2] === '--baseline') {
  const [, , , kind, input, output] = process.argv;
  await baseline(kind, input, output);
  process.exit(0);
}

async function baseline(kind, input, output) {
  const out = createWriteStream(output, { highWaterMark: 1 << 20 });
  const write = (s) => (out.write(s) ? undefined : new Promise((r) => out.once('drain', r)));
  let rest = '';
  let header;
  const decoder = new TextDecoder();
  let n = 0;
  for await (const chunk of createReadStream(input, { highWaterMark: 1 << 20 })) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
    rest = lines.pop();
    let buf = '';
    for (const line of lines) {
      if (line === '') continue;
      n++;
      if (kind === 'jsonl') {
        const doc = JSON.parse(line);
        buf += JSON.stringify({ line: n, id: doc.id, answered: Object.keys(doc.answers ?? doc).length }) + '\n';
      } else {
        const cells = line.split(',');
        if (!header) { header = cells; continue; }
        buf += JSON.stringify({ line: n, id: cells[0], answered: cells.filter((c) => c !== '').length }) + '\n';
      }
    }
    const w = write(buf);
    if (w) await w;
  }
  await new Promise((r) => out.end(r));
}

// ---- generating the input -------------------------------------------------------------------
function generate(dir, n) {
  const vignettes = parseYaml(readFileSync(join(ROOT, '../shared/clinical/vignettes-sample.yaml'), 'utf8')).vignettes;
  const q = parseYaml(readFileSync(join(ROOT, 'questionnaires/sciatica-massage.yaml'), 'utf8'));
  const columns = ['id', ...q.questions.map((x) => x.id)];
  const jsonl = createWriteStream(join(dir, 'in.jsonl'));
  const csv = createWriteStream(join(dir, 'in.csv'));
  csv.write(columns.join(',') + '\n');
  let j = '';
  let c = '';
  for (let i = 0; i < n; i++) {
    const v = vignettes[i % vignettes.length];
    const answers = { ...v.answers };
    if (typeof answers.age === 'number') answers.age = 18 + (i % 70);
    if (typeof answers.pain_intensity === 'number') answers.pain_intensity = i % 11;
    const id = `r${i + 1}`;
    j += JSON.stringify({ questionnaire: q.id, version: q.version, id, answers }) + '\n';
    c += columns.map((col) => (col === 'id' ? id : answers[col] === undefined ? '' : String(answers[col]))).join(',') + '\n';
    if (j.length > 1 << 20) {
      jsonl.write(j);
      csv.write(c);
      j = c = '';
    }
  }
  jsonl.write(j);
  csv.write(c);
  return Promise.all([new Promise((r) => jsonl.end(r)), new Promise((r) => csv.end(r))]);
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

const n = Number(arg('--records', '1000000'));
const jobs = arg('--jobs', undefined);
const dir = mkdtempSync(join(tmpdir(), 'sciatica-batch-bench-'));
try {
  process.stderr.write(`generating ${n} records in ${dir} … `);
  await generate(dir, n);
  const mb = (f) => (statSync(join(dir, f)).size / 1024 / 1024).toFixed(0);
  process.stderr.write(`in.jsonl ${mb('in.jsonl')} MiB, in.csv ${mb('in.csv')} MiB\n`);
  const extra = jobs ? ['--jobs', jobs] : [];
  const runs = [
    ['baseline JSONL', [SELF, '--baseline', 'jsonl', join(dir, 'in.jsonl'), join(dir, 'base.jsonl')]],
    ['batch JSONL→JSONL', [BIN, 'batch', join(dir, 'in.jsonl'), ...extra]],
    ['baseline CSV', [SELF, '--baseline', 'csv', join(dir, 'in.csv'), join(dir, 'base.csv.jsonl')]],
    ['batch CSV→CSV', [BIN, 'batch', join(dir, 'in.csv'), '--to', 'csv', ...extra]],
  ];
  const results = {};
  for (const [name, args] of runs) {
    const r = await measure(args, join(dir, `${name.replace(/\W+/g, '-')}.out`));
    if (r.code !== 0) throw new Error(`${name} exited ${r.code}: ${r.stderr}`);
    results[name] = r;
  }
  const rate = (r) => n / r.seconds;
  const row = (name, base) => {
    const r = results[name];
    const ratio = base ? ` ratio ${(rate(r) / rate(results[base])).toFixed(2)}` : '';
    return `${name.padEnd(18)} ${Math.round(rate(r)).toString().padStart(8)} records/s  ${r.seconds.toFixed(2).padStart(6)} s  peak RSS ${r.peakMb.toFixed(0).padStart(4)} MB${ratio}`;
  };
  console.log(`${n} records, Node ${process.version}, ${availableParallelism()} CPUs${jobs ? `, --jobs ${jobs}` : ''} (wall time of a fresh process each, output to a file)`);
  console.log(row('baseline JSONL'));
  console.log(row('batch JSONL→JSONL', 'baseline JSONL') + '   (goal ≥ 0.5)');
  console.log(row('baseline CSV'));
  console.log(row('batch CSV→CSV', 'baseline CSV') + '   (goal ≥ 0.3)');
} finally {
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}
