/**
 * `sciatica-screen graph`: every branch is labelled with its condition in words, whatever its
 * form — comparisons with their symbols, "not", "and"/"or" with brackets where they nest,
 * "answered"/"not answered", "a required answer missing", "always"/"never" — in Mermaid (where
 * "<" must be escaped) and in Graphviz DOT.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const BRANCH_KINDS = join(import.meta.dirname, '..', 'exports', 'fixtures', 'branch-kinds.yaml');
const NESTED = `id: nested
version: 1.0.0
title: Nested branches
questions:
  - id: a
    type: yesno
    text: A?
    next:
      - { when: { all: [ { a: yes }, { any: [ { b: yes }, { c: { lte: 3 } } ] } ] }, goto: c }
      - { when: { b: { answered: false } }, goto: b }
      - { when: { missing: required }, goto: end }
      - { when: true, goto: b }
  - { id: b, type: yesno, text: B?, required: false }
  - { id: c, type: scale, text: C? }
rules:
  - { id: r, when: { a: yes }, outcome: see, reason: R, source: s }
outcomes:
  - { id: see, title: See, advice: A }
  - { id: ok, title: OK, advice: B }
sources: [{ id: s, title: S, publisher: P }]
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sciatica-graph-'));
  await writeFile(join(dir, 'nested.yaml'), NESTED);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const edges = (text: string) => text.split('\n').filter((l) => l.includes('->')).map((l) => l.trim());

describe('graph: branch labels', () => {
  it('DOT: comparisons, not, answered, never, otherwise', async () => {
    const r = await runCli(['graph', BRANCH_KINDS, '--format', 'dot']);
    expect(r.code).toBe(0);
    expect(edges(r.stdout)).toEqual([
      'q_age -> q_bone_check [label="age ≥ 60"];',
      'q_age -> q_weight [label="otherwise"];',
      'q_weight -> q_heavy_work [label="not weight < 50.5"];',
      'q_weight -> q_bone_check [label="otherwise"];',
      'q_heavy_work -> q_lifting [label="heavy_work answered"];',
      'q_heavy_work -> q_bone_check [label="otherwise"];',
      'q_lifting -> q_bone_check [label="not lifting = people"];',
      'q_lifting -> q_bone_check [label="otherwise"];',
      'q_bone_check -> q_never_asked [label="never"];',
      'q_bone_check -> END [label="not bone_check = yes"];',
      'q_bone_check -> q_scan_result [label="otherwise"];',
      'q_scan_result -> END;',
      'q_never_asked -> END;',
      'r0 -> o_see [penwidth=2];',
    ]);
  });

  it('Mermaid escapes "<" in a label', async () => {
    const r = await runCli(['graph', BRANCH_KINDS]);
    expect(r.stdout).toContain('q_weight -->|"not weight #lt; 50.5"| q_heavy_work');
  });

  it('nested and/or in brackets, not answered, a missing answer, always', async () => {
    const r = await runCli(['graph', 'nested.yaml', '--format', 'dot'], { cwd: dir });
    expect(edges(r.stdout).slice(0, 4)).toEqual([
      'q_a -> q_c [label="a = yes and (b = yes or c ≤ 3)"];',
      'q_a -> q_b [label="b not answered"];',
      'q_a -> END [label="a required answer missing"];',
      'q_a -> q_b [label="always"];',
    ]);
  });
});
