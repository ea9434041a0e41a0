#!/usr/bin/env node
// `prepack` / `postpack` helper. A clone builds dist/ on `npm ci` through the `prepare` script,
// but a `prepare` script inside the published package makes npm 11 warn every consumer at install
// ("install scripts not yet covered by allowScripts"). So `hide` (prepack) writes package.json
// without `prepare` for the tarball and keeps the original beside it; `restore` (postpack) puts
// the original back byte for byte. Both replace the file atomically (a rename), so a process
// reading package.json meanwhile never sees half a file. The same trick as `pinst`, in 20 lines.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const file = new URL('../../package.json', import.meta.url);
const backup = new URL('../../.package.json.prepack', import.meta.url);
const tmp = new URL('../../.package.json.tmp', import.meta.url);
const mode = process.argv[2];

if (mode === 'hide') {
  const text = readFileSync(file, 'utf8');
  const pkg = JSON.parse(text);
  if (pkg.scripts?.prepare === undefined) process.exit(0);
  writeFileSync(backup, text);
  delete pkg.scripts.prepare;
  writeFileSync(tmp, `${JSON.stringify(pkg, null, 2)}\n`);
  renameSync(tmp, file);
} else if (mode === 'restore') {
  if (existsSync(backup)) renameSync(backup, file);
} else {
  process.stderr.write('usage: pack-manifest.mjs hide|restore\n');
  process.exitCode = 64;
}
