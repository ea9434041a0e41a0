/**
 * SECURITY.md § Nothing leaves the machine: no network module and no way to start another program
 * is reachable from anything the tool runs — every file under src/ (so every entry point: the
 * library, the CLI, each command's action, the batch workers, the interview), the launcher in
 * bin/ and the built dist/ it loads — through the whole static import graph, dependencies
 * included. Two known imports of `child_process` inside dependencies are allowed by name, each
 * for a reason that this tool never exercises (listed below and in SECURITY.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reachableBuiltins, specifiersIn, type Reach } from './import-graph.js';
import { ROOT } from '../helpers/spawn-bin.js';

/** Built-in modules that can talk to another machine or run another program. */
const FORBIDDEN = ['http', 'https', 'http2', 'net', 'dgram', 'tls', 'dns', 'child_process', 'inspector', 'cluster', 'undici'];

/**
 * Imports of a forbidden module inside dependencies that are allowed, each because the code that
 * uses it is never reached by this tool (the file → the reason).
 */
const ALLOWED: Readonly<Record<string, string>> = {
  // commander requires child_process at the top of command.js to run "executable subcommands"
  // (`program.command('x', 'description')` runs a separate program `prog-x`). Every command here
  // is an action handler (`.action(...)`); none is executable, so spawn is never called.
  'node_modules/commander/lib/command.js': 'executable subcommands, not declared by sciatica-screen',
  // @inquirer/prompts re-exports every prompt, including `editor`, which opens $EDITOR through
  // @inquirer/external-editor. The interview uses select/number/confirm/input only.
  'node_modules/@inquirer/external-editor/dist/index.js': 'the editor prompt, not used by the interview',
};

function tsFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFilesUnder(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const SRC_FILES = tsFilesUnder(join(ROOT, 'src'));
const ENTRIES = [join(ROOT, 'bin', 'sciatica-screen.js'), join(ROOT, 'dist', 'index.cjs'), ...SRC_FILES];

/**
 * The CLI runs an esbuild bundle of src/ and its dependencies (dist/bundle/). The walk checks the
 * sources it was built from instead of the bundle (where every import sits in one file), and a
 * test below proves the bundle holds no source the walk did not check.
 */
const BUNDLE = join(ROOT, 'dist', 'bundle') + '/';
const graph = (overlay?: ReadonlyMap<string, string>, visited?: Set<string>) =>
  reachableBuiltins(ENTRIES, { root: ROOT, stopAt: (f) => f.startsWith(BUNDLE), ...(overlay ? { overlay } : {}), ...(visited ? { visited } : {}) });

function forbidden(reaches: readonly Reach[]): Reach[] {
  return reaches.filter((r) => FORBIDDEN.includes(r.builtin) && ALLOWED[r.chain.at(-2) as string] === undefined);
}

function describeReach(r: Reach): string {
  return `${r.builtin}: ${r.chain.join(' → ')}`;
}

describe('nothing leaves the machine', () => {
  it('reaches no network module and no child_process from any entry point (dependencies included)', () => {
    const reaches = graph();
    expect(forbidden(reaches).map(describeReach)).toEqual([]);
    // The walk really went through the program and its dependencies: it sees the modules the
    // tool does use (files, workers) and the allowed imports inside commander and Inquirer.
    const builtins = new Set(reaches.map((r) => r.builtin));
    expect(builtins).toContain('fs');
    expect(builtins).toContain('worker_threads');
    const allowedSeen = reaches.filter((r) => ALLOWED[r.chain.at(-2) as string] !== undefined).map((r) => r.chain.at(-2));
    expect(new Set(allowedSeen)).toEqual(new Set(Object.keys(ALLOWED)));
  });

  it('the CLI bundle (dist/bundle/) is built only from sources the walk checked', () => {
    const visited = new Set<string>();
    graph(undefined, visited);
    const inputs = JSON.parse(readFileSync(join(BUNDLE, 'inputs.json'), 'utf8')) as Record<string, string[]>;
    const sources = new Set(Object.values(inputs).flat());
    expect(sources.size).toBeGreaterThan(10);
    // Virtual modules (`namespace:path`) are written by src/build/build-dist.mjs's esbuild plugins:
    // each must be declared there (its code is read there), never come from elsewhere.
    const buildScript = readFileSync(join(ROOT, 'src/build/build-dist.mjs'), 'utf8');
    const virtual = [...sources].filter((s) => /^[a-z-]+:/.test(s));
    for (const v of virtual) expect(buildScript, v).toContain(`namespace: '${v.split(':')[0] as string}'`);
    // The only forbidden module those plugins bring in is commander's lazy child_process.
    expect(specifiersIn(buildScript, false).filter((x) => FORBIDDEN.includes(x.replace(/^node:/, '')))).toEqual(['node:child_process']);
    const unchecked = [...sources].filter((s) => !s.endsWith('.json') && !virtual.includes(s) && !visited.has(join(ROOT, s)));
    expect(unchecked).toEqual([]);
    // and the bundle itself imports no forbidden module that the sources did not (the allowed two).
    const bundled = new Set<string>();
    for (const f of Object.keys(inputs)) for (const spec of specifiersIn(readFileSync(join(BUNDLE, f), 'utf8'), false)) bundled.add(spec.replace(/^node:/, ''));
    expect([...bundled].filter((b) => FORBIDDEN.includes(b) && b !== 'child_process')).toEqual([]);
  });

  it('fails when any file under src/ imports node:http (planted in memory in each of several places)', () => {
    const plantIn = ['src/engine/evaluate.ts', 'src/io/batch/batch-worker.ts', 'src/report/text.ts', 'src/cli/actions/evaluate.ts'];
    for (const rel of plantIn) {
      const file = join(ROOT, rel);
      const overlay = new Map([[file, `import 'node:http';\n${readFileSync(file, 'utf8')}`]]);
      const bad = forbidden(graph(overlay)).map(describeReach);
      expect(bad.length, rel).toBeGreaterThan(0);
      expect(bad.join('\n')).toContain(`${rel} → node:http`);
    }
  });

  it('fails on every spelling of a forbidden import: dynamic import, require, re-export, bare names', () => {
    const file = join(ROOT, 'src/engine/plan.ts');
    const plants = [
      `const h = await import('node:https');`,
      `const n = require('net');`,
      `export { connect } from 'node:tls';`,
      `import * as d from "dgram";`,
      `import { spawn } from 'node:child_process';`,
      `import { request } from 'undici';`,
    ];
    for (const plant of plants) {
      const overlay = new Map([[file, `${plant}\n${readFileSync(file, 'utf8')}`]]);
      let bad: string[];
      try {
        bad = forbidden(graph(overlay)).map(describeReach);
      } catch (e) {
        // 'undici' is not installed: an import the walk cannot resolve fails the walk too.
        bad = [(e as Error).message];
      }
      expect(bad.length, plant).toBeGreaterThan(0);
    }
  });

  it('sees an import planted in a dependency the tool loads', () => {
    const file = join(ROOT, 'node_modules/yaml/dist/index.js');
    const overlay = new Map([[file, `const x = require('node:http');\n${readFileSync(file, 'utf8')}`]]);
    expect(forbidden(graph(overlay)).map(describeReach).join('\n')).toContain('node:http');
  });

  it('calls no global network function (fetch, WebSocket, XMLHttpRequest, EventSource) anywhere in src/', () => {
    const uses: string[] = [];
    for (const f of SRC_FILES) {
      const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      for (const name of ['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource']) {
        if (new RegExp(`\\b${name}\\s*\\(|new\\s+${name}\\b|globalThis\\.${name}\\b`).test(code)) uses.push(`${f}: ${name}`);
      }
    }
    expect(uses).toEqual([]);
  });

  it('reads import specifiers in every form, ignoring those in comments and type-only imports', () => {
    const text = [
      `import a from 'a';`,
      `import { b } from "b";`,
      `import 'c';`,
      `export * from './d.js';`,
      `const e = await import('e');`,
      `const f = require('f');`,
      `// import x from 'commented';`,
      `/* require('block') */`,
      `import type { T } from 'types-only';`,
    ].join('\n');
    expect(specifiersIn(text).sort()).toEqual(['./d.js', 'a', 'b', 'c', 'e', 'f']);
    // Minified and bundled forms, and a comment inside the braces.
    const minified = 'var x=1;import{a as b}from"min";export*from"star";y=__require("node:child_process");import {// note\n c } from "braced"';
    expect(specifiersIn(minified, false).sort()).toEqual(['braced', 'min', 'node:child_process', 'star']);
  });
});
