// Loaded with `node --import` by test/verify-offline.test.ts: stands in for a machine without a
// network by replacing DNS lookups, so no test ever queries a real resolver.
// PGCHECK_TEST_DNS=fail: every lookup fails as getaddrinfo does offline (ENOTFOUND);
// PGCHECK_TEST_DNS=hang: no lookup ever answers (a black-holed network).
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';

const mode = process.env.PGCHECK_TEST_DNS;
dns.lookup = (hostname, options, callback) => {
  const done = typeof options === 'function' ? options : callback;
  if (mode === 'hang') return;
  const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: 'ENOTFOUND',
    errno: -3008,
    syscall: 'getaddrinfo',
    hostname,
  });
  process.nextTick(() => done(error));
};
syncBuiltinESMExports();
