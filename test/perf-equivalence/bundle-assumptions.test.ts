/**
 * What the CLI bundle (src/build/build-dist.mjs) leaves out, and the assumption each omission
 * rests on: chalk's colour detection is stubbed, so nothing may use chalk's default instance;
 * only the prompts the interview uses are bundled.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the CLI bundle’s assumptions', () => {
  it('src/ takes from chalk only the Chalk class (made with an explicit level) and its types, never the detecting default instance', () => {
    const offenders: string[] = [];
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/import\s+(type\s+)?([^;]*?)\s+from\s+['"]chalk['"]/g)) {
        const names = (m[2] ?? '').replace(/[{}]/g, '').split(',').map((s) => s.trim()).filter(Boolean);
        const bad = m[1] ? [] : names.filter((n) => !/^(type\s+)?(Chalk|ChalkInstance)$/.test(n));
        if (bad.length > 0) offenders.push(`${relative(SRC, file)}: ${bad.join(', ')}`);
      }
      if (/import\(\s*['"]chalk['"]\s*\)/.test(text)) offenders.push(`${relative(SRC, file)}: import('chalk')`);
      for (const m of text.matchAll(/new Chalk\(([^)]*)\)/g)) if (!/level/.test(m[1] ?? '')) offenders.push(`${relative(SRC, file)}: new Chalk without a level`);
    }
    expect(offenders).toEqual([]);
  });

  it('bundles exactly the prompts the interview’s PromptModule names', () => {
    const prompter = readFileSync(join(SRC, 'interview/inquirer-prompter.ts'), 'utf8');
    const used = /PromptModule = Pick<typeof InquirerPrompts, ([^>]*)>/.exec(prompter)?.[1]?.match(/'(\w+)'/g)?.map((s) => s.slice(1, -1)) ?? [];
    const build = readFileSync(join(SRC, 'build/build-dist.mjs'), 'utf8');
    const bundled = [...build.matchAll(/export \{ default as (\w+)(?:, (\w+))? \} from '@inquirer\//g)].flatMap((m) => [m[1], m[2]]).filter(Boolean);
    expect(used.length).toBeGreaterThan(0);
    expect([...bundled].sort()).toEqual([...used].sort());
  });
});
