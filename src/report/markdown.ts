/**
 * The handout as Markdown, for pasting into a message or a notes app: the same content as the
 * HTML page (./html.ts), in the same order. Text from the questionnaire or the answers is
 * HTML-escaped (`&`, `<`, `>`: Markdown passes raw HTML through) and the Markdown punctuation that
 * can start markup inside a line (`\ ` * _ [ ] | ~`) is backslash-escaped, so an answer can inject
 * neither markup nor a link. Every such text sits after a marker (`# `, `- `, `| `, `**`), never at
 * the start of a line, so line-start syntax (`#`, `-`, `1.`) needs no escape. Links are made only for
 * http(s) URLs.
 */
import type { Citation } from '../engine/result.js';
import { NOTHING_FOUND, SHOW_THE_STAFF, safeUrl, type Handout, type HandoutAnswer, type HandoutReason } from './handout.js';

/** Plain text made inert in Markdown (and in the HTML a Markdown renderer produces). One line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A URL inside `(…)` of a Markdown link: no spaces, parentheses or angle brackets left raw. */
function linkTarget(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function citation(c: Citation): string {
  const url = safeUrl(c.url);
  const title = escapeMarkdown(c.title);
  const parts = [url === undefined ? title : `[${title}](${linkTarget(url)})`];
  if (c.section !== undefined) parts.push(`section: ${escapeMarkdown(c.section)}`);
  parts.push(escapeMarkdown(c.publisher) + (c.year === undefined ? '' : ` (${c.year})`));
  return parts.join(', ');
}

function sources(list: readonly Citation[], indent: string): string[] {
  if (list.length === 0) return [];
  return [`${indent}${list.length === 1 ? 'Source' : 'Sources'}: ${list.map(citation).join('; ')}`];
}

function firedOn(answers: readonly HandoutAnswer[], indent: string): string[] {
  if (answers.length === 0) return [];
  return [`${indent}Because of: ${answers.map((a) => `${escapeMarkdown(a.label)}: **${escapeMarkdown(a.words)}**`).join('; ')}`];
}

function reasonItem(r: HandoutReason, marker: string): string[] {
  const indent = ' '.repeat(marker.length + 1);
  // Lines of one list item are joined by a hard break (two spaces) so they stay separate lines.
  const lines = [`${marker} ${escapeMarkdown(r.text)}`, ...firedOn(r.answers, indent), ...sources(r.sources, indent)];
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}  ` : l));
}

export function renderHandoutMarkdown(h: Handout): string {
  const out: string[] = [];
  if (h.emergency) out.push(`**${SHOW_THE_STAFF.toUpperCase()}**`, '');
  out.push(`# ${escapeMarkdown(h.title)}`, '', `${escapeMarkdown(h.heading)} · ${escapeMarkdown(h.date)}`, '');
  for (const p of h.advice) out.push(`**${escapeMarkdown(p)}**`, '');
  if (h.adviceSources.length > 0) out.push(...sources(h.adviceSources, ''), '');

  out.push('## Why', '');
  if (h.reasons.length === 0) out.push(NOTHING_FOUND, '');
  else {
    h.reasons.forEach((r, i) => out.push(...reasonItem(r, `${i + 1}.`)));
    out.push('');
  }
  if (h.stoppedEarly) out.push('This answer needs action now, so the remaining questions were not asked.', '');
  if (h.alsoNoted.length > 0) {
    out.push('### Also noted', '');
    for (const r of h.alsoNoted) out.push(...reasonItem(r, '-'));
    out.push('');
  }

  if (!h.emergency && h.cautions.length > 0) {
    out.push('## For the massage therapist', '', 'Please tick each point once you have read it and taken it into account.', '');
    for (const c of h.cautions) {
      // By title only: the reasons above cite them in full.
      const pages = c.sources.filter((s, i) => c.sources.findIndex((d) => d.title === s.title && d.url === s.url) === i);
      const titles = pages.map((s) => {
        const url = safeUrl(s.url);
        return url === undefined ? escapeMarkdown(s.title) : `[${escapeMarkdown(s.title)}](${linkTarget(url)})`;
      });
      const lines = [`- [ ] ${escapeMarkdown(c.text)}`, ...(titles.length === 0 ? [] : [`      ${titles.length === 1 ? 'Source' : 'Sources'}: ${titles.join('; ')}`])];
      out.push(...lines.map((l, i) => (i < lines.length - 1 ? `${l}  ` : l)));
    }
    out.push('');
  }

  out.push('## The answers given', '');
  if (h.answers.length === 0) out.push('No answers were given.', '');
  else {
    out.push('| Question | Answer |', '| --- | --- |');
    for (const a of h.answers) out.push(`| ${escapeMarkdown(a.label)} | ${escapeMarkdown(a.words)} |`);
    out.push('');
  }

  out.push('## Not answered', '');
  if (h.notAnswered.length === 0) out.push('Every question asked was answered.', '');
  else {
    for (const n of h.notAnswered) out.push(`- ${escapeMarkdown(n.label)}${n.redFlag === undefined ? '' : ` — **not screened** (a red-flag question: ${escapeMarkdown(n.redFlag)})`}`);
    out.push('');
  }

  out.push(
    '## About this handout',
    '',
    `- Date: ${escapeMarkdown(h.date)}`,
    `- Questionnaire: ${escapeMarkdown(h.questionnaire.id)}, version ${escapeMarkdown(h.questionnaire.version)}`,
    `- SHA-256: \`${h.questionnaire.sha256.replace(/[^0-9a-f]/gi, '')}\``,
    `- Result: ${escapeMarkdown(h.disposition)}`,
    '',
    `> ${escapeMarkdown(h.notice)}`,
  );
  return `${out.join('\n')}\n`;
}
