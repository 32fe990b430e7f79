/** Where a value sits in a parsed YAML document (a manifest, a criteria file): keys and list indexes from the top. */
export type Path = readonly (string | number)[];

/** A path as people write it: `sources[0].url`. */
export function pathText(path: Path): string {
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
    .join('');
}
