import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from './problem.js';

export type Path = readonly (string | number)[];

/** A parsed YAML file that can say where any path in it is. */
export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export interface Position {
  line: number;
  column: number;
}

export interface ParsedYaml {
  source: YamlSource;
  value: unknown;
  problems: Problem[];
}

export interface ParseLimits {
  maxAliasCount: number;
}

export const defaultParseLimits: ParseLimits = { maxAliasCount: 100 };

export function parseYaml(file: string, text: string, limits: ParseLimits = defaultParseLimits): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const source: YamlSource = { file, doc, lineCounter };
  const problems: Problem[] = doc.errors.map((error) => {
    const offset = error.pos[0];
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, message: `YAML syntax: ${firstLine(error.message)}` };
  });
  if (problems.length > 0) return { source, value: undefined, problems };
  try {
    return { source, value: doc.toJS({ maxAliasCount: limits.maxAliasCount }), problems };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { source, value: undefined, problems: [{ file, line: 1, column: 1, message: `YAML: ${firstLine(message)}` }] };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/**
 * Where `path` is in the file: the value's node, or with `key` the key naming it.
 * A path that is not in the file points at the nearest enclosing node that is.
 */
export function locate(source: YamlSource, path: Path, options: { key?: boolean } = {}): Position {
  let node: unknown = source.doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [index, segment] of path.entries()) {
    const isLast = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      const target = isLast && options.key ? pair.key : (pair.value ?? pair.key);
      offset = rangeStart(target) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
