#!/usr/bin/env node
// The build after `tsc` (run by `npm run build`, `prepare` on `npm ci`, and `prepack`). Four
// steps, each measured in README.md "Performance" (and the CommonJS entry copied to dist/):
//  1. The bundled questionnaire's built form, dist/questionnaires/sciatica-massage.json: the model
//     the full loader makes of questionnaires/sciatica-massage.yaml, so the CLI starts without
//     `yaml`, compose and lint (src/questionnaire/load-built.ts compares the YAML with the text
//     it was built from on every load). A questionnaire with errors fails the build (exit 78).
//  2. The CLI bundle, dist/bundle/: the CLI entry (src/cli/launch.ts) bundled by esbuild with its
//     dependencies, split at the CLI's lazy imports so a command loads only its own code (the
//     prompt library, `yaml` and csv-parse stay in chunks of their own), then every file
//     converted to CommonJS; the batch worker, one CommonJS file of its own. `--version` is
//     answered by the entry without commander. bin/ runs it. The library (dist/index.js, typed)
//     stays tsc's unbundled ES modules.
//  3. The top-level help text, dist/bundle/help.txt, which the entry prints for a lone --help.
//  4. V8's code cache of the bundle, dist/bundle/*.js.cache, read by bin/ (src/cli/code-cache.ts).
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
await writeFile(tmp, builtQuestionnaireJson(questionnaire, bytes));
await rename(tmp, out);
console.log(`build: dist/questionnaires/sciatica-massage.json (${(await stat(out)).size} bytes, from ${bytes.length} bytes of YAML)`);

// The CommonJS entry (package.json exports.require) sits beside the ES module it loads.
await writeFile(new URL('dist/index.cjs', root), await readFile(new URL('src/cjs/index.cjs', root)));

// 2. The CLI bundle. Entry and chunk files sit at the same depth as dist/cli/main.js, so the
// `new URL('../../…', import.meta.url)` paths in the sources (package.json, questionnaires/,
// dist/questionnaires/, the worker beside its runner) resolve as they do unbundled.
const { build } = await import('esbuild');
/**
 * commander requires node:child_process at load time, only to run a subcommand that is a separate
 * executable (this CLI has none). Loading it (and node:net with it) was about a third of
 * commander's load; here it is loaded on first use instead.
 */
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      loader: 'js',
      contents: "let m; const load = () => (m ??= require('node:child_process')); module.exports = new Proxy({}, { get: (_, k) => load()[k], has: (_, k) => k in load() });",
    }));
  },
};
/**
 * chalk's default instance detects the terminal's colours when chalk loads (node:tty, node:os and
 * the environment). This CLI never uses that instance: colour is decided once at the edge
 * (src/cli/color.ts) and every `Chalk` is made with an explicit level (a test checks that src/
 * imports nothing else from chalk). So the detection is left out of the bundle.
 */
const noColorDetectionInChalk = {
  name: 'no-color-detection-in-chalk',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) =>
      /[\\/]node_modules[\\/]chalk[\\/]/.test(args.importer) ? { path: 'no-supports-color', namespace: 'stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ loader: 'js', contents: 'export default { stdout: false, stderr: false };' }));
  },
};
/**
 * The interview imports @inquirer/prompts whole (`import('@inquirer/prompts')`), but uses only the
 * prompts of `PromptModule` (src/interview/inquirer-prompter.ts; a test holds the two lists
 * equal). The others — the editor prompt above all, with its external-editor, chardet and
 * iconv-lite — are left out of the bundle: two thirds of the prompt chunk.
 */
const onlyThePromptsUsed = {
  name: 'only-the-prompts-used',
  setup(b) {
    b.onResolve({ filter: /^@inquirer\/prompts$/ }, (args) =>
      /[\\/]src[\\/]/.test(args.importer) ? { path: 'prompts-used', namespace: 'prompts' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'prompts' }, () => ({
      loader: 'js',
      resolveDir: path('.'),
      contents:
        "export { default as select } from '@inquirer/select';\n" +
        "export { default as checkbox, Separator } from '@inquirer/checkbox';\n" +
        "export { default as input } from '@inquirer/input';\n" +
        "export { default as confirm } from '@inquirer/confirm';\n",
    }));
  },
};
await rm(path('dist/bundle'), { recursive: true, force: true });
/**
 * esbuild's CommonJS exports are getters (live bindings), read again on every call from another
 * chunk: two getter calls per use, which cost batch 5–9 % in one thread (measured). An exported
 * function or class (never reassigned in these sources) becomes a plain property on first read;
 * other exports keep their getters. Fails the build if esbuild's helper is not the one expected.
 */
const TO_COMMONJS = 'var __toCommonJS=mod=>__copyProps(__defProp({},"__esModule",{value:true}),mod);';
const FAST_TO_COMMONJS =
  'var __toCommonJS=mod=>{var to=__defProp({},"__esModule",{value:true});for(let key of __getOwnPropNames(mod))__defProp(to,key,{configurable:true,enumerable:true,get(){var v=mod[key];if(typeof v==="function")__defProp(to,key,{value:v,enumerable:true,writable:false,configurable:false});return v}});return to};';
function fasterExports(code, file) {
  if (!code.includes('__toCommonJS(')) return code;
  if (!code.includes(TO_COMMONJS)) throw new Error(`build: ${file}: esbuild's __toCommonJS is not the one expected; see fasterExports in src/build/build-dist.mjs`);
  return code.replace(TO_COMMONJS, FAST_TO_COMMONJS);
}

