// Bundles the CLI into one file, dist/cli.js, which bin/pgcheck.js imports: one module to read and
// compile instead of some hundred starts pgcheck close to Node's own start-up (see bench/README.md).
// The library API (dist/index.js and its .d.ts) stays tsc's output.
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

await build({
  entryPoints: ['src/cli/run.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [englishZodOnly],
  // CommonJS dependencies call require() for Node built-ins; an ESM bundle has none of its own.
  banner: { js: "import { createRequire as __pgcheckCreateRequire } from 'node:module'; const require = __pgcheckCreateRequire(import.meta.url);" },
});
