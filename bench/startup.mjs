#!/usr/bin/env node
// Startup cost: median wall time of `--version` and `validate` (bundled questionnaire) against a
// bare `node -e 0`, over N runs (default 15; `node bench/startup.mjs 30`). Needs a build (npm run build).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 15);
const root = fileURLToPath(new URL('../', import.meta.url));
const bin = fileURLToPath(new URL('../bin/sciatica-screen.js', import.meta.url));
if (!existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
  console.error('bench/startup: build first (npm run build)');
  process.exit(1);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(args) {
  const samples = [];
  for (let i = 0; i < runs + 1; i++) {
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (r.status !== 0) {
      console.error(`bench/startup: ${args.join(' ')} exited ${r.status}\n${r.stderr}`);
      process.exit(1);
    }
    if (i > 0) samples.push(ms); // the first run warms the file cache
  }
  return median(samples);
}

const bare = time(['-e', '0']);
const rows = [
  ['node -e 0', bare],
  ['sciatica-screen --version', time([bin, '--version'])],
  ['sciatica-screen validate', time([bin, 'validate'])],
];
console.log(`startup, median of ${runs} runs (node ${process.version})`);
for (const [name, ms] of rows) console.log(`${name.padEnd(28)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / bare).toFixed(2)}x`);
