/**
 * The promises of DESIGN.md that a reader could break without noticing: the engine is pure,
 * conditions are never evaluated with eval, and only the interview loads the prompt library.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push((m[1] ?? m[2]) as string);
  }
  return found;
}

describe('architecture', () => {
  it('keeps the engine pure: no node:* modules, no terminal or CLI libraries, nothing outside the model', () => {
    const offenders: string[] = [];
    for (const file of sources(join(SRC, 'engine'))) {
      for (const spec of imports(file)) {
        const allowed = spec.startsWith('./') || spec.startsWith('../questionnaire/model.js') || spec === '../questionnaire/suggest.js' || spec === '../errors.js' || spec === '../quote.js';
        if (!allowed) offenders.push(`${relative(SRC, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('never calls eval or new Function anywhere in src', () => {
    const offenders = sources(SRC).filter((f) => /\beval\(|new Function\(/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('loads @inquirer/prompts only lazily, and only from the interview', () => {
    const staticImport = /^import\s(?!type\s)[^;]*from\s+['"]([^'"]+)['"]/gm;
    const offenders: string[] = [];
    for (const file of sources(SRC)) {
      const rel = relative(SRC, file);
      for (const m of readFileSync(file, 'utf8').matchAll(staticImport)) {
        const spec = m[1] as string;
        // Outside the interview nothing imports the prompt library; the CLI reaches the interview only through import().
        if (spec.startsWith('@inquirer/') && !rel.startsWith('interview/')) offenders.push(`${rel} imports ${spec}`);
        // Only the interview action (itself reached by import()) may load the interview's modules.
        if (rel.startsWith('cli/') && !rel.startsWith('cli/actions/') && spec.includes('/interview/')) offenders.push(`${rel} imports ${spec}`);
        if (rel.startsWith('cli/') && !rel.startsWith('cli/actions/') && spec.includes('/actions/')) offenders.push(`${rel} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps the doors one way: the interview imports nothing from the CLI that calls it', () => {
    const offenders: string[] = [];
    for (const file of sources(join(SRC, 'interview'))) {
      for (const spec of imports(file)) if (spec.includes('/cli/')) offenders.push(`${relative(SRC, file)} imports ${spec}`);
    }
    expect(offenders).toEqual([]);
  });

  it('has no import circle through the CLI entry: no command or action imports main.ts', () => {
    const offenders: string[] = [];
    // launch.ts is the entry above main.ts (it answers --version, then loads main).
    for (const file of sources(join(SRC, 'cli')).filter((f) => !f.endsWith('/main.ts') && !f.endsWith('/launch.ts'))) {
      for (const spec of imports(file)) if (/(^|\/)main\.js$/.test(spec)) offenders.push(`${relative(SRC, file)} imports ${spec}`);
    }
    expect(offenders).toEqual([]);
  });
});
