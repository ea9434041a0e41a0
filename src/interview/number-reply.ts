/**
 * What a typed reply to a number or scale question means. Shared by every prompter so the same
 * words mean the same thing everywhere: `b`/`back` goes back, an empty line skips an optional
 * question, "not sure" is `unsure` where offered, numbers must be in range (whole for scales
 * and integer questions). A decimal comma is accepted ("7,5").
 */
import { UNSURE, type NumberQuestion, type ScaleQuestion } from '../questionnaire/model.js';
import type { Reply } from './prompter.js';

const BACK_WORDS = new Set(['b', 'back']);
const SKIP_WORDS = new Set(['skip', 's']);
const UNSURE_WORDS = new Set(['not sure', 'unsure', 'dont know', "don't know", 'not_sure', '?']);

/** A reply, or the one-line message explaining why the text is not an answer. */
export function parseNumberReply(q: NumberQuestion | ScaleQuestion, raw: string): Reply<number | string> | string {
  const text = raw.trim().toLowerCase();
  if (BACK_WORDS.has(text)) return { kind: 'back' };
  if (text === '' || SKIP_WORDS.has(text)) {
    return q.required ? 'This question needs an answer: please type a number' : { kind: 'answer', value: null };
  }
  if (UNSURE_WORDS.has(text)) {
    return q.unsure && q.type === 'number' ? { kind: 'answer', value: UNSURE } : 'Please type a number';
  }
  const value = Number(text.replace(',', '.'));
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return `Please type a number${rangeText(q)}`;
  // A number too big for a double (hundreds of digits) is still a number: out of range, not "not a number".
  if (!Number.isFinite(value)) return value > 0 ? outOfRange(q, 'max') : outOfRange(q, 'min');
  const whole = q.type === 'scale' || q.integer;
  if (whole && !Number.isInteger(value)) return `Please type a whole number${rangeText(q)}`;
  if (q.min !== undefined && value < q.min) return `The lowest possible answer is ${q.min}`;
  if (q.max !== undefined && value > q.max) return `The highest possible answer is ${q.max}`;
  return { kind: 'answer', value };
}

function outOfRange(q: NumberQuestion | ScaleQuestion, side: 'min' | 'max'): string {
  if (side === 'max' && q.max !== undefined) return `The highest possible answer is ${q.max}`;
  if (side === 'min' && q.min !== undefined) return `The lowest possible answer is ${q.min}`;
  return `That number is too ${side === 'max' ? 'big' : 'small'}${rangeText(q) ? `: please type a number${rangeText(q)}` : ''}`;
}

function rangeText(q: NumberQuestion | ScaleQuestion): string {
  if (q.min !== undefined && q.max !== undefined) return ` from ${q.min} to ${q.max}`;
  if (q.min !== undefined) return ` of at least ${q.min}`;
  if (q.max !== undefined) return ` of at most ${q.max}`;
  return '';
}

/** The hint under a number or scale question: the range, the anchors, and the words that work. */
export function numberHint(q: NumberQuestion | ScaleQuestion, canGoBack: boolean, fromReview: boolean, sep = ' · '): string[] {
  const lines: string[] = [];
  if (q.type === 'scale') {
    const anchors = Object.entries(q.anchors)
      .map(([k, v]) => [Number(k), v] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([k, v]) => `${k} = ${v}`);
    if (anchors.length > 0) lines.push(anchors.join(sep));
  }
  const what = q.type === 'scale' || q.integer ? 'a whole number' : 'a number';
  const range = rangeText(q);
  const unit = q.type === 'number' && q.unit ? ` (${q.unit})` : '';
  const extras: string[] = [];
  if (q.type === 'number' && q.unsure) extras.push('"not sure"');
  if (!q.required) extras.push('press Enter to skip');
  if (canGoBack) extras.push(fromReview ? 'b to return to the review' : 'b to go back');
  lines.push(`Type ${what}${range}${unit}${extras.length ? `, or ${joinOr(extras)}` : ''}:`);
  return lines;
}

function joinOr(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
