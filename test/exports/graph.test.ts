/**
 * `sciatica-screen graph`: the question tree as Mermaid or DOT. The picture names every question
 * by its label, every branch with its condition, the red flags, the questions that can stop the
 * interview, every rule and the outcome it raises; Mermaid's own renderer (from npm, in headless
 * Chromium) draws it without an error, Graphviz's `dot` accepts the DOT; the README's diagram is
 * the bundled questionnaire's, regenerated.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { questionLabel } from '../../src/report/answer-words.js';
import { renderDot, renderMermaid } from '../../src/report/graph.js';
import { runCli } from '../helpers/run-cli.js';
import { BUNDLED } from './cases.js';
import { dumpDom, ensureChromium, ensureCommands } from './chromium.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let q: Questionnaire;
beforeAll(async () => {
  q = await loadQuestionnaire(BUNDLED);
});

/** Mermaid label text as written (entity codes for quotes and brackets). */
function mm(s: string): string {
  return s.replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

describe('graph --format mermaid', () => {
  it('names every question by its label, marks red flags and the questions that can stop the interview', () => {
    const text = renderMermaid(q);
    for (const x of q.questions) {
      const line = text.split('\n').find((l) => l.trimStart().startsWith(`q_${x.id}[`)) ?? '';
      expect(line, x.id).toContain(mm(questionLabel(x)));
      if (x.redFlag) {
        expect(line).toContain(`red flag: ${x.redFlag.category.replace(/_/g, ' ')}`);
        expect(line).toMatch(/:::redflag$/);
      } else expect(line).not.toContain('red flag');
    }
    expect(text.split('\n').find((l) => l.includes('q_saddle_numbness['))).toContain('can stop here: emergency');
  });

  it('draws every branch with its condition, and the fall-back as "otherwise"', () => {
    const text = renderMermaid(q);
    expect(text).toContain('q_leg_pain -->|"leg_pain = yes"| q_pain_side');
    expect(text).toContain('q_leg_pain -->|"otherwise"| q_thigh_pain');
    expect(text).toMatch(/q_scent_sensitivity --> END/);
  });

  it('links every rule to the outcome it raises; the stopping outcome is marked STOP', () => {
    const text = renderMermaid(q);
    q.rules.forEach((r, i) => {
      expect(text).toContain(`r${i}(["rule ${r.id}`);
      expect(text).toContain(`r${i} ==> ${r.outcome === undefined ? 'o__cautions' : `o_${r.outcome}`}`);
    });
    expect(text).toContain('o_emergency{{"STOP: Go to A#amp;E now');
  });

  it('is rendered by Mermaid (npm) in headless Chromium without an error, one drawn node per question', () => {
    const chromium = ensureChromium();
    const dir = mkdtempSync(join(tmpdir(), 'graph-'));
    const page = join(dir, 'graph.html');
    const escaped = renderMermaid(q).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    writeFileSync(
      page,
      `<!DOCTYPE html><html><body><pre class="mermaid">\n${escaped}</pre>` +
        `<script src="file://${ROOT}node_modules/mermaid/dist/mermaid.min.js"></script>` +
        `<script>mermaid.initialize({ startOnLoad: false }); mermaid.run().then(() => document.body.setAttribute('data-done', 'ok'), (e) => { document.body.setAttribute('data-done', 'error'); document.body.setAttribute('data-error', String(e && e.message || e)); });</script></body></html>`,
    );
    const dom = dumpDom(chromium, page);
    expect(/data-error="([^"]*)"/.exec(dom)?.[1]).toBeUndefined();
    expect(dom).toContain('data-done="ok"');
    for (const x of q.questions) expect(dom, x.id).toMatch(new RegExp(`id="[^"]*-q_${x.id}-\\d+"`));
  }, 120_000);
});

describe('graph --format dot', () => {
  it('Graphviz dot accepts it and lays it out', () => {
    ensureCommands(['dot'], ['graphviz']);
    const dot = renderDot(q);
    const r = spawnSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const x of q.questions) expect(r.stdout).toContain(`<title>q_${x.id}</title>`);
  }, 300_000);
});

describe('the CLI and the README', () => {
  it('graph prints Mermaid by default and DOT with --format dot', async () => {
    const m = await runCli(['graph']);
    expect(m.code).toBe(0);
    expect(m.stdout).toBe(renderMermaid(q));
    const d = await runCli(['graph', '--format', 'dot']);
    expect(d.stdout).toBe(renderDot(q));
  });

  it("README.md shows the bundled questionnaire's diagram as `sciatica-screen graph` draws it today", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- graph:begin[^>]*-->\n```mermaid\n([\s\S]*?)```\n<!-- graph:end -->/.exec(readme)?.[1];
    expect(block, 'README.md needs the block between <!-- graph:begin --> and <!-- graph:end -->; regenerate it with: npm run docs:graph').toBeDefined();
    expect(block, 'the README diagram is stale; regenerate it with: npm run docs:graph').toBe(renderMermaid(q));
  });
});
