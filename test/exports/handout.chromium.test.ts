/**
 * The HTML handout in a real browser: headless Chromium prints the massage_ok, urgent and
 * emergency handouts to PDF; the PDF's text (pdftotext) must say what the handout says, and every
 * page must be A4. The page must load nothing (Chromium is given no network, and the page's CSP
 * forbids it) and stay readable at 200 % (a screenshot at device scale 2 of a narrow window).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { buildHandout, SHOW_THE_STAFF } from '../../src/report/handout.js';
import { renderHandoutHtml } from '../../src/report/html.js';
import { caseWith, loadCases, NOON, type Case } from './cases.js';
import { ensureChromium, pdfPageSizes, pdfText, printToPdf, readPng, screenshot } from './chromium.js';

let q: Questionnaire;
let cases: Case[];
let chromium: string;
let dir: string;
beforeAll(async () => {
  ({ questionnaire: q, cases } = await loadCases());
  chromium = ensureChromium();
  dir = mkdtempSync(join(tmpdir(), 'handout-pdf-'));
}, 600_000);

/** pdftotext's text with runs of white space as one space (a PDF lays text out in lines). */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

const A4 = { width: 595.28, height: 841.89 };

describe('the HTML handout printed by headless Chromium', { timeout: 120_000 }, () => {
  it.each(['massage_ok', 'urgent', 'emergency'])('%s: prints to A4 pages that say what the handout says', (disposition) => {
    const c = caseWith(cases, disposition);
    const html = join(dir, `${disposition}.html`);
    const pdf = join(dir, `${disposition}.pdf`);
    writeFileSync(html, renderHandoutHtml(buildHandout({ questionnaire: q, answers: c.answers, result: c.result, date: NOON })));
    printToPdf(chromium, html, pdf);
    const sizes = pdfPageSizes(pdf);
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.length).toBeLessThanOrEqual(6);
    for (const s of sizes) {
      expect(Math.abs(s.width - A4.width)).toBeLessThan(1);
      expect(Math.abs(s.height - A4.height)).toBeLessThan(1);
    }
    const text = flat(pdfText(pdf));
    expect(text).toContain(flat(c.result.title));
    expect(text).toContain('30 November 2026');
    expect(text).toContain('not a diagnosis');
    expect(text).toContain(c.result.questionnaire.version);
    // The 64 hex digits of the SHA-256 may wrap: compare without spaces.
    expect(text.replace(/\s/g, '')).toContain(c.result.questionnaire.sha256);
    for (const f of c.result.fired.filter((x) => x.outcome === c.result.disposition)) {
      expect(text).toContain(flat(f.reason).slice(0, 40));
      for (const s of f.source) if (s.url) expect(text.replace(/\s/g, '')).toContain(s.url.replace(/\s/g, ''));
    }
    if (disposition === 'emergency') {
      expect(text.trimStart().startsWith(SHOW_THE_STAFF)).toBe(true);
      expect(text).not.toContain('For the massage therapist');
    } else {
      expect(text).not.toContain(SHOW_THE_STAFF);
    }
    if (disposition === 'massage_ok') {
      expect(text).toContain('For the massage therapist');
      for (const caution of c.result.cautions) expect(text).toContain(`☐ ${flat(caution.text).slice(0, 30)}`);
    }
  });

  it('reflows at 200 % zoom: at device scale 2 in a 480-pixel window nothing runs off the right edge', () => {
    const c = caseWith(cases, 'urgent');
    const html = join(dir, 'zoom.html');
    const png = join(dir, 'zoom.png');
    writeFileSync(html, renderHandoutHtml(buildHandout({ questionnaire: q, answers: c.answers, result: c.result, date: NOON })));
    screenshot(chromium, html, png, 480, 2400, 2);
    const image = readPng(readFileSync(png));
    expect(image.width).toBe(960);
    // The body's right padding (1rem = 32 device pixels here) stays blank from top to bottom: no
    // line, table or link is wider than the window. And the page did draw something left of it.
    let inked = 0;
    for (let y = 0; y < image.height; y++) {
      for (let x = image.width - 24; x < image.width; x++) expect(image.pixel(x, y).every((v) => v > 240), `pixel ${x},${y}`).toBe(true);
      for (let x = 40; x < image.width - 40; x += 4) if (image.pixel(x, y)[0] < 100) inked++;
    }
    expect(inked).toBeGreaterThan(1000);
  });
});
