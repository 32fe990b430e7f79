import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  parseDocument,
  type Document,
  type Node,
  visit,
} from 'yaml';
import { inspectTree } from './inspect-tree.js';
import { type PlainNode, parsePlainYaml } from './plain-yaml.js';
import { type Limits, raiseHint, withDefaults } from './limits.js';
import { compareProblems, type Problem } from './problem.js';
import type { Path } from '../path.js';

/** A parsed YAML file that can say where any path in it is. */
export interface YamlSource {
  file: string;
  lineCounter: LineCounter;
  tree: SourceTree;
}

/** The positions of a parsed file: yaml's document, or what the plain fast path recorded. */
export interface SourceTree {
  /** Where the node at `path` starts (with `key`, the key naming it), or the nearest enclosing node that is in the file. */
  offsetOf(path: Path, key: boolean): number;
  /** Whether the file parsed without errors and has `key` at its top level. */
  declares(key: string): boolean;
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

const MAX_SYNTAX_PROBLEMS = 20;
// Always the YAML 1.2 core schema, and no explicit 1.1 tags (!!binary, !!set, !!timestamp...): values are plain data only.
const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, schema: 'core', resolveKnownTags: false } as const;

/**
 * Parses one YAML document, held to `limits`. Plain YAML, as nearly every manifest is, takes the
 * fast path (plain-yaml.ts); anything else, and every file with a problem, the full parse.
 */
export function parseYaml(file: string, text: string, given: Partial<Limits> = {}): ParsedYaml {
  const limits = withDefaults(given);
  const plainLines = new LineCounter();
  const plain = parsePlainYaml(text, plainLines, limits);
  if (plain)
    return { source: { file, lineCounter: plainLines, tree: plainTree(plain.tree) }, value: plain.value, problems: [] };
  return parseYamlFully(file, text, limits);
}

/**
 * The full parse, with yaml's document model (exported for the tests that hold the fast path to it).
 * Every problem comes back with its position; the value is only built once the tree has passed the
 * checks, so an alias bomb or a deep nest fails fast.
 */
export function parseYamlFully(file: string, text: string, limits: Limits): ParsedYaml {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  const doc = (Array.isArray(docs) ? docs[0] : undefined) ?? parseDocument(text, PARSE_OPTIONS);
  const source: YamlSource = { file, lineCounter, tree: documentTree(doc) };
  const at = (offset: number, message: string): Problem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, message };
  };
  const fail = (problems: Problem[]): ParsedYaml => ({
    source,
    value: undefined,
    problems: problems.sort(compareProblems),
  });
  const second = Array.isArray(docs) ? docs[1] : undefined;
  if (second)
    return fail([
      at(
        second.range[0],
        `holds ${docs.length} YAML documents; a file must hold exactly one (remove the extra "---" sections)`,
      ),
    ]);
  const syntax = syntaxProblems(doc, limits);
  if (syntax.length > 0) return fail(syntax.map(({ offset, message }) => at(offset, message)));
  if (doc.contents === null)
    return fail([
      at(
        0,
        text.trim() === ''
          ? 'file is empty (expected a YAML mapping)'
          : 'file holds no YAML content, only comments (expected a YAML mapping)',
      ),
    ]);
  const inspected = inspectTree(doc.contents, text, limits);
  if (inspected.length > 0) return fail(inspected.map(({ offset, message }) => at(offset, message)));
  try {
    // yaml counts the anchored node itself as one use, so n aliases to a scalar make n + 1.
    return { source, value: doc.toJS({ maxAliasCount: limits.maxAliases + 1 }), problems: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!/alias/i.test(message)) return fail([at(0, `YAML: ${firstLine(message)}`)]);
    return fail([at(firstAlias(doc), `YAML aliases expand to too much data (${raiseHint('maxAliases')})`)]);
  }
}

