#!/usr/bin/env node
// The build after `tsc` (run by `npm run build`, `prepare` on `npm ci`, and `prepack`). Two steps,
// each measured in README.md "Performance":
//  1. The bundled questionnaire's built form, dist/questionnaires/sciatica-massage.json: the model
//     the full loader makes of questionnaires/sciatica-massage.yaml, so the CLI starts without
//     `yaml`, compose and lint (src/questionnaire/load-built.ts checks it against the YAML's
//     SHA-256 on every load). A questionnaire with errors fails the build (exit 78).
//  2. The CLI bundle, dist/bundle/: src/cli/main.ts and the batch worker bundled by esbuild with
//     their dependencies, split at the CLI's lazy imports so a command loads only its own code
//     (the prompt library, `yaml` and csv-parse stay in chunks of their own). bin/ runs it. The
//     library (dist/index.js, typed) stays tsc's unbundled output.
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);
const path = (p) => fileURLToPath(new URL(p, root));

// 1. The built form of the bundled questionnaire.
const yaml = new URL('questionnaires/sciatica-massage.yaml', root);
const out = new URL('dist/questionnaires/sciatica-massage.json', root);
const { parseQuestionnaire } = await import(new URL('dist/questionnaire/load.js', root).href);
const { builtQuestionnaireJson } = await import(new URL('dist/questionnaire/load-built.js', root).href);
const bytes = await readFile(yaml);
const { questionnaire, problems } = parseQuestionnaire(bytes, fileURLToPath(yaml));
if (!questionnaire) {
  for (const p of problems.filter((x) => x.severity === 'error')) console.error(`${p.file}:${p.line}:${p.col}: error: ${p.message}`);
  console.error(`build: ${fileURLToPath(yaml)} is not a valid questionnaire; nothing built`);
  process.exit(78);
}
await mkdir(new URL('.', out), { recursive: true });
const tmp = new URL(`${out.href}.${process.pid}.tmp`);
await writeFile(tmp, builtQuestionnaireJson(questionnaire, bytes.length));
await rename(tmp, out);
console.log(`build: dist/questionnaires/sciatica-massage.json (${(await stat(out)).size} bytes, from ${bytes.length} bytes of YAML)`);

// 2. The CLI bundle. Entry and chunk files sit at the same depth as dist/cli/main.js, so the
// `new URL('../../…', import.meta.url)` paths in the sources (package.json, questionnaires/,
// dist/questionnaires/, the worker beside its runner) resolve as they do unbundled.
const { build } = await import('esbuild');
await rm(path('dist/bundle'), { recursive: true, force: true });
const result = await build({
  absWorkingDir: path('.'),
  entryPoints: { main: 'src/cli/main.ts', 'batch-worker': 'src/io/batch/batch-worker.ts' },
  outdir: 'dist/bundle',
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.17',
  // commander and yaml are CommonJS; their require() of Node's modules needs a real require.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // Smaller files compile faster; names are kept so --debug stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});
const files = Object.entries(result.metafile.outputs);
const total = files.reduce((n, [, o]) => n + o.bytes, 0);
// Which sources each bundle file holds, for the tests that check what a command loads
// (test/helpers/bundle-inputs.ts) and for a reader of a --debug stack trace.
const inputs = Object.fromEntries(files.map(([f, o]) => [f.replace('dist/bundle/', ''), Object.keys(o.inputs)]));
await writeFile(path('dist/bundle/inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`);
console.log(`build: dist/bundle/ (${files.length} files, ${Math.round(total / 1024)} KiB)`);
