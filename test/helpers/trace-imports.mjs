// Loaded with `node --import`: records every module URL the process loads into $PGCHECK_TRACE_IMPORTS.
import { register } from 'node:module';

register('./trace-imports-hooks.mjs', import.meta.url, { data: { file: process.env.PGCHECK_TRACE_IMPORTS } });
