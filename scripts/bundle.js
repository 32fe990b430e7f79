// Builds the CLI for start-up speed (see bench/README.md): one CommonJS bundle, dist/cli.bundle.cjs,
// run by dist/cli.js (scripts/cli-launcher.js) with a V8 code cache made here. bin/pgcheck.js
// imports dist/cli.js. The library API keeps tsc's .d.ts files; its dist/index.js is rebuilt here
// with yaml inside it, so that the library too never reads yaml's debug switches.
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

// yaml reads two debug switches from the environment, LOG_TOKENS in its parser once per token
// (a third of a microsecond each, some 400 times per manifest) and LOG_STREAM once per document,
// and when either is set it prints its tokens or documents to stdout, into pgcheck's report. pgcheck
// never wants that output, so both bundles read both as unset.
const yamlDebugSwitchesOff = {
  name: 'yaml-debug-switches-off',
  setup(build) {
    build.onLoad({ filter: /[\\/]yaml[\\/]dist[\\/].*\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('.env.LOG_')) return undefined;
      const contents = source.replace(/\bnode_process\.env\.LOG_(?:TOKENS|STREAM)\b/g, 'false');
      if (contents.includes('.env.LOG_'))
        throw new Error(
          `bundle: yaml reads a LOG_ switch in ${args.path} in a way this plugin does not know; update yaml-debug-switches-off`,
        );
      return { contents, loader: 'js' };
    });
  },
};

// Every package but yaml stays an import of the library bundle.
const externalExceptYaml = {
  name: 'external-except-yaml',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path === 'yaml' || args.importer.includes('node_modules') ? undefined : { path: args.path, external: true },
    );
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
  plugins: [englishZodOnly, yamlDebugSwitchesOff],
  // Only `verify` needs undici, and only `criteria import`/`drift` need marked: both stay packages
  // loaded on demand, not code every start must read.
  external: ['undici', 'marked'],
  // Source files find package files (criteria/, package.json, the SPDX list) relative to themselves.
  define: { 'import.meta.url': '__pgcheckModuleUrl' },
  banner: { js: 'var __pgcheckModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
});

// The library (the package's "." export): tsc's dist/index.js and the modules it imports, as one ESM
// file with yaml inside (every other package stays an import), plus chunks loaded on demand. yaml is CommonJS and requires
// node:process, so the file gets a `require` of its own.
rmSync('dist/chunks', { recursive: true, force: true });
await build({
  entryPoints: { index: 'src/index.ts' },
  outdir: 'dist',
  // Modules imported on demand (undici, for verify) stay in chunks of their own, loaded on demand.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  plugins: [yamlDebugSwitchesOff, externalExceptYaml],
  banner: {
    js: 'import { createRequire as __pgcheckCreateRequire } from "node:module"; const require = __pgcheckCreateRequire(import.meta.url);',
  },
});

copyFileSync('scripts/cli-launcher.js', 'dist/cli.js');
// The code cache is written by one real run, so that it also holds the functions a run compiles
// lazily. Any manifests do: what they evaluate to does not matter, only that pgcheck ran (exit 0
// or 1). A failed warm-up costs start-up speed, not the build: the bundle then runs uncached.
rmSync('dist/cli.bundle.cache', { force: true });
const warmUp = spawnSync(process.execPath, ['dist/cli.js', 'evaluate', 'candidates'], {
  stdio: 'ignore',
  env: { ...process.env, PGCHECK_WRITE_CODE_CACHE: '1' },
});
if (warmUp.status !== 0 && warmUp.status !== 1) {
  rmSync('dist/cli.bundle.cache', { force: true });
  process.stderr.write(
    `bundle: warning: the code-cache warm-up run exited ${warmUp.status ?? warmUp.signal}; the CLI will start without a code cache\n`,
  );
}
