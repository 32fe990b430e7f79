import { describe, expect, it } from 'vitest';
import { safeUrl } from '../src/format/escape.js';

describe('safeUrl', () => {
  it('percent-encodes characters outside ASCII, astral ones included', () => {
    expect(safeUrl('https://example.org/ph😀to')).toBe('https://example.org/ph%F0%9F%98%80to');
  });
  it('turns a lone surrogate (possible in YAML "\\ud800") into U+FFFD instead of throwing', () => {
    expect(safeUrl('https://example.org/\ud800x')).toBe('https://example.org/%EF%BF%BDx');
    expect(safeUrl('https://example.org/\udc00')).toBe('https://example.org/%EF%BF%BD');
  });
  it('refuses other schemes', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
  });
});
