import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { renderResultText } from '../../src/report/text.js';
import { buildQuestionnaire } from '../helpers/build-questionnaire.js';
import { calm, mini } from './mini-questionnaire.js';

const strip = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('renderResultText', () => {
  it('writes the disposition in words first, then reasons with sources, cautions, missing and the notice', () => {
    const r = evaluate(mini, { ...calm, fever: 'yes', anticoagulants: 'yes', night_pain: null });
    expect(renderResultText(r, { questionnaire: mini, color: false })).toBe(
      [
        'See a doctor today',
        'Advice for urgent.',
        '',
        'Not screened',
        'You did not answer a question about a warning sign, so this result cannot rule it out:',
        '  - pain at night',
        '',
        '  because: Fever with back pain can mean infection. (your answers: fever: yes)  [NICE CKS Sciatica §Interpreting red flags]',
        '  also: Blood thinners.  [Source spencer]',
        '  also: A required answer is missing.  [NICE CKS Sciatica §Interpreting red flags]',
        '  tell your therapist: Caution gentle_pressure.  [Source spencer]',
        '  tell your therapist: Caution tell_therapist_medication.  [Source spencer]',
        '  tell your therapist: Caution stop_if_worse.  [NHS Sciatica]',
        '  not answered: pain at night',
        '',
        r.notice,
        '',
      ].join('\n'),
    );
  });

  it('leaves out the title and advice when asked (the interview has just shown them)', () => {
    const r = evaluate(mini, { ...calm, fever: 'yes' });
    const text = renderResultText(r, { questionnaire: mini, color: false, heading: false });
    expect(text.startsWith('  because: Fever with back pain can mean infection.')).toBe(true);
    expect(text).not.toContain(r.title);
    expect(text).toContain(r.notice);
  });

  it('says so when nothing raised a concern, when the questions stopped early, and what was not used', () => {
    const ok = renderResultText(evaluate(mini, { ...calm, leg_pain: 'no' }), { questionnaire: mini, color: false });
    expect(ok).toContain('  because: nothing in your answers needs a professional to check you first\n');
    expect(ok).toContain('  not used (not on your path): which leg; how bad the pain is\n');
    const stopped = renderResultText(evaluate(mini, { ...calm, saddle_numbness: 'yes' }), { questionnaire: mini, color: false });
    expect(stopped.split('\n')[0]).toBe('Go to A&E now or call 999');
    expect(stopped).toContain('  stopped early: this answer needs action now, so the remaining questions were not asked\n');
    expect(stopped).toContain('  not used (after the early stop): ');
    // An emergency carries no therapist cautions: no massage now.
    expect(stopped).not.toContain('tell your therapist:');
  });

  it('names the questions an engine safety-net reason is about', () => {
    const offPath = renderResultText(evaluate(mini, { ...calm, leg_pain: 'no', pain_side: 'both_legs' }), { questionnaire: mini, color: false });
    expect(offPath.split('\n')[0]).toBe('See a GP or physiotherapist before booking a massage');
    expect(offPath).toContain(
      '  because: A warning-sign answer was given to a question that does not apply to your other answers. The answers contradict each other, so a professional should check before any massage. (your answers: which leg: both legs)\n',
    );
    const bare = buildQuestionnaire({ questions: [{ id: 'fever', unsure: true, redFlag: 'infection' }, { id: 'saddle', redFlag: 'ces' }], rules: [], outcomes: ['see_gp', 'ok'] });
    const text = renderResultText(evaluate(bare, { fever: 'unsure' }), { questionnaire: bare, color: false });
    expect(text).toContain(
      '  because: A warning-sign question was not answered, so a serious cause cannot be ruled out without a professional. (your answers: Question saddle?: not answered)\n',
    );
    expect(text).toContain('  because: A warning-sign answer was given; it needs a professional’s assessment first. (your answers: Question fever?: not sure)\n');
  });

  it('uses colour only as emphasis: without the escapes the text is the same', () => {
    const r = evaluate(mini, { ...calm, fever: 'yes' });
    const coloured = renderResultText(r, { questionnaire: mini, color: true });
    expect(coloured).toMatch(/\u001b\[1m/);
    expect(strip(coloured)).toBe(renderResultText(r, { questionnaire: mini, color: false }));
  });

  it('wraps long lines to the width with a hanging indent', () => {
    const r = evaluate(mini, calm);
    const text = renderResultText(r, { questionnaire: mini, color: false, width: 50 });
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(50);
    expect(text).toContain('\n    ');
    expect(text.replace(/\s+/g, ' ')).toBe(renderResultText(r, { questionnaire: mini, color: false }).replace(/\s+/g, ' '));
  });
});

describe('renderResultText with paragraphs', () => {
  it('keeps each paragraph of the advice apart, with a blank line between, when wrapping', () => {
    const r = { ...evaluate(mini, calm), advice: 'First paragraph.\nSecond paragraph is here.' };
    const lines = renderResultText(r, { questionnaire: mini, color: false, width: 80 }).split('\n');
    expect(lines.slice(0, 5)).toEqual([r.title, 'First paragraph.', '', 'Second paragraph is here.', '']);
  });
});
