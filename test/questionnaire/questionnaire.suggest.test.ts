/** "Did you mean": which candidate a typo is matched to, and when none is offered. */
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/questionnaire/suggest.js';

describe('did you mean', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect([editDistance('kitten', 'sitting'), editDistance('sadle', 'saddle'), editDistance('gtee', 'gte'), editDistance('nigth', 'night'), editDistance('', 'end'), editDistance('end', 'end')]).toEqual([3, 1, 1, 1, 3, 0]);
  });

  it('offers the closest candidate, the earlier one on a tie, and nothing for a word too far off', () => {
    expect(didYouMean('sadle_numbness', ['bladder_change', 'saddle_numbness'])).toBe(' (did you mean "saddle_numbness"?)');
    expect(didYouMean('ned', ['leg_pain', 'end'])).toBe(' (did you mean "end"?)');
    expect(didYouMean('fevr', ['fear', 'fever'])).toBe(' (did you mean "fear"?)');
    expect(didYouMean('weight_loss', ['fever', 'leg_pain'])).toBe('');
    expect(didYouMean('x'.repeat(500), ['x'])).toBe('');
  });

  // The timeout is a hang guard (a quadratic or worse hint would not end), not a speed target:
  // those are in bench/.
  it('ends on a hostile file full of unknown keys, with no hint where none is near', { timeout: 20_000 }, () => {
    const keys = ['id', 'version', 'title', 'description', 'start', 'questions', 'rules', 'outcomes', 'cautions', 'sources'];
    const hints = new Set<string>();
    for (let i = 0; i < 60_000; i++) hints.add(didYouMean(`k${i}`, keys));
    expect([...hints]).toEqual(['']);
  });
});
