#!/usr/bin/env node
// The launcher: run the compiled CLI (the bundle built by src/build/build-dist.mjs, CommonJS like
// this file: see bin/package.json) and map its answer to the process exit code. Nothing else.
'use strict';
const { join, sep } = require('node:path');
// V8's code cache for the bundle, made by the build (src/cli/code-cache.ts); read only.
require('../dist/bundle/code-cache.js').useCodeCache(join(__dirname, '..', 'dist', 'bundle') + sep);
const { main } = require('../dist/bundle/main.js');

// The standard streams are getters: Node builds each on first use, and building stdin (a socket
// or a TTY) costs about as much as the rest of `--version`, which never reads it.
main(process.argv.slice(2), {
  get stdin() {
    return process.stdin;
  },
  get stdout() {
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
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