/** The parser's errors, worded for a person; a runaway nest is reported once, not once per level. */
function syntaxProblems(doc: Document.Parsed, limits: Limits): { offset: number; message: string }[] {
  // Warnings count too: an unknown tag would otherwise turn silently into a string.
  const errors = [...doc.errors, ...doc.warnings];
  const worded = errors.map((error) => {
    const offset = error.pos[0];
    if (error.code === 'DUPLICATE_KEY') {
      const key = keyAt(doc, offset);
      return {
        offset,
        message: key !== undefined && key.length <= 60 ? `duplicate key ${JSON.stringify(key)}` : 'duplicate key',
      };
    }
    if (error.code === 'RESOURCE_EXHAUSTION')
      return { offset, message: `nested too deeply to parse (keep it under ${limits.maxDepth} levels)` };
    if (error.code === 'TAG_RESOLVE_FAILED')
      return { offset, message: `unsupported YAML tag (pgcheck reads plain YAML 1.2 values: remove the tag)` };
    return { offset, message: `YAML syntax: ${firstLine(error.message)}` };
  });
  const exhaustion = worded
    .filter((_, index) => errors[index]?.code === 'RESOURCE_EXHAUSTION')
    .sort((a, b) => a.offset - b.offset)[0];
  // Garbage can hold an error per character; the first few say enough.
  return exhaustion ? [exhaustion] : worded.sort((a, b) => a.offset - b.offset).slice(0, MAX_SYNTAX_PROBLEMS);
}

/** The text of the scalar key that starts at `offset`, if there is one. */
function keyAt(doc: Document.Parsed, offset: number): string | undefined {
  let found: string | undefined;
  safeVisit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        found = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function firstAlias(doc: Document.Parsed): number {
  let offset = 0;
  safeVisit(doc, {
    Alias(_, alias) {
      offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** visit() recurses; on a tree too deep for the stack the position is simply not found. */
function safeVisit(doc: Document.Parsed, visitor: Parameters<typeof visit>[1]): void {
  try {
    visit(doc, visitor);
  } catch {
    // Positions are a courtesy here; the problem is reported either way.
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
  const { line, col } = source.lineCounter.linePos(source.tree.offsetOf(path, options.key === true));
  return { line, column: col };
}

function documentTree(doc: Document.Parsed): SourceTree {
  let positions: SourceTree | undefined;
  return {
    offsetOf(path, key) {
      // Built on first use: most files that take the full parse have a problem and are never asked.
      positions ??= plainTree(positionsOf(doc.contents, 0));
      return positions.offsetOf(path, key);
    },
    declares: (key) => doc.errors.length === 0 && doc.has(key),
  };
}

/** yaml's nodes as the positions the fast path records, so both parses answer through one walk. */
function positionsOf(node: unknown, enclosing: number): PlainNode {
  const start = rangeStart(node) ?? enclosing;
  if (isMap(node)) {
    // Only scalar keys can be named by a path; a missing value points at its key.
    const pairs = node.items.flatMap((pair) =>
      isScalar(pair.key)
        ? [
            {
              key: String(pair.key.value),
              keyStart: rangeStart(pair.key) ?? start,
              value: positionsOf(pair.value ?? pair.key, start),
            },
          ]
        : [],
    );
    return { start, pairs };
  }
  if (isSeq(node)) return { start, items: node.items.map((item) => positionsOf(item, start)) };
  return { start };
}

function plainTree(root: PlainNode): SourceTree {
  return {
    offsetOf(path, key) {
      let node = root;
      let offset = root.start;
      for (const [index, segment] of path.entries()) {
        if (node.pairs) {
          const name = String(segment);
          const pair = node.pairs.find((candidate) => candidate.key === name);
          if (!pair) break;
          offset = index === path.length - 1 && key ? pair.keyStart : pair.value.start;
          node = pair.value;
        } else if (node.items && typeof segment === 'number') {
          const item = node.items[segment];
          if (item === undefined) break;
          offset = item.start;
          node = item;
        } else {
          break;
        }
      }
      return offset;
    },
    declares: (key) => root.pairs?.some((pair) => pair.key === key) ?? false,
  };
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
