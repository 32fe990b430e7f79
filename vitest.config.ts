import { defineConfig } from 'vitest/config';

/**
 * Test files by what they need, as vitest projects (run one with `npx vitest run --project cli`):
 * - browser: headless Chromium (skipped where /usr/bin/chromium is missing);
 * - network: HTTP servers on 127.0.0.0/8 that the tests start, and verify with its DNS hooked;
 * - tools: other programs run the way a maintainer's CI runs them (npm, git, pre-commit, the GitHub
 *   Action's steps, Microsoft's SARIF validator), each skipped with a message where it is missing;
 * - cli: the CLI, in-process through main(argv, io) (test/helpers/cli.ts runCli) and, in a few
 *   golden runs, the real bin (runBin);
 * - unit: everything else, including any new test file until it is listed here.
 * The long property runs are `npm run fuzz` (vitest.fuzz.config.ts).
 */
const browser = ['test/html-browser.test.ts'];
const network = ['test/verify-cli.test.ts', 'test/verify-lib.test.ts', 'test/verify-offline.test.ts'];
const tools = [
  'test/action.test.ts',
  'test/ci-docs.test.ts',
  'test/git-repository.test.ts',
  'test/install.test.ts',
  'test/pre-commit.test.ts',
  'test/sarif-validator.test.ts',
];
const cli = [
  'test/bin.test.ts',
  'test/consumer.test.ts',
  'test/docs-cli.test.ts',
  'test/docs-formats.test.ts',
  'test/environment.test.ts',
  'test/epipe.test.ts',
  'test/formats-cli.test.ts',
  'test/fuzz-inputs.test.ts',
  'test/golden-commands.test.ts',
  'test/golden-evidence.test.ts',
  'test/golden.test.ts',
  'test/hostile-values.test.ts',
  'test/hostile.test.ts',
  'test/init.test.ts',
  'test/parallel.test.ts',
  'test/schema.test.ts',
  'test/shipped.test.ts',
  'test/stream.test.ts',
  'test/verify-golden.test.ts',
  'test/verify-lazy-undici.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    // Two cores: more workers only contend.
    maxWorkers: 2,
    projects: [
      // Unit and cli files share each worker's loaded modules (isolate: false): loading the sources
      // and their libraries once per worker instead of once per file halves the suite's CPU time.
      // Such a file must leave no global state changed (a registry entry, a listener, process.env).
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...browser, ...network, ...tools, ...cli],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'cli', include: cli, isolate: false } },
      { extends: true, test: { name: 'network', include: network } },
      { extends: true, test: { name: 'tools', include: tools } },
      { extends: true, test: { name: 'browser', include: browser } },
    ],
  },
});
