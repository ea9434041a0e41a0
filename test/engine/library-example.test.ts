/**
 * The runnable example of docs/library.md runs against the built package (`npm test` builds
 * dist/ first) and prints what it promises, so the documented API never rots.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const built = existsSync(join(ROOT, 'dist/index.js'));
const dir = mkdtempSync(join(tmpdir(), 'sciatica-screen-example-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!built)('docs/library.md', () => {
  it('its runnable example runs and prints the next question and a result', () => {
    const doc = readFileSync(join(ROOT, 'docs/library.md'), 'utf8');
    const code = /## A runnable example[\s\S]*?```js\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(code).toBeDefined();
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'sciatica-screen'), 'dir');
    writeFileSync(join(dir, 'screen.mjs'), code as string);
    const r = spawnSync(process.execPath, ['screen.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^next: \w+ — /);
    expect(r.stdout).toContain('See a GP or physiotherapist before booking a massage');
    expect(r.stdout).toMatch(/bytes of JSON; see_professional_first\n$/);
  });

  it('every function, constant and type it documents is exported by the package and its .d.ts', async () => {
    const doc = readFileSync(join(ROOT, 'docs/library.md'), 'utf8');
    const api = /## API[\s\S]*?```ts\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const values = [...api.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)\b/gm)].map((m) => m[1] as string);
    expect(values.length).toBeGreaterThan(15);
    const mod = (await import(join(ROOT, 'dist/index.js'))) as Record<string, unknown>;
    for (const name of values) expect({ name, exported: name in mod }).toEqual({ name, exported: true });
    const typesPara = /^Types \(all exported[\s\S]*?\n\n/m.exec(doc)?.[0] ?? '';
    const types = [...typesPara.matchAll(/`([A-Z][A-Za-z]*)`/g)].map((m) => m[1] as string);
    expect(types.length).toBeGreaterThan(20);
    const dts = readFileSync(join(ROOT, 'dist/index.d.ts'), 'utf8');
    for (const name of types) expect({ name, inDts: new RegExp(`\\b${name}\\b`).test(dts) }).toEqual({ name, inDts: true });
  });
});
