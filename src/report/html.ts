/**
 * The handout as one self-contained, printable HTML page: inline CSS, no scripts, nothing fetched
 * (a Content-Security-Policy says so to the browser too), a print stylesheet for A4, sizes in
 * `rem` so it reflows at 200 % zoom, and nothing said by colour alone (it prints in greyscale).
 * Every text from the questionnaire or the answers is HTML-escaped; a source link is only made
 * for an http(s) URL. Same handout → byte-identical page.
 */
import type { Citation } from '../engine/result.js';
import { NOTHING_FOUND, SHOW_THE_STAFF, safeUrl, type Handout, type HandoutAnswer, type HandoutReason } from './handout.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; padding: 1.5rem 1rem 3rem; font-family: "DejaVu Sans", "Segoe UI", Arial, Helvetica, sans-serif; line-height: 1.5; color: #000; background: #fff; }
main { max-width: 46rem; margin: 0 auto; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.25rem 0 0.75rem; }
h2 { font-size: 1.3rem; margin: 1.75rem 0 0.5rem; border-bottom: 0.125rem solid #000; padding-bottom: 0.15rem; }
p, li, td, th, dd, dt { font-size: 1.05rem; overflow-wrap: anywhere; }
.kicker { font-size: 1rem; margin: 0; text-transform: uppercase; letter-spacing: 0.05em; }
.verdict { border: 0.3rem solid #000; padding: 1rem 1.25rem; margin: 0.75rem 0 0; }
.verdict .advice p { font-size: 1.3rem; margin: 0.5rem 0; }
.staff { font-size: 2rem; font-weight: bold; margin: 0 0 0.5rem; padding: 0.5rem 0.75rem; border: 0.3rem double #000; text-align: center; }
.emergency .verdict { border-width: 0.5rem; }
.reasons li, .cautions li { margin: 0 0 0.9rem; break-inside: avoid; page-break-inside: avoid; }
.fired-on, .sources { margin: 0.2rem 0 0; font-size: 0.95rem; }
.sources a { color: #000; text-decoration: underline; }
.url { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.85rem; overflow-wrap: anywhere; }
.cautions { list-style: none; padding-left: 0; }
.cautions li { display: flex; gap: 0.6rem; align-items: flex-start; }
.box { flex: none; font-size: 1.5rem; line-height: 1.1; }
.cautions p { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 0.0625rem solid #000; }
th { font-weight: bold; overflow-wrap: normal; }
th:last-child, td:last-child { width: 35%; }
tr { break-inside: avoid; page-break-inside: avoid; }
dl.about { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; }
dl.about dt { font-weight: bold; }
dl.about dd { margin: 0; }
.hash { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.85rem; overflow-wrap: anywhere; word-break: break-all; }
.notice { margin-top: 1.5rem; padding: 0.75rem 1rem; border: 0.125rem dashed #000; font-weight: bold; }
@media (max-width: 30rem) { dl.about { grid-template-columns: 1fr; } }
@page { size: A4; margin: 15mm 14mm; }
@media print {
  body { padding: 0; font-size: 11pt; }
  main { max-width: none; }
  h1 { font-size: 20pt; }
  h2 { font-size: 14pt; break-after: avoid; page-break-after: avoid; }
  p, li, td, th, dd, dt { font-size: 11pt; }
  .verdict .advice p { font-size: 13pt; }
  .staff { font-size: 20pt; }
  a { color: #000; }
}
`;

function citation(c: Citation): string {
  const url = safeUrl(c.url);
  const title = escapeHtml(c.title);
  const parts = [url === undefined ? title : `<a href="${escapeHtml(url)}">${title}</a>`];
  if (c.section !== undefined) parts.push(`section: ${escapeHtml(c.section)}`);
  parts.push(escapeHtml(c.publisher) + (c.year === undefined ? '' : ` (${c.year})`));
  if (url !== undefined) parts.push(`<span class="url">${escapeHtml(url)}</span>`);
  return parts.join(', ');
}

function sources(list: readonly Citation[]): string {
  if (list.length === 0) return '';
  return `<p class="sources">${list.length === 1 ? 'Source' : 'Sources'}: ${list.map(citation).join('; ')}</p>`;
}

/** A caution's sources, by title only (the reasons above cite them in full). */
function sourceTitles(list: readonly Citation[]): string {
  if (list.length === 0) return '';
  // One entry per page: a source cited for two of its sections is one link here.
  const pages = list.filter((c, i) => list.findIndex((d) => d.title === c.title && d.url === c.url) === i);
  const titles = pages.map((c) => {
    const url = safeUrl(c.url);
    return url === undefined ? escapeHtml(c.title) : `<a href="${escapeHtml(url)}">${escapeHtml(c.title)}</a>`;
  });
  return `<p class="sources">${titles.length === 1 ? 'Source' : 'Sources'}: ${titles.join('; ')}</p>`;
}

function firedOn(answers: readonly HandoutAnswer[]): string {
  if (answers.length === 0) return '';
  return `<p class="fired-on">Because of: ${answers.map((a) => `${escapeHtml(a.label)}: <strong>${escapeHtml(a.words)}</strong>`).join('; ')}</p>`;
}

function reasonItem(r: HandoutReason): string {
  return `<li><p>${escapeHtml(r.text)}</p>${firedOn(r.answers)}${sources(r.sources)}</li>`;
}

export function renderHandoutHtml(h: Handout): string {
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(h.title)} (${escapeHtml(h.isoDate)})</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    `<body class="${h.emergency ? 'emergency' : 'screening'}">`,
    '<main>',
    '<header>',
  );
  if (h.emergency) out.push(`<p class="staff">${SHOW_THE_STAFF}</p>`);
  out.push(
    `<p class="kicker">${escapeHtml(h.heading)} · ${escapeHtml(h.date)}</p>`,
    '<div class="verdict">',
    `<h1>${escapeHtml(h.title)}</h1>`,
    `<div class="advice">${h.advice.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</div>`,
    sources(h.adviceSources),
    '</div>',
    '</header>',
  );

  out.push('<section>', '<h2>Why</h2>');
  if (h.reasons.length === 0) out.push(`<p>${NOTHING_FOUND}</p>`);
  else out.push(`<ol class="reasons">${h.reasons.map(reasonItem).join('')}</ol>`);
  if (h.stoppedEarly) out.push('<p>This answer needs action now, so the remaining questions were not asked.</p>');
  if (h.alsoNoted.length > 0) out.push('<h3>Also noted</h3>', `<ul class="reasons">${h.alsoNoted.map(reasonItem).join('')}</ul>`);
  out.push('</section>');

  if (!h.emergency && h.cautions.length > 0) {
    out.push(
      '<section>',
      '<h2>For the massage therapist</h2>',
      '<p>Please tick each point once you have read it and taken it into account.</p>',
      `<ul class="cautions">${h.cautions.map((c) => `<li><span class="box" aria-hidden="true">☐</span><div><p>${escapeHtml(c.text)}</p>${sourceTitles(c.sources)}</div></li>`).join('')}</ul>`,
      '</section>',
    );
  }

  out.push('<section>', '<h2>The answers given</h2>');
  if (h.answers.length === 0) out.push('<p>No answers were given.</p>');
  else {
    out.push(
      '<table>',
      '<thead><tr><th scope="col">Question</th><th scope="col">Answer</th></tr></thead>',
      `<tbody>${h.answers.map((a) => `<tr><td>${escapeHtml(a.label)}</td><td>${escapeHtml(a.words)}</td></tr>`).join('')}</tbody>`,
      '</table>',
    );
  }
  out.push('</section>');

  out.push('<section>', '<h2>Not answered</h2>');
  if (h.notAnswered.length === 0) out.push('<p>Every question asked was answered.</p>');
  else {
    const item = (n: Handout['notAnswered'][number]): string =>
      `<li>${escapeHtml(n.label)}${n.redFlag === undefined ? '' : ` — <strong>not screened</strong> (a red-flag question: ${escapeHtml(n.redFlag)})`}</li>`;
    out.push(`<ul>${h.notAnswered.map(item).join('')}</ul>`);
  }
  out.push('</section>');

  out.push(
    '<footer>',
    '<h2>About this handout</h2>',
    '<dl class="about">',
    `<dt>Date</dt><dd>${escapeHtml(h.date)}</dd>`,
    `<dt>Questionnaire</dt><dd>${escapeHtml(h.questionnaire.id)}, version ${escapeHtml(h.questionnaire.version)}</dd>`,
    `<dt>SHA-256</dt><dd class="hash">${escapeHtml(h.questionnaire.sha256)}</dd>`,
    `<dt>Result</dt><dd>${escapeHtml(h.disposition)}</dd>`,
    '</dl>',
    `<p class="notice">${escapeHtml(h.notice)}</p>`,
    '</footer>',
    '</main>',
    '</body>',
    '</html>',
  );
  return `${out.join('\n')}\n`;
}
