#!/usr/bin/env node
// The launcher: run the compiled CLI (the bundle built by src/build/build-dist.mjs) and map its
// answer to the process exit code. Nothing else.
import { main } from '../dist/bundle/main.js';

main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  onInterrupt: (listener) => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, listener);
    return () => {
      for (const s of signals) process.off(s, listener);
    };
  },
  launcher: process.argv[1],
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`sciatica-screen: internal error (a bug; please report it): ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 70;
  },
);
