import { describe, expect, it } from 'vitest';
import type { Io } from '../src/cli/io.js';
import { progressOn } from '../src/cli/progress.js';

function fakeIo(stderrIsTTY: boolean, env: NodeJS.ProcessEnv = {}): Io & { err: string[] } {
  const err: string[] = [];
  return { err, stdout: () => {}, stderr: (text) => err.push(text), env, stdoutIsTTY: false, stderrIsTTY };
}

/** A clock the test moves by hand: no real time is measured. */
function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('progress indicator', () => {
  it('is off when stderr is not a terminal, or in CI', () => {
    expect(progressOn(fakeIo(false))).toBeUndefined();
    expect(progressOn(fakeIo(true, { CI: 'true' }))).toBeUndefined();
    expect(progressOn(fakeIo(true, { CI: '' }))).toBeDefined();
  });

  it('stays silent for a small, fast run', () => {
    const io = fakeIo(true);
    const time = clock();
    const progress = progressOn(io, time.now);
    for (let done = 0; done <= 10; done++) progress?.tick(done, 10);
    progress?.finish();
    expect(io.err).toEqual([]);
  });

  it('shows a count for a run of more than 50 files and clears it at the end', () => {
    const io = fakeIo(true);
    const time = clock();
    const progress = progressOn(io, time.now);
    progress?.tick(0, 60);
    time.advance(50);
    progress?.tick(1, 60); // too soon to redraw
    progress?.tick(60, 60);
    progress?.finish();
    expect(io.err).toEqual(['\rpgcheck: evaluated 0/60 files', '\rpgcheck: evaluated 60/60 files', '\r\u001b[K']);
  });

  it('shows up once a small run takes more than a second', () => {
    const io = fakeIo(true);
    const time = clock();
    const progress = progressOn(io, time.now);
    progress?.tick(0, 3);
    time.advance(1500);
    progress?.tick(1, 3);
    expect(io.err).toEqual(['\rpgcheck: evaluated 1/3 files']);
  });
});
