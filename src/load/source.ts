import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import { inspectTree } from './inspect-tree.js';
import { defaultLimits, type Limits, raiseHint } from './limits.js';
import { compareProblems, type Problem } from './problem.js';

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

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true } as const;

/**
 * Parses one YAML document, held to `limits`. Every problem comes back with its position; the value
 * is only built once the tree has passed the checks, so an alias bomb or a deep nest fails fast.
 */
export function parseYaml(file: string, text: string, limits: Limits = defaultLimits): ParsedYaml {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  const doc = (Array.isArray(docs) ? docs[0] : undefined) ?? parseDocument(text, PARSE_OPTIONS);
  const source: YamlSource = { file, doc, lineCounter };
  const at = (offset: number, message: string): Problem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, message };
  };
  const fail = (problems: Problem[]): ParsedYaml => ({ source, value: undefined, problems: problems.sort(compareProblems) });
  const second = Array.isArray(docs) ? docs[1] : undefined;
  if (second) return fail([at(second.range[0], `holds ${docs.length} YAML documents; a file must hold exactly one (remove the extra "---" sections)`)]);
  const syntax = syntaxProblems(doc.errors, text, limits);
  if (syntax.length > 0) return fail(syntax.map(({ offset, message }) => at(offset, message)));
  if (doc.contents === null) return fail([at(0, text.trim() === '' ? 'file is empty (expected a YAML mapping)' : 'file holds no YAML content, only comments (expected a YAML mapping)')]);
  const inspected = inspectTree(doc.contents, text, limits);
  if (inspected.length > 0) return fail(inspected.map(({ offset, message }) => at(offset, message)));
  try {
    return { source, value: doc.toJS({ maxAliasCount: limits.maxAliases }), problems: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = /alias/i.test(message) ? `YAML aliases expand too much (${raiseHint('maxAliases')})` : `YAML: ${firstLine(message)}`;
    return fail([at(0, reason)]);
  }
}

/** The parser's errors, worded for a person; a runaway nest is reported once, not once per level. */
function syntaxProblems(errors: readonly YAMLError[], text: string, limits: Limits): { offset: number; message: string }[] {
  const worded = errors.map((error) => {
    const offset = error.pos[0];
    if (error.code === 'DUPLICATE_KEY') {
      const key = text.slice(error.pos[0], error.pos[1]);
      return { offset, message: key && key.length <= 60 && !key.includes('\n') ? `duplicate key ${JSON.stringify(key)}` : 'duplicate key' };
    }
    if (error.code === 'RESOURCE_EXHAUSTION') return { offset, message: `nested too deeply to parse (keep it under ${limits.maxDepth} levels)` };
    return { offset, message: `YAML syntax: ${firstLine(error.message)}` };
  });
  const exhaustion = worded.filter((_, index) => errors[index]?.code === 'RESOURCE_EXHAUSTION').sort((a, b) => a.offset - b.offset)[0];
  return exhaustion ? [exhaustion] : worded;
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
