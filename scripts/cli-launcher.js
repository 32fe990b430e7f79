// dist/cli.js, the file bin/pgcheck.js imports (copied here by scripts/bundle.js): runs the bundled
// CLI (dist/cli.bundle.cjs) with V8's code cache (dist/cli.bundle.cache), so a start compiles
// almost nothing. Node 20 has no module compile cache of its own (module.enableCompileCache is 22+).
// A cache from another Node or V8 version is rejected by V8 and the bundle is simply compiled.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bundle = fileURLToPath(new URL('./cli.bundle.cjs', import.meta.url));
const cacheFile = fileURLToPath(new URL('./cli.bundle.cache', import.meta.url));

function readCache() {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

const wrapper = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`;
const script = new Script(wrapper, { filename: bundle, cachedData: readCache() });
const module = { exports: {} };
// Written by the build (scripts/bundle.js) after one real run, so the cache holds the functions a run compiles.
if (process.env.PGCHECK_WRITE_CODE_CACHE === '1')
  process.once('beforeExit', () => writeFileSync(cacheFile, script.createCachedData()));
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
