// Builds the CLI for start-up speed (see bench/README.md): one CommonJS bundle, dist/cli.bundle.cjs,
// run by dist/cli.js (scripts/cli-launcher.js) with a V8 code cache made here. bin/pgcheck.js
// imports dist/cli.js. The library API (dist/index.js and its .d.ts) stays tsc's output.
import { spawnSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { build } from 'esbuild';

// zod's namespace re-exports every message locale (a third of the bundle); pgcheck words its own
// messages and configures only English, so the bundle keeps just that one.
const englishZodOnly = {
  name: 'english-zod-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";\n',
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

// cli-table3 measures every cell and word with string-width, which builds two large regular
// expressions per call. Printable ASCII is one column per character (string-width agrees, as no
// escape or emoji can be in it), so the bundle answers that case directly and asks string-width
// (loaded on first need) only for other text.
const asciiStringWidth = {
  name: 'ascii-string-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, (args) =>
      args.pluginData === 'real' ? undefined : { path: 'ascii-string-width', namespace: 'pgcheck', pluginData: args.resolveDir },
    );
    build.onResolve({ filter: /^pgcheck-real-string-width$/ }, async (args) =>
      build.resolve('string-width', { resolveDir: args.resolveDir, kind: 'require-call', pluginData: 'real' }),
    );
    build.onLoad({ filter: /^ascii-string-width$/, namespace: 'pgcheck' }, (args) => ({
      contents: `const PRINTABLE_ASCII = /^[\\x20-\\x7e]*$/;
let full;
module.exports = (text) => {
  if (typeof text === 'string' && PRINTABLE_ASCII.test(text)) return text.length;
  full ??= require('pgcheck-real-string-width');
  return full(text);
};`,
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

// yaml reads two debug switches from the environment, LOG_TOKENS in its parser once per token
// (a third of a microsecond each, some 400 times per manifest) and LOG_STREAM once per document,
// and when either is set it prints its tokens or documents to stdout, into pgcheck's report. The CLI
// never wants that output, so the bundle reads both as unset.
const yamlDebugSwitchesOff = {
  name: 'yaml-debug-switches-off',
  setup(build) {
    build.onLoad({ filter: /[\\/]yaml[\\/]dist[\\/].*\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('.env.LOG_')) return undefined;
      const contents = source.replace(/\bnode_process\.env\.LOG_(?:TOKENS|STREAM)\b/g, 'false');
      if (contents.includes('.env.LOG_')) throw new Error(`bundle: yaml reads a LOG_ switch in ${args.path} in a way this plugin does not know; update yaml-debug-switches-off`);
      return { contents, loader: 'js' };
    });
  },
};

await build({
  entryPoints: ['src/cli/run.ts'],
  outfile: 'dist/cli.bundle.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [englishZodOnly, asciiStringWidth, yamlDebugSwitchesOff],
  // Only `verify` needs undici, and only `criteria import`/`drift` need marked: both stay packages
  // loaded on demand, not code every start must read.
  external: ['undici', 'marked'],
  // Source files find package files (criteria/, package.json, the SPDX list) relative to themselves.
  define: { 'import.meta.url': '__pgcheckModuleUrl', PGCHECK_WORKER_ENTRY: '"./cli.js"' },
  banner: { js: 'var __pgcheckModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
});
copyFileSync('scripts/cli-launcher.js', 'dist/cli.js');
rmSync('dist/cli.bundle.cache', { force: true });
const warmUp = spawnSync(process.execPath, ['dist/cli.js', 'evaluate', 'candidates/ente.yaml', 'candidates/stingle.yaml'], {
  stdio: 'ignore',
  env: { ...process.env, PGCHECK_WRITE_CODE_CACHE: '1' },
});
if (warmUp.status !== 1) throw new Error(`bundle: the warm-up run exited ${warmUp.status ?? warmUp.signal}, expected 1 (stingle fails the minimum)`);
