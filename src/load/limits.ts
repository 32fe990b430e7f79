/**
 * Bounds on untrusted input. Every file pgcheck reads (manifests and criteria files alike) is held
 * to these, so a hostile or broken file ends with a clear message instead of exhausting memory or time.
 */
export interface Limits {
  /** Largest file read, in bytes; larger files are reported and skipped unread. */
  maxFileBytes: number;
  /** Most YAML aliases (*name) in one file, and the alias expansion budget when building values. */
  maxAliases: number;
  /** Deepest nesting of mappings and lists. */
  maxDepth: number;
  /** Longest string (value or key), in characters. */
  maxStringLength: number;
  /** Most files evaluated in one run. */
  maxFiles: number;
}

export const defaultLimits: Readonly<Limits> = Object.freeze({
  maxFileBytes: 1024 * 1024,
  maxAliases: 100,
  maxDepth: 64,
  maxStringLength: 10_000,
  maxFiles: 10_000,
});

/** What each limit is called on the command line and in messages; `flag` raises it. */
export const limitFlags: Readonly<Record<keyof Limits, { flag: string; what: string }>> = {
  maxFileBytes: {
    flag: '--max-file-size',
    what: 'largest file read, in bytes or with a KiB/MiB suffix; larger files are skipped unread',
  },
  maxAliases: { flag: '--max-aliases', what: 'most YAML aliases (*name) in one file' },
  maxDepth: { flag: '--max-depth', what: 'deepest nesting of mappings and lists' },
  maxStringLength: { flag: '--max-string-length', what: 'longest string or key, in characters' },
  maxFiles: { flag: '--max-files', what: 'most files in one run' },
};

export function withDefaults(limits: Partial<Limits> = {}): Limits {
  return { ...defaultLimits, ...limits };
}

/** "raise with --max-depth" — the hint every limit message ends with. */
export function raiseHint(limit: keyof Limits): string {
  return `raise with ${limitFlags[limit].flag}`;
}
