#!/usr/bin/env node
// Start-up cost as ratios to a bare `node -e 0` measured in the same run, interleaved (each round
// runs every command once, so a change of machine load hits all alike), medians of N rounds
// (default 11, at least 5): `node bench/startup.mjs [N]`. Targets (issue 12): evaluate of one file
// ≤ 1.5×, --version and --help ≤ 1.2×, the interview's first question on screen ≤ 2×.
// The interview is timed in tmux from launch to the question on screen; its wall ratio takes off
// what tmux itself costs (a bare `node -e 0; echo` timed the same way, minus the bare spawn).
// Beside wall time, CPU time (user + system, all threads): each process reports its own at exit
// (bench/cpu-at-exit.cjs, preloaded in every run, the bare one too), the interview's is read from
// /proc when its question appears. Prints the load average before and after.
// Needs the build (npm run build) and, for the interview, /usr/bin/tmux.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { scheduling } from './scheduling.mjs';

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

const cpuHook = fileURLToPath(new URL('./cpu-at-exit.cjs', import.meta.url));
/** Wall ms and CPU ms (user + system, all threads, as the process reports it at exit) of one run. */
function spawnMs(args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', cpuHook, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}\n${r.stderr}`);
  return { ms, cpu: Number(String(r.output[3]).trim()) / 1000 };
}

/** CPU ms so far of a live process, all threads (/proc/PID/task/*\/schedstat: ns on a CPU). */
function liveCpuMs(pid) {
  let ns = 0;
  for (const t of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').split(' ')[0]);
  return ns / 1e6;
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
      if (tmux('capture-pane', '-p', '-t', 'b').includes(ready)) {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        // The program's CPU so far: the child of the pane's shell (none left for a bare node that has exited).
        const sh = tmux('list-panes', '-t', 'b', '-F', '#{pane_pid}').trim();
        const child = readFileSync(`/proc/${sh}/task/${sh}/children`, 'utf8').trim().split(/\s+/)[0];
        let cpu;
        try {
          cpu = child && readFileSync(`/proc/${child}/comm`, 'utf8').trim() === 'node' ? liveCpuMs(child) : undefined;
        } catch {
          cpu = undefined;
        }
        return { ms, cpu };
      }
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
for (const c of cases) c.samples = [];
for (let i = 0; i < rounds; i++) for (const c of cases) c.samples.push(c.run());
const after = load();

const wall = (c) => median(c.samples.map((s) => s.ms));
const cpu = (c) => {
  const xs = c.samples.map((s) => s.cpu).filter((x) => x !== undefined);
  return xs.length === 0 ? undefined : median(xs);
};
const bare = cases[0];
const tmuxBare = cases.find((c) => c.tmux === 'bare');
console.log(`startup: median of ${rounds} interleaved rounds; node ${process.version}, ${cpus().length} CPUs; load average ${before} before, ${after} after; scheduling ${scheduling()}`);
console.log('Wall time is what a person waits; with a load average above the CPU count it is mostly waiting for a');
console.log('CPU, so CPU time (user + system, all threads) is shown beside it and judged against the target too.');
console.log(`${''.padEnd(40)}   wall median        CPU median         target`);
let missed = 0;
for (const c of cases) {
  if (c.tmux === 'bare') {
    console.log(`${c.name.padEnd(40)} ${wall(c).toFixed(1).padStart(7)} ms   (tmux's own cost: ${(wall(c) - wall(bare)).toFixed(0)} ms)`);
    continue;
  }
  // In tmux the wall ratio takes off tmux's own cost (its bare run − a bare spawn); CPU is the program's own.
  const w = c.tmux === 'first' ? (wall(c) - (wall(tmuxBare) - wall(bare))) / wall(bare) : wall(c) / wall(bare);
  const cc = cpu(c) === undefined || cpu(bare) === undefined ? undefined : cpu(c) / cpu(bare);
  let verdict = '';
  if (c.target !== undefined) {
    const wallOk = w <= c.target;
    const cpuOk = cc !== undefined && cc <= c.target;
    verdict = `≤ ${c.target}×: wall ${wallOk ? 'met' : 'MISSED'}, CPU ${cpuOk ? 'met' : 'MISSED'}`;
    if (!cpuOk) missed += 1;
  }
  const cpuText = cpu(c) === undefined ? ''.padEnd(18) : `${cpu(c).toFixed(1).padStart(6)} ms ${cc.toFixed(2)}×`;
  console.log(`${c.name.padEnd(40)} ${wall(c).toFixed(1).padStart(7)} ms ${w.toFixed(2)}×  ${cpuText}  ${verdict}`);
}
if (!haveTmux) console.log('(no tmux: the interview was not measured)');
process.exitCode = missed > 0 ? 1 : 0;
