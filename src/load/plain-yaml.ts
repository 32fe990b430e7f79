import { CST, type LineCounter, Parser } from 'yaml';
import { RESERVED_KEYS } from './inspect-tree.js';
import type { Limits } from './limits.js';

/**
 * The yaml release whose composer this file was checked against. To move to another: install it,
 * run `npx vitest run test/plain-yaml.test.ts` and `npm run fuzz`, read the changes to yaml's
 * src/compose/ and src/parse/ between the two releases, then change this and package.json together.
 */
export const MIRRORED_YAML_VERSION = '2.9.1';

/**
 * A fast path for the YAML nearly every manifest is written in: block mappings and lists, flow lists
 * and mappings on one line, plain, quoted and block scalars, comments. It reads yaml's own syntax
 * tree (CST) and builds the value and the positions directly, skipping yaml's document model, which
 * costs a third of a parse. It answers only where yaml's composer would report nothing and build
 * the same value, checking for that what the composer checks; anything else (anchors, aliases,
 * tags, explicit keys, tabs, empty values, numbers other than safe integers, duplicate or reserved
 * keys, any limit reached, nesting past MAX_PLAIN_DEPTH, any syntax error) returns undefined, and
 * the full parse runs instead.
 * test/plain-yaml.test.ts holds it to the full parse, value and positions, on every input it accepts.
 * The checks mirror the composer of yaml MIRRORED_YAML_VERSION exactly, so package.json pins that
 * version and test/yaml-version.test.ts fails on any other.
 */
