// Loaded with `node --import` into every measured process (A, B, C and D alike): at exit it writes
// the process's own CPU time and peak RSS to the file named by PGCHECK_BENCH_PROBE_OUT, so no
// external `time` program is needed.
import { writeFileSync } from 'node:fs';

const out = process.env.PGCHECK_BENCH_PROBE_OUT;
if (out) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    writeFileSync(out, JSON.stringify({ cpuSeconds, maxRssMb: usage.maxRSS / 1024 }));
  });
}
