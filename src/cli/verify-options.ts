import { InvalidArgumentError } from 'commander';
import { DURATION_SYNTAX, type Duration, parseDuration } from '../verify/duration.js';

// The parsers of `pgcheck verify`'s options: the program needs them to be built, so they stay
// apart from the command itself, which is loaded only when it runs (src/cli/main.ts).

export function parseSeconds(text: string): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(value > 0) || value > 600)
    throw new InvalidArgumentError('expected a number of seconds above 0, at most 600.');
  return value;
}

export function parseCount(max: number): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || value < 1 || value > max)
      throw new InvalidArgumentError(`expected a whole number from 1 to ${max}.`);
    return value;
  };
}

export function parseInactivity(text: string): Duration {
  const duration = parseDuration(text);
  if (!duration || duration.amount === 0) throw new InvalidArgumentError(`expected ${DURATION_SYNTAX}.`);
  return duration;
}

export function parseApiBase(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidArgumentError('expected an http(s) URL, e.g. https://api.github.com.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InvalidArgumentError('expected an http(s) URL, e.g. https://api.github.com.');
  return url.href;
}
