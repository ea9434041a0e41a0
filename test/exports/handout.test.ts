/**
 * The handout (evaluate --format markdown|html): what a therapist, a GP or the staff at A&E read.
 * One massage_ok, one urgent and one emergency vignette; text from the questionnaire is escaped;
 * the date is the CLI's clock; files are written as every file is (0600, no clobber without --force).
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { parseQuestionnaire } from '../../src/questionnaire/load.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { upperFirst } from '../../src/report/answer-words.js';
import { buildHandout, SHOW_THE_STAFF } from '../../src/report/handout.js';
import { renderHandoutHtml } from '../../src/report/html.js';
import { renderHandoutMarkdown } from '../../src/report/markdown.js';
import { runCli } from '../helpers/run-cli.js';
import { caseWith, loadCases, NOON, type Case } from './cases.js';

let q: Questionnaire;
let cases: Case[];
beforeAll(async () => {
  ({ questionnaire: q, cases } = await loadCases());
});

function both(c: Case): { md: string; html: string } {
  const h = buildHandout({ questionnaire: q, answers: c.answers, result: c.result, date: NOON });
  return { md: renderHandoutMarkdown(h), html: renderHandoutHtml(h) };
}

/** The visible text of a page: tags dropped, entities decoded. */
function visible(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Markdown text as a reader sees it (entities decoded, backslash escapes dropped). */
function unescapeMd(md: string): string {
  return md.replace(/\\([\\`*_[\]|~])/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('the handout of each kind of result', () => {
  it.each(['massage_ok', 'urgent', 'emergency'])('%s: disposition, advice, reasons, answers, questionnaire, date and notice, in both forms', (disposition) => {
    const c = caseWith(cases, disposition);
    const { md, html } = both(c);
    const text = visible(html);
    for (const doc of [unescapeMd(md), text]) {
      expect(doc).toContain(c.result.title);
      expect(doc).toContain('30 November 2026');
      expect(doc).toContain(c.result.questionnaire.sha256);
      expect(doc).toContain(c.result.questionnaire.version);
      expect(doc).toContain('not a diagnosis');
    }
    expect(text).toContain(c.result.notice);
    // Every decisive rule's reason, with its sources as links.
    for (const f of c.result.fired.filter((x) => x.outcome === c.result.disposition)) {
      expect(text).toContain(f.reason);
      for (const s of f.source) if (s.url) expect(html).toContain(`<a href="${s.url.replace(/&/g, '&amp;')}">`);
    }
    // The answers by label/text and in words: the first question asked is listed with its answer.
    const first = q.questions.find((x) => x.id === c.result.path[0]);
    expect(text).toContain(upperFirst(first?.label ?? first?.text ?? '?'));
  });

  it('massage_ok: the cautions for the therapist are a checklist to tick', () => {
    const c = caseWith(cases, 'massage_ok');
    expect(c.result.cautions.length).toBeGreaterThan(0);
    const { md, html } = both(c);
    for (const caution of c.result.cautions) {
      expect(md).toContain(`- [ ] ${caution.text.replace(/&/g, '&amp;')}`);
      expect(visible(html)).toContain(`☐ ${caution.text}`);
    }
    expect(md).toContain('## For the massage therapist');
    expect(md).not.toContain(SHOW_THE_STAFF);
  });

  it('emergency: says "show this to the staff" first and carries no massage cautions', () => {
    const c = caseWith(cases, 'emergency');
    const withCautions = c.result.fired.some((f) => (f.cautions ?? []).length > 0);
    const { md, html } = both(c);
    expect(md.startsWith(`**${SHOW_THE_STAFF.toUpperCase()}**`)).toBe(true);
    expect(visible(html).trim().startsWith(SHOW_THE_STAFF)).toBe(true);
    for (const doc of [md, html]) {
      expect(doc).not.toContain('For the massage therapist');
      expect(doc).not.toContain('☐');
      expect(doc).not.toContain('[ ]');
    }
    // Even when a fired rule names cautions, the handout does not list them.
    if (withCautions) for (const f of c.result.fired) for (const id of f.cautions ?? []) expect(md).not.toContain(q.cautions.find((x) => x.id === id)?.text);
  });

  it('lists what was not answered', () => {
    const c = caseWith(cases, 'massage_ok');
    const answers = { ...c.answers };
    const dropped = c.result.path[3] as string;
    delete (answers as Record<string, unknown>)[dropped];
    const result = evaluate(q, answers);
    expect(result.missing).toContain(dropped);
    const h = buildHandout({ questionnaire: q, answers, result, date: NOON });
    const droppedQ = q.questions.find((x) => x.id === dropped);
    const label = upperFirst((droppedQ?.label ?? droppedQ?.text) as string);
    const md = renderHandoutMarkdown(h);
    expect(md.slice(md.indexOf('## Not answered'))).toContain(`- ${label.replace(/&/g, '&amp;').split('\n')[0]?.slice(0, 20)}`);
    const html = renderHandoutHtml(h);
    expect(visible(html.slice(html.indexOf('Not answered')))).toContain(label.slice(0, 20));
  });
});

describe('an unanswered red-flag question', () => {
  it('is listed as not screened, with its category', () => {
    const c = caseWith(cases, 'massage_ok');
    const answers = { ...c.answers };
    delete (answers as Record<string, unknown>).saddle_numbness;
    const result = evaluate(q, answers);
    expect(result.unscreened?.map((u) => u.question)).toContain('saddle_numbness');
    const h = buildHandout({ questionnaire: q, answers, result, date: NOON });
    expect(h.notAnswered.find((n) => n.id === 'saddle_numbness')?.redFlag).toBe('cauda equina');
    expect(renderHandoutMarkdown(h)).toContain('— **not screened** (a red-flag question: cauda equina)');
    expect(visible(renderHandoutHtml(h))).toContain('— not screened (a red-flag question: cauda equina)');
  });
});

describe('text from the questionnaire and the answers cannot inject markup', () => {
  const hostile = `id: hostile
version: 1.0.0
title: "<script>alert(1)</script> & co"
start: q1
sources:
  - { id: s1, title: "Bad </a><img src=x onerror=alert(1)>", publisher: "[pub](javascript:alert(1))" }
  - { id: s2, title: "Good source", publisher: P, url: "https://example.org/a?b=1&c=<2>" }
questions:
  - id: q1
    type: yesno
    text: "Is it <b>bold</b> or **strong** | piped?"
    next: end
rules:
  - { id: r1, when: { q1: yes }, outcome: see_professional_first, reason: "Because <iframe> & [link](http://x)", source: [s1, s2], cautions: [c1] }
cautions:
  - { id: c1, text: "<img src=x> *caution*" }
outcomes:
  - { id: see_professional_first, title: "See <u>someone</u>", advice: "Advice & <em>more</em>" }
  - { id: massage_ok, title: OK, advice: Fine }
`;
  it('escapes every text in HTML and Markdown, and links only http(s) URLs', () => {
    const parsed = parseQuestionnaire(hostile, 'hostile.yaml');
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const hq = parsed.questionnaire as Questionnaire;
    const result = evaluate(hq, { q1: 'yes' });
    const h = buildHandout({ questionnaire: hq, answers: { q1: 'yes' }, result, date: NOON });
    const html = renderHandoutHtml(h);
    expect(html).not.toMatch(/<(script|img|iframe|b|u|em)[\s>]/i);
    expect(html).not.toMatch(/href="(?!https?:)/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=%3C2%3E">Good source</a>');
    const md = renderHandoutMarkdown(h);
    expect(md).not.toMatch(/<(script|img|iframe|b|u|em)[\s>]/i);
    expect(md).not.toMatch(/(?<!\\)\]\((javascript:|http:\/\/x)/);
    expect(md).toContain('\\*\\*strong\\*\\* \\| piped');
    expect(md).toContain('[Good source](https://example.org/a?b=1&c=%3C2%3E)');
  });
});

describe('evaluate --format markdown|html', () => {
  let dir: string;
  let answersFile: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'handout-'));
    const c = caseWith(cases, 'massage_ok');
    answersFile = join(dir, 'answers.json');
    writeFileSync(answersFile, JSON.stringify({ questionnaire: q.id, version: q.version, answers: c.raw }));
  });

  it('prints the handout on stdout, dated by the CLI clock (SOURCE_DATE_EPOCH)', async () => {
    const r = await runCli(['evaluate', answersFile, '--format', 'html'], { env: { SOURCE_DATE_EPOCH: String(NOON.getTime() / 1000) } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.stdout).toContain('30 November 2026');
    // Self-contained: no script, nothing fetched.
    expect(r.stdout).not.toMatch(/<script|<link|<img|src=|url\(|@import/i);
    expect(r.stdout).toContain("default-src 'none'");
    const md = await runCli(['evaluate', answersFile, '--format', 'markdown'], { env: { SOURCE_DATE_EPOCH: String(NOON.getTime() / 1000) } });
    expect(md.stdout).toContain('# Massage is a reasonable complement');
  });

  it('writes -o FILE with mode 0600, refuses to replace it without --force (73), replaces it with --force', async () => {
    const out = join(dir, 'handout.html');
    const first = await runCli(['evaluate', answersFile, '--format', 'html', '-o', out]);
    expect(first).toMatchObject({ code: 0, stdout: '' });
    expect(statSync(out).mode & 0o777).toBe(0o600);
    writeFileSync(out, 'keep me');
    const again = await runCli(['evaluate', answersFile, '--format', 'html', '-o', out]);
    expect(again.code).toBe(73);
    expect(again.stderr).toBe(`sciatica-screen: cannot write ${out}: the file already exists (use --force to replace it)\n`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await runCli(['evaluate', answersFile, '--format', 'markdown', '-o', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('## For the massage therapist');
  });
});
