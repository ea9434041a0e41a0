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
      // "(1.1)" after a value marks it as added in version 1.1.0; it is not part of the value.
      return { id: id as string, type: type as string, values: (values as string).replace(/\s*\(1\.1\)/g, ''), kind: kind as string };
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
    expect(q.version).toBe('1.1.0');
  });

  it('has no errors or warnings; the only notes are the declared skips of the follow-up questions', () => {
    const parsed = parseQuestionnaire(text, SHOWN.bundled);
    const notes = parsed.problems.map((p) => `${p.severity} ${p.code} ${p.line}:${p.col}`);
    // Each note points at the `red_flag:` of a question that declares why some paths skip it.
    const lines = text.split('\n');
    const redFlagLine = (id: string): number => lines.findIndex((l, i) => l === '    red_flag:' && i > lines.indexOf(`  - id: ${id}`)) + 1;
    const skipping = q.questions.filter((x) => x.redFlag?.skipReason !== undefined).map((x) => x.id);
    expect(skipping).toEqual(['pain_side', 'bilateral_onset', 'sepsis_signs', 'cancer_active', 'strain_pain', 'serious_accident']);
    expect(notes).toEqual(skipping.map((id) => `info info.declared-skip ${redFlagLine(id)}:5`));
  });

  it('passes validate (with the safety proof) from the command line', async () => {
    const r = await runCli(['validate', SHOWN.bundled]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`ok ${SHOWN.bundled}: ${q.questions.length} questions, ${q.rules.length} rules, ${q.outcomes.length} outcomes\n`);
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

  it('marks the red-flag values of NOTES.md: both legs; the onset tiers; severe or worsening (or unsure) weakness', () => {
    expect(question('pain_side').redFlag).toMatchObject({ category: 'cauda_equina', values: ['both_legs'] });
    expect(question('pain_side').redFlag?.skipReason).toMatch(/leg_pain or thigh_pain/);
    // longer_checked is the one tier that is not a red flag (NOTES 8.2: see_professional_first).
    expect(question('bilateral_onset').redFlag?.values).toEqual(['recent', 'longer_not_checked', 'unsure']);
    // severe_stable_checked (an old, examined weakness) is not a red flag (NOTES 8.5).
    expect(question('leg_weakness').redFlag?.values).toEqual(['severe_or_worsening', 'unsure']);
    expect(question('saddle_numbness').redFlag?.values).toEqual(['yes', 'unsure']);
    expect(question('cancer_history').redFlag?.values).toEqual(['yes', 'unsure']);
  });

  it('makes only the three comfort questions optional (NOTES section 1; numbness_leg is required from 1.1.0, NOTES 8.4)', () => {
    expect(q.questions.filter((x) => !x.required).map((x) => x.id)).toEqual(['skin_problem', 'varicose_veins', 'scent_sensitivity']);
  });

  it('asks where the pain goes, then the cauda equina questions, and every red flag before the questions about the person', () => {
    const order = q.questions.map((x) => x.id);
    expect(order.slice(0, 11)).toEqual([
      'leg_pain',
      'thigh_pain',
      'pain_side',
      'bilateral_neuro',
      'bilateral_onset',
      'saddle_numbness',
      'bladder_change',
      'bowel_change',
      'sexual_dysfunction',
      'walking_difficulty',
      'previous_ces',
    ]);
    const lastRedFlag = Math.max(...q.questions.flatMap((x, i) => (x.redFlag ? [i] : [])));
    const firstOther = order.indexOf('age');
    expect(lastRedFlag).toBeLessThan(firstOther);
  });

  it('asks each follow-up question right after the answer that brings it, and skips it otherwise', () => {
    const order = q.questions.map((x) => x.id);
    const after = (id: string): string | undefined => order[order.indexOf(id) - 1];
    expect(after('thigh_pain')).toBe('leg_pain');
    expect(after('bilateral_onset')).toBe('bilateral_neuro');
    expect(after('sepsis_signs')).toBe('fever');
    expect(after('cancer_active')).toBe('cancer_history');
    expect(after('strain_pain')).toBe('cancer_active');
    expect(after('serious_accident')).toBe('trauma');
    // Every follow-up declares why other paths skip it; nothing else is skipped.
    expect(q.questions.filter((x) => x.redFlag?.skipReason !== undefined).map((x) => x.id).sort()).toEqual(
      ['bilateral_onset', 'cancer_active', 'pain_side', 'sepsis_signs', 'serious_accident', 'strain_pain'],
    );
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
    expect(reason('age-under-20')).toMatch(/this tool's choice/);
    expect(reason('previous-ces')).toMatch(/this tool's cautious choice/);
    expect(reason('immune-weakened-with-warning-sign')).toMatch(/this tool's cautious choice/);
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
    expect(a).toMatch(/Start gentle/);
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

describe('the revision of NOTES.md section 8, in the words a person reads', () => {
  const advice = (id: string): string => q.outcomes.find((o) => o.id === id)?.advice ?? '';
  const rule = (id: string): Questionnaire['rules'][number] => {
    const found = q.rules.find((r) => r.id === id);
    if (!found) throw new Error(`no rule ${id}`);
    return found;
  };

  it('never says "routine" in a rule reason or an outcome advice (a result may be shown with warning signs unanswered)', () => {
    for (const r of q.rules) expect(r.reason, r.id).not.toMatch(/routine/i);
    for (const o of q.outcomes) expect(o.advice, o.id).not.toMatch(/routine/i);
  });

  it('gives the NHS 999 list in every non-emergency advice (NOTES 8 intro)', () => {
    for (const id of ['urgent', 'see_professional_first', 'massage_ok']) {
      const a = advice(id).replace(/\s+/g, ' ');
      expect(a, id).toContain('Go to A&E or call 999');
      for (const sign of ['numbness in both legs', 'genitals', 'difficulty peeing', 'loss of bladder or bowel control', 'erection', 'difficulty walking', 'chest pain']) {
        expect(a, `${id}: ${sign}`).toContain(sign);
      }
    }
  });

  it('tells a person with cancer to call their cancer team\'s 24-hour line first, in every cancer rule, each with light pressure', () => {
    const cancerRules = q.rules.filter((r) => r.outcome !== undefined && JSON.stringify(r.when).includes('"cancer_history"'));
    expect(cancerRules.map((r) => r.id)).toEqual(['cancer-nerve-signs', 'cancer-suggestive-pain', 'cancer-active-nerve-pain', 'cancer-history']);
    for (const r of cancerRules) {
      expect(r.reason.replace(/\s+/g, ' '), r.id).toMatch(/cancer team with a 24-hour line \(acute oncology\), call it first/);
      expect(r.cautions, r.id).toContain('gentle_pressure');
    }
  });

  it('does not read as permission for deep tissue work in the massage_ok advice (NOTES 8.5)', () => {
    const a = advice('massage_ok').replace(/\s+/g, ' ');
    expect(a).not.toMatch(/deep tissue/i);
    expect(a).toMatch(/a gentle massage/);
    expect(a).toMatch(/firm pressure on an irritated nerve can make the pain worse/);
  });

  it('cites only the NHS and NICE NG59 for the stop-if-worse caution (NOTES 8.5)', () => {
    const cited = rule('stop-if-worse').sources.map((id) => q.sources.find((s) => s.id === id));
    expect(cited.map((s) => s?.publisher)).toEqual(['NHS (nhs.uk)', 'NHS (nhs.uk)', 'National Institute for Health and Care Excellence (NICE)']);
    expect(cited.map((s) => s?.id)).toContain('nice-ng59-manual-therapy');
  });

  it('asks the four cauda equina questions about what is new, different or worse, not about when the pain began (NOTES 8.3)', () => {
    for (const id of ['saddle_numbness', 'bladder_change', 'bowel_change', 'sexual_dysfunction']) {
      const words = `${question(id).text} ${question(id).help ?? ''}`.replace(/\s+/g, ' ');
      expect(words, id).not.toMatch(/since this pain (started|began)/i);
      expect(words, id).toMatch(/normal for you|new or different|new trouble/);
    }
    expect(question('sexual_dysfunction').help).toMatch(/^If you have not had sex since this began, answer only about numbness\./);
  });

  it('asks about a high temperature, not "very unwell", and sepsis signs separately (NOTES 8.5, 8.1)', () => {
    expect(question('fever').text).toMatch(/high temperature.*hot and shivery/);
    expect(question('fever').text).not.toMatch(/unwell/);
    expect(question('sepsis_signs').text).toMatch(/confused.*short of breath.*blotchy, pale or blue/s);
  });

  it('counts minor trauma for people 65 or over, with thin bones or on steroid tablets (NOTES 8.5)', () => {
    const t = question('trauma').text.replace(/\s+/g, ' ');
    expect(t).toMatch(/bad fall, a road accident or a hard blow/);
    expect(t).toMatch(/65 or over, have thin bones, or take steroid tablets, also count a small fall, a strain while lifting, or back pain that started suddenly and severely/);
  });

  it('leads the calf question with the comparison between the legs, keeping tenderness (NOTES 8.5)', () => {
    expect(question('calf_swelling').text).toMatch(/^Compared with your other leg, is one calf/);
    expect(question('calf_swelling').text).toMatch(/tender/);
  });

  it('lets a person leave out a basal cell skin cancer only when sure of it (NOTES 8.4)', () => {
    const h = (question('cancer_history').help ?? '').replace(/\s+/g, ' ');
    expect(h).toMatch(/basal cell skin cancer \(a "rodent ulcer"\) that was simply cut or frozen off, but only if you are sure/);
    expect(h).toMatch(/squamous cell cancer, melanoma\) count/);
    expect(h).toMatch(/do not know which kind it was, answer Not sure/);
  });

  it('offers an old, examined severe weakness as its own answer (NOTES 8.5)', () => {
    const leg = question('leg_weakness');
    if (leg.type !== 'choice') throw new Error('leg_weakness is a choice');
    expect(leg.options.find((o) => o.value === 'severe_stable_checked')?.label).toMatch(/unchanged for at least 3 months, and a doctor has examined it/);
  });
});
