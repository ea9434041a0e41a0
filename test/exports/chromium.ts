/**
 * Headless Chromium for the handout tests: Debian's `chromium` and poppler's `pdftotext`/`pdfinfo`.
 * When missing, the setup installs them with apt-get (CI runs as root with Debian's registry;
 * elsewhere the install fails and the caller's test fails, saying so: never a silent skip).
 * Chromium runs with a fresh profile, no network-facing background services, no sandbox (root).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { inflateSync } from 'node:zlib';
import { join } from 'node:path';

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Installs the Debian packages when one of the commands is missing. */
export function ensureCommands(commands: readonly string[], packages: readonly string[]): void {
  if (commands.every(has)) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'ignore', env });
}

/** Installs chromium and poppler-utils when missing; returns the chromium command. */
export function ensureChromium(): string {
  ensureCommands(['chromium', 'pdftotext', 'pdfinfo'], ['chromium', 'poppler-utils', 'fonts-dejavu-core']);
  return 'chromium';
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--hide-scrollbars',
];

function run(chromium: string, args: string[]): void {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  try {
    const r = spawnSync(chromium, [...FLAGS, `--user-data-dir=${profile}`, ...args], { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`chromium failed (${r.status ?? r.signal}): ${r.stderr.slice(-500)}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The page's DOM after its scripts ran (up to `budgetMs` of virtual time). Local files may load local files. */
export function dumpDom(chromium: string, htmlFile: string, budgetMs = 20_000): string {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  try {
    const r = spawnSync(chromium, [...FLAGS, `--user-data-dir=${profile}`, '--allow-file-access-from-files', `--virtual-time-budget=${budgetMs}`, '--dump-dom', `file://${htmlFile}`], {
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`chromium failed (${r.status ?? r.signal}): ${r.stderr.slice(-500)}`);
    return r.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export function printToPdf(chromium: string, htmlFile: string, pdfFile: string): void {
  run(chromium, ['--no-pdf-header-footer', `--print-to-pdf=${pdfFile}`, `file://${htmlFile}`]);
}

export function screenshot(chromium: string, htmlFile: string, pngFile: string, width: number, height: number, scale = 1): void {
  run(chromium, [`--window-size=${width},${height}`, `--force-device-scale-factor=${scale}`, `--screenshot=${pngFile}`, `file://${htmlFile}`]);
}

export function pdfText(pdfFile: string): string {
  return execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
}

/** Each page's size in points, from pdfinfo. */
export function pdfPageSizes(pdfFile: string): { width: number; height: number }[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))?.[1]);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), pdfFile], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/**
 * The RGB pixels of an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium's --screenshot writes):
 * enough to check where a page drew something.
 */
export function readPng(bytes: Buffer): { width: number; height: number; pixel: (x: number, y: number) => [number, number, number] } {
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const depth = bytes[24];
  const colour = bytes[25];
  if (depth !== 8 || (colour !== 2 && colour !== 6) || bytes[28] !== 0) throw new Error(`unsupported PNG (depth ${depth}, colour type ${colour})`);
  const channels = colour === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i] as number;
      const a = i >= channels ? (out[y * stride + i - channels] as number) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + i] as number) : 0;
      const c = y > 0 && i >= channels ? (out[(y - 1) * stride + i - channels] as number) : 0;
      let v: number;
      if (filter === 0) v = x;
      else if (filter === 1) v = x + a;
      else if (filter === 2) v = x + b;
      else if (filter === 3) v = x + Math.floor((a + b) / 2);
      else {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      out[y * stride + i] = v & 0xff;
    }
  }
  return { width, height, pixel: (x, y) => [out[y * stride + x * channels] as number, out[y * stride + x * channels + 1] as number, out[y * stride + x * channels + 2] as number] };
}
