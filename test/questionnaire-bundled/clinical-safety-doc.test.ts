/**
 * docs/clinical-safety.md names the tests that prove each control. Those names must stay real:
 * every test file, fixture, case id and vignette id it mentions exists, and every test title it
 * quotes after a test file is (part of) a title in that file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCases } from '../../src/cases/load.js';
import { OWN_CASES, ROOT, SHOWN, VIGNETTES } from './bundled-paths.js';

const doc = readFileSync(join(ROOT, 'docs/clinical-safety.md'), 'utf8');

/** The text of every `**Tests:**` item, joined into one line each. */
const testsItems: string[] = doc
  .split(/\n(?=- \*\*|### |## )/)
  .filter((block) => block.startsWith('- **Tests:**'))
  .map((block) => block.replace(/\s*\n\s*/g, ' '));

/** Every file under test/, by repository-relative path. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(`${dir}/${e.name}`) : [`${dir}/${e.name}`],
  );
}
const testFiles = filesUnder('test');

/** A backticked file name as the log writes it: a repository path, or a bare name under test/. */
function resolveFile(name: string): string[] {
  return name.includes('/') ? testFiles.filter((f) => f === name) : testFiles.filter((f) => basename(f) === name);
}

let caseIds: string[] = [];
let vignetteIds: string[] = [];
beforeAll(async () => {
  caseIds = (await loadCases(OWN_CASES, SHOWN.ownCases)).cases.map((c) => c.id);
  vignetteIds = (await loadCases(VIGNETTES, SHOWN.vignettes)).cases.map((c) => c.id);
});

describe('docs/clinical-safety.md names real tests', () => {
  it('has a Tests item for most hazards', () => {
    expect(testsItems.length).toBeGreaterThanOrEqual(15);
  });

  it('names test files and fixtures that exist', () => {
    const named = testsItems.flatMap((t) => [...t.matchAll(/`([\w./-]+\.(?:ts|yaml))`/g)].map((m) => m[1] as string));
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((n) => resolveFile(n).length !== 1)).toEqual([]);
  });

  it('quotes test titles that are in the file it names', () => {
    const missing: string[] = [];
    let quoted = 0;
    for (const t of testsItems) {
      for (const m of t.matchAll(/`([\w./-]+\.test\.ts)` \(/g)) {
        const [file] = resolveFile(m[1] as string);
        if (!file) continue; // reported by the test above
        const source = readFileSync(join(ROOT, file), 'utf8').replace(/\\'/g, "'");
        for (const title of titlesAfter(t, (m.index ?? 0) + m[0].length)) {
          quoted++;
          const want = title.replace(/\s*…$/, '');
          if (!source.includes(want)) missing.push(`${file}: "${title}"`);
        }
      }
    }
    expect(quoted).toBeGreaterThan(15);
    expect(missing).toEqual([]);
  });

  it('names case ids of test/cases/sciatica-massage.cases.yaml that exist', () => {
    const named = testsItems.flatMap((t) => [...t.matchAll(/`([a-z0-9-]+\.[a-z0-9*/-]+)`/g)].map((m) => m[1] as string));
    expect(named.length).toBeGreaterThan(20);
    const unknown = named
      .filter((n) => !/\.(ts|yaml)$/.test(n))
      .flatMap((n) => {
        // `rule.fires-yes/-unsure` names two cases; `rule.*` any case of the rule.
        const [first, ...alternatives] = n.split('/');
        const stem = (first as string).replace(/-[a-z0-9]+$/, '');
        const ids = [first as string, ...alternatives.map((a) => `${stem}${a}`)];
        return ids.filter((id) => (id.endsWith('*') ? !caseIds.some((c) => c.startsWith(id.slice(0, -1))) : !caseIds.includes(id)));
      });
    expect(unknown).toEqual([]);
  });

  it('names vignettes that exist', () => {
    const named = [...doc.matchAll(/\b([EUSM]\d\d)\b/g)].map((m) => m[1] as string);
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((n) => !vignetteIds.some((v) => v.startsWith(`${n}-`)))).toEqual([]);
  });
});

/** The "quoted" strings inside the parenthesis that starts at `from` (quotes may hold parentheses). */
function titlesAfter(text: string, from: number): string[] {
  const titles: string[] = [];
  let depth = 1;
  let inQuote = false;
  let start = 0;
  for (let i = from; i < text.length && depth > 0; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (inQuote) titles.push(text.slice(start, i));
      else start = i + 1;
      inQuote = !inQuote;
    } else if (!inQuote && ch === '(') depth++;
    else if (!inQuote && ch === ')') depth--;
  }
  return titles;
}
