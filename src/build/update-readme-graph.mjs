#!/usr/bin/env node
// Regenerates the bundled questionnaire's diagram in README.md (between <!-- graph:begin --> and
// <!-- graph:end -->) with the built CLI: `npm run build && npm run docs:graph`.
// test/exports/graph.test.ts fails while the README's copy differs from what `graph` draws.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const mermaid = execFileSync(process.execPath, [`${root}bin/sciatica-screen.js`, 'graph', '--format', 'mermaid'], { encoding: 'utf8' });
const readme = readFileSync(`${root}README.md`, 'utf8');
const block = /<!-- graph:begin[^>]*-->\n```mermaid\n[\s\S]*?```\n<!-- graph:end -->/;
if (!block.test(readme)) throw new Error('README.md has no <!-- graph:begin --> … <!-- graph:end --> block');
writeFileSync(`${root}README.md`, readme.replace(block, (m) => `${m.slice(0, m.indexOf('\n') + 1)}\`\`\`mermaid\n${mermaid}\`\`\`\n<!-- graph:end -->`));
console.log('README.md: diagram regenerated');