/** `import.meta.url` in CommonJS: the file's own URL, made when asked for. */
const IMPORT_META = "var __importMeta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };";
const options = {
  absWorkingDir: path('.'),
  outdir: 'dist/bundle',
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.17',
  plugins: [lazyChildProcessForCommander, noColorDetectionInChalk, onlyThePromptsUsed],
  // Smaller files compile faster; names are kept so --debug stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
};
const split = await build({ ...options, entryPoints: { main: 'src/cli/launch.ts' } });
// The batch worker is a bundle of its own, in one file: a worker shares no module with the main
// thread anyway (another isolate), and in one file its calls between modules are plain calls,
// not the property reads of CommonJS exports between chunks (8 % of batch's time, measured).
const worker = await build({ ...options, splitting: false, format: 'cjs', entryPoints: { 'batch-worker': 'src/io/batch/batch-worker.ts' }, define: { 'import.meta.url': '__importMeta.url' }, banner: { js: IMPORT_META } });
const files = Object.entries(split.metafile.outputs);
// Then each file of the split bundle becomes CommonJS (esbuild splits only ES modules): no ES
// module loader at start-up, and `require` is synchronous where `import()` waits on the thread
// pool for every file. Measured (README "Performance"): evaluate 1.64× → 1.53× a bare node,
// --help 1.18× → 1.11×. `import()` between chunks becomes `require`; `import.meta.url` the
// file's own URL, made when asked for; dist/bundle/package.json says the folder is CommonJS.
const { transform } = await import('esbuild');
for (const [file] of files) {
  if (!file.endsWith('.js')) continue;
  const code = await readFile(path(file), 'utf8');
  const cjs = await transform(code, {
    sourcefile: file,
    format: 'cjs',
    platform: 'node',
    target: 'node20.17',
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': '__importMeta.url' },
    banner: IMPORT_META,
    minifyWhitespace: true,
    legalComments: 'eof',
    logLevel: 'warning',
  });
  await writeFile(path(file), fasterExports(cjs.code, file));
}
await writeFile(path('dist/bundle/package.json'), '{ "type": "commonjs" }\n');
files.push(...Object.entries(worker.metafile.outputs));
const total = files.reduce((n, [, o]) => n + o.bytes, 0);
// Which sources each bundle file holds, for the tests that check what a command loads
// (test/helpers/bundle-inputs.ts) and for a reader of a --debug stack trace.
const inputs = Object.fromEntries(files.map(([f, o]) => [f.replace('dist/bundle/', ''), Object.keys(o.inputs)]));
await writeFile(path('dist/bundle/inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`);
console.log(`build: dist/bundle/ (${files.length} files, ${Math.round(total / 1024)} KiB)`);

// The code cache's reader, one CommonJS file that bin/ loads first (src/cli/code-cache.ts).
await build({ ...options, splitting: false, format: 'cjs', metafile: false, entryPoints: { 'code-cache': 'src/cli/code-cache.ts' } });

// 3. The top-level help, as `main` prints it to anything but a terminal narrower than 80 columns
// (src/cli/main.ts lays help out for 80): src/cli/launch.ts answers `--help` with it, without
// commander. Made from the same build's program, so it cannot go stale.
{
  const { main } = await import(new URL('dist/cli/main.js', root).href);
  const { PassThrough } = await import('node:stream');
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let help = '';
  let err = '';
  stdout.on('data', (d) => (help += d));
  stderr.on('data', (d) => (err += d));
  const code = await main(['--help'], { stdin: new PassThrough(), stdout, stderr, env: {}, cwd: path('.') });
  if (code !== 0 || err !== '' || !help.startsWith('Usage: ')) {
    console.error(`build: the top-level help could not be made (exit ${code}): ${err}`);
    process.exit(70);
  }
  await writeFile(path('dist/bundle/help.txt'), help);
  console.log(`build: dist/bundle/help.txt (${help.length} bytes)`);
}

// 4. V8's code cache of the bundle (read by bin/ through src/cli/code-cache.ts): the bundle is
// loaded here, in this process, with the reader's hook recording every file it compiles; a few
// commands run in-process (help, evaluate in text and JSON, validate, a small batch), so the
// functions they call are compiled too; then each file's compiled code is saved beside it as
// X.js.cache. V8 refuses a cache made by another Node version or with other flags, and the file
// is then compiled as usual. Made by the Node that builds, so `npm ci` on a clone makes it right.
{
  const { createRequire } = await import('node:module');
  const { PassThrough } = await import('node:stream');
  const requireCjs = createRequire(import.meta.url);
  const bundleDir = path('dist/bundle/');
  const { useCodeCache, cacheFileOf } = requireCjs(`${bundleDir}code-cache.js`);
  const scripts = new Map();
  useCodeCache(bundleDir, (file, script) => scripts.set(file, script));
  const { main } = requireCjs(`${bundleDir}main.js`);
  const answers = '{"leg_pain":"yes","pain_side":"one_leg","bilateral_neuro":"no","saddle_numbness":"no","age":40}';
  const workload = [
    [['evaluate', '--help'], ''],
    [['evaluate', '-'], answers],
    [['evaluate', '-', '--format', 'json'], answers],
    [['validate'], ''],
    [['batch', '-', '--jobs', '1'], `${answers}\n${answers.replace('"no"', '"yes"')}\n{"bad"\n`],
  ];
  for (const [argv, input] of workload) {
    const stdin = new PassThrough();
    stdin.end(input);
    const sink = () => new PassThrough().resume();
    await main(argv, { stdin, stdout: sink(), stderr: sink(), env: {}, cwd: path('.') });
  }
  let bytes = 0;
  for (const [file, script] of scripts) {
    const data = script.createCachedData();
    bytes += data.length;
    await writeFile(cacheFileOf(file), data);
  }
  console.log(`build: dist/bundle/*.js.cache (${scripts.size} files, ${Math.round(bytes / 1024)} KiB)`);
}
