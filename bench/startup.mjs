#!/usr/bin/env node
// Start-up cost as ratios to a bare `node -e 0` measured in the same run, interleaved (each round
// runs every command once, so a change of machine load hits all alike), medians of N rounds
// (default 11, at least 5): `node bench/startup.mjs [N]`. Targets (issue 12): evaluate of one file
// ≤ 1.5×, --version and --help ≤ 1.2×, the interview's first question on screen ≤ 2×.
// The interview is timed in tmux from launch to the question on screen; its ratio takes off what
// tmux itself costs (a bare `node -e 0; echo` timed the same way, minus the bare spawn).
// Prints the load average before and after: on a busy machine the figures mean little.
// Needs the build (npm run build) and, for the interview, /usr/bin/tmux.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const rounds = Math.max(5, Number(process.argv[2] ?? 11));
const root = fileURLToPath(new URL('../', import.meta.url));
const bin = fileURLToPath(new URL('../bin/sciatica-screen.js', import.meta.url));
const answers = fileURLToPath(new URL('../test/fixtures/answers/unassessed-long-pain.json', import.meta.url));
const TMUX = process.env.TMUX_BIN ?? '/usr/bin/tmux';
if (!existsSync(new URL('../dist/bundle/main.js', import.meta.url))) {
  console.error('bench/startup: build first (npm run build)');
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

function spawnMs(args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}\n${r.stderr}`);
  return ms;
}

const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', TERM: 'xterm-256color', NO_COLOR: '1' };
/** Launch in a new tmux session → `ready` on its screen, in ms. */
function tmuxMs(command, ready) {
  const socket = `sciatica-bench-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const tmux = (...args) => execFileSync(TMUX, ['-L', socket, '-f', '/dev/null', ...args], { env, encoding: 'utf8' });
  const t0 = process.hrtime.bigint();
  tmux('new-session', '-d', '-s', 'b', '-x', '100', '-y', '40', 'sh', '-c', `${command}; sleep 60`);
  try {
    for (;;) {
      if (tmux('capture-pane', '-p', '-t', 'b').includes(ready)) return Number(process.hrtime.bigint() - t0) / 1e6;
      if (Number(process.hrtime.bigint() - t0) > 30e9) throw new Error(`"${ready}" never appeared`);
    }
  } finally {
    tmux('kill-server');
  }
}
let haveTmux = true;
try {
  execFileSync(TMUX, ['-V'], { stdio: 'ignore' });
} catch {
  haveTmux = false;
}

const cases = [
  { name: 'node -e 0', run: () => spawnMs(['-e', '0']) },
  { name: 'sciatica-screen --version', target: 1.2, run: () => spawnMs([bin, '--version']) },
  { name: 'sciatica-screen --help', target: 1.2, run: () => spawnMs([bin, '--help']) },
  { name: 'sciatica-screen evaluate FILE', target: 1.5, run: () => spawnMs([bin, 'evaluate', answers]) },
  { name: 'sciatica-screen evaluate --format json', target: 1.5, run: () => spawnMs([bin, 'evaluate', answers, '--format', 'json']) },
  { name: 'sciatica-screen validate', run: () => spawnMs([bin, 'validate']) },
  ...(haveTmux
    ? [
        { name: 'tmux: node -e 0, then a line', tmux: 'bare', run: () => tmuxMs(`${process.execPath} -e 0; echo __ready__`, '__ready__') },
        { name: 'tmux: interview, first question', tmux: 'first', target: 2, run: () => tmuxMs(`${process.execPath} ${bin}`, '? Does your pain') },
      ]
    : []),
];

const before = load();
for (const c of cases) c.run(); // warm the file cache
for (const c of cases) c.ms = [];
for (let i = 0; i < rounds; i++) for (const c of cases) c.ms.push(c.run());
const after = load();

const bare = median(cases[0].ms);
const tmuxBare = cases.find((c) => c.tmux === 'bare');
console.log(`startup: median of ${rounds} interleaved rounds; node ${process.version}, ${cpus().length} CPUs; load average ${before} before, ${after} after`);
// The target is on medians; the ratio of the fastest runs is shown beside it because it moves
// least with the load of other work on the machine.
const bareMin = Math.min(...cases[0].ms);
console.log(`${''.padEnd(42)}  median    ratio                  (fastest run, ratio)`);
let missed = 0;
for (const c of cases) {
  const ms = median(c.ms);
  const min = Math.min(...c.ms);
  // In tmux: (time to screen − tmux's own cost) / bare node, where tmux's own cost = its bare run − bare node.
  const ratioOf = (t, b, tb) => (c.tmux === 'first' ? (t - (tb - b)) / b : c.tmux === 'bare' ? undefined : t / b);
  const ratio = ratioOf(ms, bare, tmuxBare ? median(tmuxBare.ms) : 0);
  const ratioMin = ratioOf(min, bareMin, tmuxBare ? Math.min(...tmuxBare.ms) : 0);
  const verdict = c.target === undefined || ratio === undefined ? ''.padEnd(22) : `  ≤ ${c.target}× ${ratio <= c.target ? 'met   ' : 'MISSED'}`.padEnd(22);
  if (verdict.includes('MISSED')) missed += 1;
  const r = (x) => (x === undefined ? '     ' : `${x.toFixed(2)}×`);
  console.log(`${c.name.padEnd(42)} ${ms.toFixed(1).padStart(7)} ms  ${r(ratio)}${verdict} (${min.toFixed(1).padStart(6)} ms  ${r(ratioMin)})`);
}
if (!haveTmux) console.log('(no tmux: the interview was not measured)');
process.exitCode = missed > 0 ? 1 : 0;
