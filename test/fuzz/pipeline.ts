import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CriteriaError, evaluateFiles, exitCodeOf, formatters, type Report } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'pgcheck-fuzz-'));
const manifestFile = join(dir, 'manifest.yaml');
const criteriaFile = join(dir, 'criteria.yaml');
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).join();
// A library warning would reach the user's terminal as raw, untrusted text: none may be emitted.
const warnings: string[] = [];
process.on('warning', (warning) => warnings.push(warning.message));

/**
 * Runs one input the way `pgcheck evaluate` does, in process: read, decode, parse, validate,
 * evaluate, report, and render with every registered formatter. Asserts what the CLI promises:
 * no exception but a CriteriaError (which the CLI turns into exit 2), exit code 0, 1 or 2, output
 * that is well-formed, and no prototype touched. Returns the exit code.
 */
export async function throughPipeline(manifest: string | Uint8Array, criteria?: string | Uint8Array): Promise<number> {
  writeFileSync(manifestFile, manifest);
  if (criteria !== undefined) writeFileSync(criteriaFile, criteria);
  let report: Report;
  try {
    report = await evaluateFiles([manifestFile], criteria === undefined ? {} : { criteria: criteriaFile });
  } catch (error) {
    if (!(error instanceof CriteriaError)) throw error;
    for (const problem of error.problems) expectPlaced(problem);
    await expectNoWarnings();
    return 2;
  }
  const code = exitCodeOf(report);
  expect([0, 1, 2]).toContain(code);
  expect([0, 1, 2]).toContain(exitCodeOf(report, ['unknown']));
  expect(report.candidates.length + new Set(report.errors.map((e) => e.file)).size).toBe(1);
  for (const problem of report.errors) expectPlaced(problem);
  for (const formatter of formatters.values()) {
    const text = formatter.render(report, { color: true, width: 80 });
    expect(typeof text).toBe('string');
    if (formatter.name === 'json') expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(report)));
  }
  expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(prototypeKeys);
  await expectNoWarnings();
  return code;
}

async function expectNoWarnings(): Promise<void> {
  // Warnings are emitted on a later tick.
  await new Promise((resolve) => setImmediate(resolve));
  expect(warnings).toEqual([]);
}

function expectPlaced(problem: { file: string; line: number; column: number; message: string }): void {
  expect(Number.isInteger(problem.line) && problem.line >= 1).toBe(true);
  expect(Number.isInteger(problem.column) && problem.column >= 1).toBe(true);
  expect(problem.message.length).toBeGreaterThan(0);
  expect(problem.message).not.toMatch(/\n\s+at /);
}
