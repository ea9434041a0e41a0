/**
 * The bundled questionnaire as a file: it loads with no error and passes the linter's safety
 * proof, it uses exactly the public ids and values of DICTIONARY.md, its outcomes and cautions
 * are the dictionary's, every rule is traceable to a defined source, and its advice says what
 * the issue requires in words a user reads.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseQuestionnaire } from '../../src/questionnaire/load.js';
import type { Question, Questionnaire } from '../../src/questionnaire/model.js';
import { runCli } from '../helpers/run-cli.js';
import { BUNDLED, DICTIONARY, SHOWN } from './bundled-paths.js';

let q: Questionnaire;
const text = readFileSync(BUNDLED, 'utf8');

beforeAll(() => {
  const parsed = parseQuestionnaire(text, SHOWN.bundled);
  if (!parsed.questionnaire) throw new Error(parsed.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('\n'));
  q = parsed.questionnaire;
});

interface DictionaryRow {
  id: string;
  type: string;
  values: string;
  kind: string;
}

/** The first table of DICTIONARY.md: `| id | type | values | asks about | kind |`. */
function dictionaryRows(): DictionaryRow[] {
  const md = readFileSync(DICTIONARY, 'utf8');
  const table = md.slice(md.indexOf('| id | type |'), md.indexOf('## Dispositions'));
  return table
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| id ') && !l.startsWith('|---'))
    .map((l) => {
      const [id, type, values, , kind] = l.split('|').slice(1, -1).map((c) => c.trim());
      return { id: id as string, type: type as string, values: values as string, kind: kind as string };
    });
}

/** The ids of a later `| id | meaning |` table of DICTIONARY.md, in order. */
function dictionaryIds(heading: string): string[] {
  const md = readFileSync(DICTIONARY, 'utf8');
  const start = md.indexOf(heading);
  const rest = md.slice(start);
  const end = rest.indexOf('\n\n', rest.indexOf('|---'));
  return rest
    .slice(0, end === -1 ? undefined : end)
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| id ') && !l.startsWith('|---'))
    .map((l) => (l.split('|')[1] as string).trim());
}

