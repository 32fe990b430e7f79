// Loaded with `node --import`: records every module the process loads into $PGCHECK_TRACE_IMPORTS,
// both ES modules (through a loader hook) and CommonJS requires (the bundled CLI is CommonJS).
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.PGCHECK_TRACE_IMPORTS;
register('./trace-imports-hooks.mjs', import.meta.url, { data: { file } });

const load = Module._load;
Module._load = function traced(request, parent, isMain) {
  try {
    const resolved = Module._resolveFilename(request, parent, isMain);
    if (file && resolved.startsWith('/')) appendFileSync(file, `${pathToFileURL(resolved).href}\n`);
  } catch {
    // Let the real loader report a module that cannot be resolved.
  }
  return load.call(this, request, parent, isMain);
};
