import { type Command, InvalidArgumentError, Option } from 'commander';
import { defaultLimits, type Limits, limitFlags } from '../load/limits.js';
import { sizeText } from '../load/read-file.js';

const SIZE = /^(\d+)\s*(b|k|kb|kib|m|mb|mib)?$/i;
const UNIT: Record<string, number> = {
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 * 1024,
  mb: 1024 * 1024,
  mib: 1024 * 1024,
};

/** A whole number of at least 1; a limit of 0 would refuse everything. */
export function parseCount(value: string): number {
  const count = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(count) || count < 1)
    throw new InvalidArgumentError('expected a whole number of at least 1.');
  return count;
}

/** Bytes, plain or with a KiB/MiB suffix (K and KB, M and MB mean the same here). */
export function parseSize(value: string): number {
  const match = SIZE.exec(value.trim());
  const bytes = match ? Number(match[1]) * (UNIT[(match[2] ?? 'b').toLowerCase()] ?? Number.NaN) : Number.NaN;
  // Buffers are capped near 2 GiB; more than that is never a sensible manifest size.
  if (!Number.isSafeInteger(bytes) || bytes < 1 || bytes > 1024 * 1024 * 1024)
    throw new InvalidArgumentError('expected a size such as 1048576, 512KiB or 2MiB (at most 1024MiB).');
  return bytes;
}

const defaults: Record<keyof Limits, string> = {
  maxFileBytes: sizeText(defaultLimits.maxFileBytes),
  maxAliases: String(defaultLimits.maxAliases),
  maxDepth: String(defaultLimits.maxDepth),
  maxStringLength: String(defaultLimits.maxStringLength),
  maxFiles: String(defaultLimits.maxFiles),
};

const LIMITS_NOTE =
  '\nEvery file read (manifests and criteria files alike) must be UTF-8 text holding exactly one YAML\ndocument, and is held to the input limits above; see docs/limits.md.';

/** Adds one flag per input limit to `command`; read them back with limitsFromOptions. */
export function addLimitOptions(command: Command): Command {
  for (const key of Object.keys(limitFlags) as (keyof Limits)[]) {
    const { flag, what } = limitFlags[key];
    const option = new Option(
      `${flag} <${key === 'maxFileBytes' ? 'size' : 'n'}>`,
      `${what} (default: ${defaults[key]})`,
    )
      .argParser(key === 'maxFileBytes' ? parseSize : parseCount)
      .helpGroup('Input limits:');
    command.addOption(option);
  }
  return command.addHelpText('after', LIMITS_NOTE);
}

/** The limits given on the command line; those not given are left out, so defaults apply. */
export function limitsFromOptions(given: object): Partial<Limits> {
  const options = given as Record<string, unknown>;
  const limits: Partial<Limits> = {};
  for (const key of Object.keys(limitFlags) as (keyof Limits)[]) {
    const value = options[optionKey(limitFlags[key].flag)];
    if (typeof value === 'number') limits[key] = value;
  }
  return limits;
}

/** commander's attribute name for a flag: --max-file-size → maxFileSize. */
function optionKey(flag: string): string {
  return flag.replace(/^--/, '').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
