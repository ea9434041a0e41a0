/**
 * V8's code cache for the CLI bundle (src/cli/code-cache.ts, made by src/build/build-dist.mjs):
 * the Node that built it accepts every cache, so start-up gets the speed README "Performance"
 * states; and the cache never changes what the CLI does: with every cache damaged, or none, the
 * output is the same bytes, and running the CLI writes nothing into the bundle folder.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageCopy } from '../helpers/package-copy.js';
import { ROOT, runBin } from '../helpers/spawn-bin.js';

const BUNDLE = join(ROOT, 'dist/bundle');
const FIXTURE = join(ROOT, 'test/fixtures/answers/unassessed-long-pain.json');


describe('the code cache of the CLI bundle', () => {
  it('the Node that built it accepts the cache of every file that has one (a plain node, as bin/ runs)', () => {
    const script = `
      const { readdirSync, readFileSync, existsSync } = require('node:fs');
      const { join } = require('node:path');
      const { compileWrapped, cacheFileOf } = require(join(${JSON.stringify(BUNDLE)}, 'code-cache.js'));
      const out = { checked: 0, rejected: [] };
      for (const f of readdirSync(${JSON.stringify(BUNDLE)})) {
        const file = join(${JSON.stringify(BUNDLE)}, f);
        if (!f.endsWith('.js') || !existsSync(cacheFileOf(file))) continue;
        out.checked++;
        if (compileWrapped(readFileSync(file, 'utf8'), file, readFileSync(cacheFileOf(file))).cachedDataRejected) out.rejected.push(f);
      }
      console.log(JSON.stringify(out));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { checked: number; rejected: string[] };
    expect(out.rejected).toEqual([]);
    // main.js, commander's chunk and the engine's, among others.
    expect(out.checked).toBeGreaterThan(10);
  });

  it('damaged caches, or none: the same output, the same exit code, nothing on stderr; nothing written into the bundle', async () => {
    const dir = packageCopy('screen-code-cache-');
    const bin = join(dir, 'bin/sciatica-screen.js');
    const bundle = join(dir, 'dist/bundle');
    const files = () => readdirSync(bundle).sort();
    const before = files();
    const intact = await runBin(['evaluate', FIXTURE], { bin, cwd: dir });
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain('before booking a massage');
    expect(files()).toEqual(before);

    const caches = before.filter((f) => f.endsWith('.js.cache'));
    expect(caches.length).toBeGreaterThan(10);
    for (const f of caches) writeFileSync(join(bundle, f), Buffer.from('not a code cache, but some bytes of the right kind of length'.repeat(50)));
    expect(await runBin(['evaluate', FIXTURE], { bin, cwd: dir })).toEqual(intact);
    expect(await runBin(['evaluate', FIXTURE, '--format', 'json'], { bin, cwd: dir })).toEqual(await runBin(['evaluate', FIXTURE, '--format', 'json']));

    for (const f of caches) unlinkSync(join(bundle, f));
    expect(await runBin(['evaluate', FIXTURE], { bin, cwd: dir })).toEqual(intact);
    expect(files()).toEqual(before.filter((f) => !f.endsWith('.js.cache')));
  });
});
