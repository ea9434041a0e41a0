#!/usr/bin/env node
// Time from launch to the first question on screen, in a real pseudo-terminal (tmux), next to a
// bare `node -e 0` measured the same way (tmux start + poll), so the difference is what the
// interview itself costs. Needs the build (`npm run build`) and /usr/bin/tmux. Figures, not a test.
//   node bench/interview.mjs [runs=7]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const TMUX = process.env.TMUX_BIN ?? '/usr/bin/tmux';
const BIN = fileURLToPath(new URL('../bin/sciatica-screen.js', import.meta.url));
const runs = Number(process.argv[2] ?? 7);
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', TERM: 'xterm-256color', NO_COLOR: '1' };

function time(command, ready) {
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

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const measure = (label, command, ready) => {
  time(command, ready); // warm the file cache
  const xs = Array.from({ length: runs }, () => time(command, ready));
  console.log(`${label.padEnd(40)} median ${median(xs).toFixed(0).padStart(5)} ms   min ${Math.min(...xs).toFixed(0).padStart(5)} ms   (${runs} runs)`);
  return median(xs);
};

console.log(`node ${process.version}, tmux 100x40, launch → text on screen`);
const bare = measure('node -e 0 (then print a line)', `${process.execPath} -e 0; echo __ready__`, '__ready__');
const first = measure('sciatica-screen → first question', `${process.execPath} ${BIN}`, '? Does your pain');
console.log(`${'interview cost over bare node'.padEnd(40)} ${(first - bare).toFixed(0).padStart(12)} ms`);
