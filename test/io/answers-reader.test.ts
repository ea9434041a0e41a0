/**
 * The one answers reader (src/io/answers-file.ts readAnswersText), used by evaluate, --resume and
 * every batch record. Its fast path (JSON.parse, then a count of keys) must refuse exactly what
 * the full scan refuses: a repeated key however it is written, deep nesting.
 */
import { describe, expect, it } from 'vitest';
import { findJsonError, readAnswersText } from '../../src/io/answers-file.js';

describe('readAnswersText', () => {
  it.each([
    ['{"age":40,"age":41}', 'column 11'],
    ['{"id":"a:b","x":1,"x":2}', 'a colon inside a string does not hide it'],
    ['{"id":"a\\":b","x":1,"x":2}', 'nor an escaped quote before a colon'],
    ['{"a":{"k":1},"b":{"k":1,"k":2}}', 'nested'],
    ['[{"k":1,"k":2}]', 'inside an array'],
    ['{"\\u0061":1,"a":2}', 'written with an escape'],
  ])('refuses a repeated key: %s (%s)', (text) => {
    const r = readAnswersText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/appears twice in the same object$/);
    expect(r).toEqual({ ok: false, error: findJsonError(text) });
  });

  it.each(['{"id":"a:b","x":1}', '{"k":"\\\\","l":":"}', '{"a":[1,{"b":{"c":":"}}]}', '{}', '[]', '"x"', '1e400'])('accepts %s as JSON.parse reads it', (text) => {
    expect(readAnswersText(text)).toEqual({ ok: true, doc: JSON.parse(text) as unknown, keys: expect.any(Number) as number });
  });

  it.each([
    ['{}', 0],
    ['"x"', 0],
    ['{"id":"a:b","x":1}', 2],
    ['{"a":[1,{"b":{"c":":"}}]}', 3],
    ['{"questionnaire":"q","answers":{"fever":"no","age":40}}', 4],
  ])('counts the keys of %s at every depth (%i): batch refuses a record with too many from it', (text, keys) => {
    expect(readAnswersText(text)).toMatchObject({ ok: true, keys });
  });

  it('refuses nesting deeper than 200 levels with the full scan\'s message', () => {
    const deep = `${'['.repeat(250)}${']'.repeat(250)}`;
    const r = readAnswersText(deep);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('nested too deeply');
  });

  it('a syntax error gives the full scan\'s message and place', () => {
    expect(readAnswersText('{"a":1,}')).toEqual({ ok: false, error: { offset: 7, line: 1, col: 8, message: 'trailing comma before "}"' } });
  });
});
