import { expect, test } from 'vitest';
// @ts-expect-error: the bench is plain JavaScript, with no type declarations
import { userEnvironment } from '../bench/environment.js';

test('the bench runs timed commands without the variables this machine sets and users do not', () => {
  const saved = { ...process.env };
  try {
    Object.assign(process.env, {
      NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
      NODE_OPTIONS: '--trace-warnings',
      SSL_CERT_FILE: '/x',
      npm_lifecycle_event: 'bench',
      PATH: '/usr/bin',
      HOME: '/home/someone',
    });
    const env = userEnvironment({ PGCHECK_BENCH_PROBE_OUT: '/tmp/probe.json' }) as Record<string, string>;
    expect(env.NODE_EXTRA_CA_CERTS).toBeUndefined();
    expect(env.NODE_OPTIONS).toBeUndefined();
    expect(env.SSL_CERT_FILE).toBeUndefined();
    expect(env.npm_lifecycle_event).toBeUndefined();
    expect(env).toMatchObject({ PATH: '/usr/bin', HOME: '/home/someone', PGCHECK_BENCH_PROBE_OUT: '/tmp/probe.json' });
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
});
