#!/usr/bin/env node
// Pasting into a number prompt (issue 9.8): time from the paste to the prompt's answer to Enter
// (its one-line message), for pastes of 1, 10 and 50 KB of digits, in a real pseudo-terminal
// (tmux). Was quadratic (1 KB 0.6 s, 10 KB 23 s). Needs the build and /usr/bin/tmux. Figures,
// not a test.   node bench/interview-paste.mjs [sizes in KB, default 1,10,50]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const TMUX = process.env.TMUX_BIN ?? '/usr/bin/tmux';
const BIN = fileURLToPath(new URL('../bin/sciatica-screen.js', import.meta.url));
const Q = fileURLToPath(new URL('../test/fixtures/questionnaires/valid/question-types.yaml', import.meta.url));
const sizes = (process.argv[2] ?? '1,10,50').split(',').map(Number);
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', TERM: 'xterm-256color', NO_COLOR: '1' };

function paste(kb, plain) {
  const socket = `sciatica-paste-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const tmux = (...args) => execFileSync(TMUX, ['-L', socket, '-f', '/dev/null', ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  tmux('new-session', '-d', '-s', 'b', '-x', '100', '-y', '40', 'sh', '-c', `${process.execPath} ${BIN} -q ${Q}${plain ? ' --plain' : ''}; sleep 600`);
  try {
    const wait = (text, from = 0) => {
      const t0 = Date.now();
      for (;;) {
        const screen = tmux('capture-pane', '-p', '-t', 'b');
        if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return;
        if (Date.now() - t0 > 120_000) throw new Error(`"${text}" never appeared`);
      }
    };
    wait(plain ? '(years)' : 'How old are you?');
    const t0 = process.hrtime.bigint();
    // In pieces of 1 KB, as a terminal delivers a paste.
    const digits = '9'.repeat(1024);
    for (let i = 0; i < kb; i++) tmux('send-keys', '-t', 'b', '-l', digits);
    tmux('send-keys', '-t', 'b', 'Enter');
    wait(/Please type|highest possible|too long/);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  } finally {
    tmux('kill-server');
  }
}

console.log(`node ${process.version}, tmux 100x40: paste N KB of digits into "How old are you?" (16 to 110), then Enter`);
for (const plain of [false, true]) {
  for (const kb of sizes) {
    console.log(`${plain ? '--plain' : 'arrow-key'} ${String(kb).padStart(4)} KB → message after ${paste(kb, plain).toFixed(0).padStart(6)} ms`);
  }
}
