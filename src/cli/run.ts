import { installCrashHandlers } from './crash.js';
import { processIo } from './io.js';
import { main } from './main.js';

const crash = installCrashHandlers(processIo, (code) => {
  process.exitCode = code;
});
// Not a top-level await: a crash that leaves main pending must still end the process with code 3.
void main(process.argv).then((code) => {
  if (!crash.crashed()) process.exitCode = code;
});