export function parsePlainYaml(
  text: string,
  lineCounter: LineCounter,
  limits: Limits,
): { value: Record<string, unknown>; tree: PlainNode } | undefined {
  if (/[\t\r\uFEFF]/.test(text)) return undefined;
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  let document: CST.Document | undefined;
  for (const token of tokens) {
    if (token.type === 'document' && document === undefined) document = token;
    else if (token.type !== 'comment' && token.type !== 'newline' && token.type !== 'space') return undefined;
  }
  if (document?.value?.type !== 'block-map') return undefined;
  const start = propsOf(document.start, 'doc-start', true);
  if (start === undefined || (start.found && !start.hasNewline)) return undefined;
  // A document's end takes comments with or without a blank before them (yaml's composeDoc).
  if (document.end && !endOf(document.end, true)) return undefined;
  try {
    const built = new PlainBuilder(limits).blockMap(document.value, 1);
    return built && { value: built.value as Record<string, unknown>, tree: built.node };
  } catch (error) {
    // A stack overflow is not expected under MAX_PLAIN_DEPTH; should one happen, the full parse
    // reports the nesting. Anything else is a bug, and must show as one.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Where a value starts in the file, and where its keys and items start. */
export interface PlainNode {
  start: number;
  pairs?: PlainPair[];
  items?: PlainNode[];
}

export interface PlainPair {
  key: string;
  keyStart: number;
  value: PlainNode;
}

interface Built {
  value: unknown;
  node: PlainNode;
}

// YAML 1.2 core schema: the plain scalars that are not strings (yaml's own tests, in its order).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOLEAN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const DECIMAL = /^[-+]?[0-9]+$/;
// Octal, hexadecimal, infinities, NaN and floats: rare in manifests, left to the full parse.
const OTHER_NUMBER =
  /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;
// yaml's composer: "The : indicator must be at most 1024 chars after the start of an implicit key".
const MAX_KEY_SPAN = 1024;
// yaml's composer recurses several frames a level and, past a few hundred levels (fewer on a small
// stack), reports "nested too deeply" where the fast path would still answer: deeper is left to it.
export const MAX_PLAIN_DEPTH = 100;
const NOT_PLAIN = Symbol('not plain');

class PlainBuilder {
  constructor(private readonly limits: Limits) {}

  private tooDeep(depth: number): boolean {
    return depth > this.limits.maxDepth || depth > MAX_PLAIN_DEPTH;
  }

  blockMap(map: CST.BlockMap, depth: number): Built | undefined {
    if (this.tooDeep(depth)) return undefined;
    const value: Record<string, unknown> = {};
    const pairs: PlainPair[] = [];
    const { items } = map;
    for (let index = 0; index < items.length; index += 1) {
      const { start, key, sep, value: valueToken } = items[index] as CST.BlockMap['items'][number];
      // A trailing comment is the last item, with neither key nor value.
      if (
        key === undefined &&
        sep === undefined &&
        valueToken === undefined &&
        index === items.length - 1 &&
        propsOf(start, undefined, true)
      )
        break;
      if (!key || !sep || !valueToken || !isFlowScalar(key) || key.indent !== map.indent || containsNewline(key))
        return undefined;
      if (propsOf(start, undefined, true) === undefined) return undefined;
      const props = propsOf(sep, 'map-value-ind', false);
      if (!props?.found || props.found.offset - key.offset > MAX_KEY_SPAN) return undefined;
      if (valueToken.type === 'block-map' && !props.hasNewline) return undefined;
      if (!this.addPair(value, pairs, key, valueToken, depth, false)) return undefined;
    }
    return { value, node: { start: map.offset, pairs } };
  }

  private blockSeq(seq: CST.BlockSequence, depth: number): Built | undefined {
    if (this.tooDeep(depth)) return undefined;
    const value: unknown[] = [];
    const items: PlainNode[] = [];
    for (const { start, value: valueToken } of seq.items) {
      const props = propsOf(start, 'seq-item-ind', true);
      // A comment between items is an item with neither indicator nor value.
      if (props !== undefined && !props.found && valueToken === undefined) continue;
      if (!valueToken || !props?.found || !this.addItem(value, items, valueToken, depth, false)) return undefined;
    }
    return { value, node: { start: seq.offset, items } };
  }

  /** A flow list or mapping, all on one line, of scalars and such collections. */
  private flow(collection: CST.FlowCollection, depth: number, inFlow: boolean): Built | undefined {
    if (this.tooDeep(depth)) return undefined;
    const isMap = collection.start.source === '{';
    const [close, ...after] = collection.end;
    if (close?.source !== (isMap ? '}' : ']')) return undefined;
    // Inside another flow collection, only spaces may follow: anything more would span lines.
    if (inFlow ? !after.every((token) => token.type === 'space') : !endOf(after, false)) return undefined;
    const map: Record<string, unknown> = {};
    const pairs: PlainPair[] = [];
    const list: unknown[] = [];
    const items: PlainNode[] = [];
    for (let index = 0; index < collection.items.length; index += 1) {
      const { start, key, sep, value: valueToken } = collection.items[index] as CST.FlowCollection['items'][number];
      if (!valueToken || !flowSeparator(start, index > 0)) return undefined;
      if (valueToken.type !== 'flow-collection' && (!isFlowScalar(valueToken) || containsNewline(valueToken)))
        return undefined;
      const added = isMap
        ? !!key &&
          !!sep &&
          isFlowScalar(key) &&
          !containsNewline(key) &&
          flowValueIndicator(sep) &&
          this.addPair(map, pairs, key, valueToken, depth, true)
        : !key && !sep && this.addItem(list, items, valueToken, depth, true);
      if (!added) return undefined;
    }
    return isMap
      ? { value: map, node: { start: collection.offset, pairs } }
      : { value: list, node: { start: collection.offset, items } };
  }

  /** Adds `key: value` to a mapping being built; false where the full parse must decide. */
  private addPair(
    map: Record<string, unknown>,
    pairs: PlainPair[],
    key: CST.FlowScalar,
    token: CST.Token,
    depth: number,
    inFlow: boolean,
  ): boolean {
    const name = this.key(key);
    if (name === undefined || Object.hasOwn(map, name)) return false;
    const built = this.node(token, depth, inFlow);
    if (built === undefined) return false;
    map[name] = built.value;
    pairs.push({ key: name, keyStart: key.offset, value: built.node });
    return true;
  }

  /** Adds an item to a list being built; false where the full parse must decide. */
  private addItem(list: unknown[], items: PlainNode[], token: CST.Token, depth: number, inFlow: boolean): boolean {
    const built = this.node(token, depth, inFlow);
    if (built === undefined) return false;
    list.push(built.value);
    items.push(built.node);
    return true;
  }

  /** The value at one more level of nesting than `depth`. */
  private node(token: CST.Token, depth: number, inFlow: boolean): Built | undefined {
    switch (token.type) {
      case 'block-map':
        return this.blockMap(token, depth + 1);
      case 'block-seq':
        return this.blockSeq(token, depth + 1);
      case 'flow-collection':
        return this.flow(token, depth + 1, inFlow);
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar': {
        const value = this.scalar(token);
        return value === NOT_PLAIN ? undefined : { value, node: { start: token.offset } };
      }
      default:
        return undefined;
    }
  }

  private key(token: CST.FlowScalar): string | undefined {
    const value = this.scalar(token);
    return typeof value === 'string' && !RESERVED_KEYS.has(value) ? value : undefined;
  }

  private scalar(token: CST.FlowScalar | CST.BlockScalar): unknown {
    let failed = false;
    const resolved = CST.resolveAsScalar(token, true, () => (failed = true));
    if (failed || resolved === null || resolved.value.length > this.limits.maxStringLength) return NOT_PLAIN;
    if (resolved.type !== 'PLAIN') return resolved.value;
    const text = resolved.value;
    // An empty plain scalar is an empty value, which yaml places differently: left to it.
    if (text === '') return NOT_PLAIN;
    if (NULL.test(text)) return null;
    if (BOOLEAN.test(text)) return text[0] === 't' || text[0] === 'T';
    if (DECIMAL.test(text)) {
      const number = Number.parseInt(text, 10);
      return Number.isSafeInteger(number) ? number : NOT_PLAIN;
    }
    return OTHER_NUMBER.test(text) ? NOT_PLAIN : text;
  }
}

function isFlowScalar(token: CST.Token): token is CST.FlowScalar {
  return token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar';
}

function containsNewline(token: CST.FlowScalar): boolean {
  return token.source.includes('\n') || (token.end?.some((end) => end.type === 'newline') ?? false);
}

/**
 * Checks the tokens before a key, list item or value as yaml's composer does (resolveProps): only
 * blanks, comments set off by a blank, and at most one `indicator`. Undefined if anything else is there.
 */
function propsOf(
  tokens: readonly CST.SourceToken[],
  indicator: string | undefined,
  startOnNewline: boolean,
): { found?: CST.SourceToken; hasNewline: boolean } | undefined {
  let hasSpace = startOnNewline;
  let hasNewline = false;
  let found: CST.SourceToken | undefined;
  for (const token of tokens) {
    if (token.type === 'space' || token.type === 'newline') {
      hasSpace = true;
      if (token.type === 'newline') hasNewline = true;
    } else if (token.type === 'comment') {
      if (!hasSpace) return undefined;
    } else if (token.type === indicator && found === undefined) {
      found = token;
      hasSpace = false;
    } else return undefined;
  }
  return found ? { found, hasNewline } : { hasNewline };
}

/** The end of a node as yaml's resolveEnd reads it: blanks, and comments set off by a blank. */
function endOf(tokens: readonly CST.SourceToken[], hasSpaceBefore: boolean): boolean {
  let hasSpace = hasSpaceBefore;
  for (const token of tokens) {
    if (token.type === 'space' || token.type === 'newline') hasSpace = true;
    else if (token.type !== 'comment' || !hasSpace) return false;
  }
  return true;
}

/** Before a flow item: nothing for the first, a comma then spaces for the others. */
function flowSeparator(tokens: readonly CST.SourceToken[], needsComma: boolean): boolean {
  for (const [index, token] of tokens.entries()) {
    if (index === 0 && needsComma ? token.type !== 'comma' : token.type !== 'space') return false;
  }
  return needsComma === (tokens[0]?.type === 'comma');
}

/** Between a flow key and its value: the colon, then spaces. */
function flowValueIndicator(tokens: readonly CST.SourceToken[]): boolean {
  return tokens[0]?.type === 'map-value-ind' && tokens.slice(1).every((token) => token.type === 'space');
}
