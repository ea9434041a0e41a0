// Preloaded by bench/startup.mjs (`node --require bench/cpu-at-exit.cjs …`): at exit, writes the
// process's CPU time (user + system, all threads, µs) to file descriptor 3 when the bench opened it.
'use strict';
process.on('exit', () => {
  const u = process.cpuUsage();
  try {
    require('node:fs').writeSync(3, `${u.user + u.system}\n`);
  } catch {
    // not run by the bench
  }
});
