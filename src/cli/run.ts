import { isBatchWorker } from '../run/batch-worker.js';
import { installCrashHandlers } from './crash.js';
import { processIo } from './io.js';
import { main } from './main.js';

// The bundled CLI is also what a batch worker thread loads (src/run/parallel.ts); the import above
// has then started the worker, and this file has nothing more to do.
if (!isBatchWorker()) {
  const crash = installCrashHandlers(processIo, (code) => {
    process.exitCode = code;
  });
  // Not a top-level await: a crash that leaves main pending must still end the process with code 3.
  void main(process.argv).then((code) => {
    if (!crash.crashed()) process.exitCode = code;
  });
}
