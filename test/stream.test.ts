import { describe, expect, it } from 'vitest';
import { formatters } from '../src/format/registry.js';
import type { CandidateReport } from '../src/report/report.js';
import { evaluateFiles } from '../src/run/evaluate-files.js';
import { runPinned } from './helpers/cli.js';

// Mixed input: passing, failing, incomplete, stale and waived candidates, hostile text, invalid files.
const inputs = ['candidates/photo-management', 'test/fixtures/manifests', 'test/fixtures/evidence'];
const asOf = '2026-08-01';

describe('streamed evaluate output', () => {
  it('gives each candidate to onCandidate in file order and keeps none, with the same summary', async () => {
    const whole = await evaluateFiles(inputs, { asOf });
    const streamed: CandidateReport[] = [];
    const rest = await evaluateFiles(inputs, { asOf, onCandidate: (candidate) => streamed.push(candidate) });
    expect(streamed).toEqual(whole.candidates);
    expect(rest).toEqual({ ...whole, candidates: [] });
    expect(rest.summary.candidates).toBeGreaterThan(3);
  });

  for (const [name, formatter] of formatters) {
    const { stream } = formatter;
    if (!stream) continue;
    it(`${name}: the pieces joined are exactly render() of the whole report, with and without colour`, async () => {
      for (const options of [{ color: false }, { color: true }, { color: false, width: 100 }]) {
        const pieces: string[] = [];
        const rest = await evaluateFiles(inputs, {
          asOf,
          onCandidate: (candidate) => pieces.push(stream.candidate(candidate, options)),
        });
        pieces.push(stream.end(rest, options));
        expect(pieces.join('')).toBe(formatter.render(await evaluateFiles(inputs, { asOf }), options));
      }
    });
  }

  it('prints the same stdout when streaming as when a --report file makes the CLI keep the whole report', async () => {
    const streamed = await runPinned(['evaluate', ...inputs]);
    const whole = await runPinned(['evaluate', ...inputs, '--report', `json=${'/dev/null'}`]);
    expect(streamed.stdout).toBe(whole.stdout);
    expect(streamed.stderr).toBe(whole.stderr);
    expect(streamed.code).toBe(whole.code);
    expect(streamed.stdout).toContain('✗');
  });
});
