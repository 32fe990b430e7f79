import { describe, expect, it } from 'vitest';
import { runPinned } from './helpers/cli.js';

// yaml prints every token (LOG_TOKENS) or every document (LOG_STREAM) to stdout when these are set:
// a shell that has them set for some other program must still get pgcheck's report and nothing else.
describe("yaml's debug variables in the environment", () => {
  const debugEnvironment = { LOG_TOKENS: '1', LOG_STREAM: '1' };

  it('leave the JSON report of one file unchanged', () => {
    const plain = runPinned(['evaluate', 'candidates/ente.yaml', '--format', 'json']);
    const withDebug = runPinned(['evaluate', 'candidates/ente.yaml', '--format', 'json'], debugEnvironment);
    expect(withDebug.code).toBe(plain.code);
    expect(withDebug.stdout).toBe(plain.stdout);
    expect(withDebug.stderr).toBe(plain.stderr);
    expect(() => JSON.parse(withDebug.stdout)).not.toThrow();
  });

  it('leave the table of a directory unchanged', () => {
    const plain = runPinned(['evaluate', 'candidates']);
    const withDebug = runPinned(['evaluate', 'candidates'], debugEnvironment);
    expect(withDebug.code).toBe(plain.code);
    expect(withDebug.stdout).toBe(plain.stdout);
    expect(withDebug.stderr).toBe(plain.stderr);
  });
});