function question(id: string): Question {
  const found = q.questions.find((x) => x.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

describe('the bundled questionnaire loads and lints clean', () => {
  it('starts with the schema modeline and has the id and version of the issue', () => {
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/questionnaire.schema.json');
    expect(q.id).toBe('sciatica-massage');
    expect(q.version).toBe('1.0.0');
  });

  it('has no errors or warnings; the only note is the declared skip of "which leg"', () => {
    const parsed = parseQuestionnaire(text, SHOWN.bundled);
    const notes = parsed.problems.map((p) => `${p.severity} ${p.code} ${p.line}:${p.col}`);
    // The note points at the `red_flag:` of "which leg" (pain_side).
    const lines = text.split('\n');
    const redFlagLine = lines.findIndex((l, i) => l === '    red_flag:' && i > lines.indexOf('  - id: pain_side')) + 1;
    expect(notes).toEqual([`info info.declared-skip ${redFlagLine}:5`]);
  });

  it('passes validate (with the safety proof) from the command line', async () => {
    const r = await runCli(['validate', SHOWN.bundled]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`ok ${SHOWN.bundled}: 31 questions, ${q.rules.length} rules, 4 outcomes\n`);
    expect(r.stderr).not.toMatch(/error|warning/);
  });
});

describe('the public interface of DICTIONARY.md', () => {
  it('asks exactly the dictionary questions, no more, no fewer', () => {
    expect(q.questions.map((x) => x.id).sort()).toEqual(dictionaryRows().map((r) => r.id).sort());
  });

  it.each(dictionaryRows())('$id has the dictionary type and values', (row) => {
    const qq = question(row.id);
    expect(qq.type).toBe(row.type);
    const listed = row.values.split(',').map((v) => v.trim());
    switch (qq.type) {
      case 'yesno':
        expect(qq.unsure).toBe(listed.includes('unsure'));
        expect(listed.filter((v) => v !== 'unsure')).toEqual(['yes', 'no']);
        break;
      case 'choice':
      case 'multi':
        expect(qq.options.map((o) => o.value)).toEqual(listed.filter((v) => v !== 'unsure'));
        expect(qq.unsure).toBe(listed.includes('unsure'));
        break;
      case 'number':
      case 'scale': {
        const m = /^(\d+)–(\d+)/.exec(row.values);
        expect(m).not.toBeNull();
        expect([qq.min, qq.max]).toEqual([Number(m?.[1]), Number(m?.[2])]);
        expect(qq.unsure).toBe(false);
        break;
      }
      default: {
        const never: never = qq;
        throw new Error(`unexpected ${String(never)}`);
      }
    }
  });

  it.each(dictionaryRows())('$id is a red-flag question exactly when the dictionary says so', (row) => {
    expect(question(row.id).redFlag !== undefined).toBe(row.kind.includes('red flag'));
  });

  it('marks the red-flag values of NOTES.md: both legs; severe or worsening (or unsure) weakness', () => {
    expect(question('pain_side').redFlag).toMatchObject({ category: 'cauda_equina', values: ['both_legs'] });
    expect(question('pain_side').redFlag?.skipReason).toMatch(/leg pain|below the knee/);
    expect(question('leg_weakness').redFlag?.values).toEqual(['severe_or_worsening', 'unsure']);
    expect(question('saddle_numbness').redFlag?.values).toEqual(['yes', 'unsure']);
  });

  it('makes only the four comfort questions optional (NOTES section 1)', () => {
    expect(q.questions.filter((x) => !x.required).map((x) => x.id)).toEqual(['numbness_leg', 'skin_problem', 'varicose_veins', 'scent_sensitivity']);
  });

  it('asks the red flags early: right after the leg-pain questions, cauda equina first', () => {
    const order = q.questions.map((x) => x.id);
    expect(order.slice(0, 6)).toEqual(['leg_pain', 'pain_side', 'saddle_numbness', 'bladder_change', 'bowel_change', 'sexual_dysfunction']);
    const lastRedFlag = Math.max(...q.questions.flatMap((x, i) => (x.redFlag ? [i] : [])));
    const firstOther = order.indexOf('age');
    expect(lastRedFlag).toBeLessThan(firstOther);
  });

  it('has the dictionary dispositions, most urgent first, and only the emergency stops the interview', () => {
    expect(q.outcomes.map((o) => o.id)).toEqual(dictionaryIds('## Dispositions'));
    expect(q.outcomes.map((o) => o.stop)).toEqual([true, false, false, false]);
  });

  it('has exactly the dictionary cautions', () => {
    expect(q.cautions.map((c) => c.id).sort()).toEqual(dictionaryIds('## Cautions').sort());
  });
});

describe('every rule is traceable to a source in one step', () => {
  it('cites only defined sources, each with a section, and every source is cited', () => {
    const defined = new Set(q.sources.map((s) => s.id));
    for (const r of q.rules) {
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      for (const s of r.sources) expect(defined.has(s), `${r.id} cites ${s}`).toBe(true);
    }
    const cited = new Set(q.rules.flatMap((r) => r.sources));
    expect(q.sources.filter((s) => !cited.has(s.id)).map((s) => s.id)).toEqual([]);
    for (const s of q.sources) expect(s.section, s.id).toBeTruthy();
  });

  it('says in the note when a source was read only as a secondary copy', () => {
    const secondary = q.sources.filter((s) => /\.(de|co\.za|com|ie)\b|docslib|wikimsk|gpreasoning|ausdoc/.test(s.url ?? '') && !/nice\.org|nhs\.uk|macmillan/.test(s.url ?? ''));
    expect(secondary.length).toBeGreaterThan(5);
    for (const s of secondary) expect(s.note, s.id).toMatch(/[Ss]econdary/);
  });

  it('names each design-choice threshold as this tool\'s choice in the rule\'s reason', () => {
    const reason = (id: string): string => q.rules.find((r) => r.id === id)?.reason ?? '';
    expect(reason('age-50-unassessed')).toMatch(/this tool's cautious choice/);
    expect(reason('pain-severe')).toMatch(/this tool's choice/);
    expect(reason('ces-alternating')).toMatch(/this tool's cautious choice/);
    expect(reason('cancer-history')).toMatch(/this tool's cautious choice/);
    expect(reason('infection-injecting')).toMatch(/this tool's cautious choice/);
  });
});

describe('the advice a person reads', () => {
  const advice = (id: string): string => q.outcomes.find((o) => o.id === id)?.advice ?? '';

  it('tells an emergency what to do, not only how urgent it is', () => {
    expect(advice('emergency')).toContain('Go to A&E now or call 999 (911 in the US, 112 in the EU)');
    expect(q.outcomes[0]?.title).toBe('Go to A&E now or call 999');
  });

  it('says what massage can and cannot do, without overstating it (NOTES section 5)', () => {
    const a = advice('massage_ok');
    expect(a).toMatch(/can ease tense muscles and may ease pain for a while/);
    expect(a).toMatch(/does not treat the cause/);
    expect(a).toMatch(/evidence that it helps is modest/);
    expect(a).toMatch(/Deep tissue massage is only suitable if none of the cautions/);
    expect(a).toMatch(/What to tell the therapist/);
    expect(a).toMatch(/soreness for a day or two is common/);
    expect(a).toMatch(/Go to A&E or call 999/);
    const userFacing = [...q.questions.flatMap((x) => [x.text, x.help ?? '']), ...q.rules.map((r) => r.reason), ...q.outcomes.map((o) => o.advice), ...q.cautions.map((c) => c.text)];
    for (const t of userFacing) expect(t).not.toMatch(/as well as painkillers|as effective as|\bcures?\b|\btreats? (your )?sciatica\b/i);
  });

  it('keeps question texts short enough to take in at first reading', () => {
    for (const x of q.questions) {
      const sentences = x.text.split(/(?<=[.?!])\s+/);
      for (const s of sentences) expect(s.split(/\s+/).length, `${x.id}: ${s}`).toBeLessThanOrEqual(30);
    }
  });
});
