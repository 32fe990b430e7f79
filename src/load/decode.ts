import type { Position } from './source.js';

export type Decoded = { text: string } | { error: string; position: Position };

/**
 * Turns file bytes into text: UTF-8 with or without a byte-order mark. Binary data, UTF-16 and
 * invalid UTF-8 are refused with the position of the first offending byte.
 */
export function decodeYamlBytes(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { error: 'UTF-16 text: save the file as UTF-8', position: { line: 1, column: 1 } };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { error: 'binary file, not YAML text (NUL byte)', position: positionOfByte(bytes, nul) };
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    // Only a file that fails is scanned again, for the position of its first bad byte.
    const bad = firstInvalidUtf8(bytes);
    const value = (bytes[bad] ?? 0).toString(16).padStart(2, '0');
    return { error: `not valid UTF-8 (byte 0x${value}): save the file as UTF-8`, position: positionOfByte(bytes, bad) };
  }
}

// One decoder for every file: `fatal` makes invalid UTF-8 an exception instead of U+FFFD.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** Line and column (in UTF-16 units, as the YAML parser counts, after the BOM) of the byte at `offset`. */
export function positionOfByte(bytes: Uint8Array, offset: number): Position {
  const before = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes.subarray(0, offset));
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  return { line, column: before.length - lineStart + 1 };
}

/** Offset of the first byte starting an invalid UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(lead);
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) {
      const [low, high] = k === 1 ? secondByteRange(lead) : [0x80, 0xbf];
      const byte = bytes[i + k] as number;
      if (byte < low || byte > high) return i;
    }
    i += length;
  }
  return -1;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Ranges that exclude overlong forms, surrogates and code points past U+10FFFF. */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}
