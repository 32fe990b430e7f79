// Loaded with `node --import` into a measured process: at exit it writes its own peak RSS (in kB)
// to the file named by PGCHECK_BENCH_RSS_OUT, so no external `time` program is needed.
import { writeFileSync } from 'node:fs';

const out = process.env.PGCHECK_BENCH_RSS_OUT;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
