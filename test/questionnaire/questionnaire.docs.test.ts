/**
 * docs/questionnaire-language.md and docs/validate.md against the code: the complete example is
 * a valid questionnaire that uses every feature, every YAML snippet parses, every key the schema
 * knows is documented, and the table of problem codes is the loader's own.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse, parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { Condition } from '../../src/questionnaire/model.js';
import { parseQuestionnaire } from '../../src/questionnaire/load.js';
import { PROBLEM_CODES } from '../../src/questionnaire/problem-codes.js';
import { runCli } from '../helpers/run-cli.js';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const language = read('docs/questionnaire-language.md');
const validateDoc = read('docs/validate.md');
const schema = JSON.parse(read('schema/questionnaire.schema.json')) as Record<string, unknown>;

/** The fenced ```yaml blocks of a Markdown text, with the heading they sit under. */
function yamlBlocks(md: string): { heading: string; code: string }[] {
  const blocks: { heading: string; code: string }[] = [];
  let heading = '';
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#')) heading = line.replace(/^#+\s*/, '');
    if (line === '```yaml') {
      const end = lines.indexOf('```', i + 1);
      blocks.push({ heading, code: `${lines.slice(i + 1, end).join('\n')}\n` });
      i = end;
    }
  }
  return blocks;
}

const example = yamlBlocks(language).find((b) => b.heading === 'A complete example')!.code;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('docs/questionnaire-language.md', () => {
  it('has a complete example that validate accepts with the output the page states', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'screen-docs-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'example.yaml'), example);
    const r = await runCli(['validate', 'example.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ok example.yaml: 7 questions, 7 rules, 4 outcomes\n');
    expect(language).toContain('`ok example.yaml: 7 questions, 7 rules, 4 outcomes`');
    expect(r.stderr).toMatch(/^example\.yaml:\d+:\d+: info: red-flag question "pain_side" may be skipped \(declared: only asked when there is leg pain\), e\.g\. on the path saddle_numbness → leg_pain → fever → .* → end\n$/);
  });

  it('uses every question type, condition form and top-level key in that example, and the schema accepts it', () => {
    const q = parseQuestionnaire(example, 'example.yaml').questionnaire!;
    expect(new Set(q.questions.map((x) => x.type))).toEqual(new Set(['yesno', 'choice', 'multi', 'number', 'scale']));
    const kinds = new Set<string>();
    const visit = (c: Condition): void => {
      kinds.add(c.kind === 'missing' ? `missing:${c.which}` : c.kind);
      if (c.kind === 'all' || c.kind === 'any') c.of.forEach(visit);
      if (c.kind === 'not') visit(c.of);
    };
    q.rules.forEach((r) => visit(r.when));
    expect([...kinds].sort()).toEqual(['all', 'answered', 'any', 'compare', 'const', 'in', 'missing:red_flag', 'missing:required', 'not']);
    const doc = parse(example, { version: '1.2', schema: 'core' }) as Record<string, unknown>;
    expect(Object.keys(doc).sort()).toEqual(Object.keys(schema.properties as object).filter((k) => k !== '$schema').sort());
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it('has only YAML snippets that parse', () => {
    const blocks = yamlBlocks(language);
    expect(blocks.length).toBeGreaterThan(5);
    for (const b of blocks) expect(parseDocument(b.code, { version: '1.2', uniqueKeys: true }).errors.map((e) => e.message), b.code).toEqual([]);
  });

  it('documents every key the schema knows', () => {
    const keys = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'properties') Object.keys(v as object).forEach((name) => keys.add(name));
          walk(v);
        }
      }
    };
    walk(schema);
    const undocumented = [...keys].filter((k) => !language.includes(`\`${k}\``) && !new RegExp(`[{,\\[] ?${k.replace('$', '\\$')}:`).test(language));
    expect(undocumented).toEqual([]);
  });

  it('quotes the safety proof message as validate prints it', () => {
    const message = 'red-flag question "bladder_change" can be skipped on the path leg_pain → duration → end';
    expect(language).toContain(message);
    expect(read('test/fixtures/questionnaires/broken/red-flag-skipped.yaml')).toContain(`error: ${message}\n`);
  });
});

describe('docs/validate.md', () => {
  it('lists every problem code with its severity', () => {
    const rows = new Map<string, string>();
    for (const m of validateDoc.matchAll(/^\| (`[^|]+`) \| (error|warning|info)[^|]*\|/gm)) {
      for (const code of m[1]!.matchAll(/`([^`]+)`/g)) rows.set(code[1]!, m[2]!);
    }
    for (const [code, severity] of Object.entries(PROBLEM_CODES)) expect([code, rows.get(code)]).toEqual([code, severity]);
  });
});

describe('the console examples in docs/validate.md', () => {
  const fixtures = fileURLToPath(new URL('../fixtures/questionnaires/', import.meta.url));
  const sessions: { args: string[]; output: string }[] = [];
  for (const block of validateDoc.matchAll(/```console\n([\s\S]*?)```/g)) {
    for (const part of block[1]!.split(/^\$ /m).filter(Boolean)) {
      const [command, ...output] = part.split('\n');
      sessions.push({ args: command!.replace(/^sciatica-screen /, '').split(' '), output: output.join('\n') });
    }
  }

  it('are there', () => expect(sessions.length).toBeGreaterThanOrEqual(3));
  for (const { args, output } of sessions) {
    it(`print what they show: ${args.join(' ')}`, async () => {
      const r = await runCli(args, { cwd: fixtures });
      expect(r.stdout + r.stderr).toBe(output);
    });
  }
});
