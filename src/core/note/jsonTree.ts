import { msg } from '../base';

/** A JSON value with where it sits in the text (offsets), so a problem can point at it. */
export type JsonNode =
  | { readonly kind: 'object'; readonly start: number; readonly end: number; readonly members: readonly JsonMember[] }
  | { readonly kind: 'array'; readonly start: number; readonly end: number; readonly items: readonly JsonNode[] }
  | { readonly kind: 'value'; readonly start: number; readonly end: number; readonly value: string | number | boolean | null };

/** One `"key": value` of an object, with the key's own span. */
export interface JsonMember {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly value: JsonNode;
}

/** Why the text is not JSON, and where. */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly message: string;
}

const MAX_DEPTH = 32;
// Sticky: each matches only where the reader stands.
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters inside a string
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * Reads strict JSON (RFC 8259: no comments, no trailing commas) into a tree with offsets. Written
 * here rather than taken from JSON.parse, which says neither where a value is nor where it failed.
 */
export function parseJsonTree(text: string): { readonly tree: JsonNode } | { readonly error: JsonSyntaxError } {
  const reader = new JsonReader(text);
  try {
    const tree = reader.document();
    return { tree };
  } catch (error) {
    if (error instanceof JsonReadError) return { error: { offset: error.offset, message: error.message } };
    throw error;
  }
}

/** The plain value of a tree, as JSON.parse would give it (a repeated key keeps its last value). */
export function jsonValue(node: JsonNode): unknown {
  if (node.kind === 'value') return node.value;
  if (node.kind === 'array') return node.items.map(jsonValue);
  const object: Record<string, unknown> = {};
  for (const member of node.members) {
    Object.defineProperty(object, member.key, { value: jsonValue(member.value), enumerable: true, writable: true, configurable: true });
  }
  return object;
}

class JsonReadError extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

class JsonReader {
  private at = 0;

  constructor(private readonly text: string) {}

  document(): JsonNode {
    // A byte order mark is not JSON, but editors write one; it is not worth a problem.
    if (this.text.charCodeAt(0) === 0xfeff) this.at = 1;
    const node = this.value(0);
    this.space();
    if (this.at < this.text.length) this.fail(msg('config.json.afterEnd'));
    return node;
  }

  private value(depth: number): JsonNode {
    this.space();
    if (depth > MAX_DEPTH) this.fail(msg('config.json.tooDeep'));
    const start = this.at;
    const next = this.text[this.at];
    if (next === '{') return this.object(depth);
    if (next === '[') return this.array(depth);
    if (next === '"') return { kind: 'value', start, value: this.string(), end: this.at };
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return { kind: 'value', start, end: this.at, value };
      }
    }
    NUMBER.lastIndex = this.at;
    const number = NUMBER.exec(this.text);
    if (number) {
      this.at += number[0].length;
      return { kind: 'value', start, end: this.at, value: Number(number[0]) };
    }
    return this.fail(msg('config.json.value'));
  }

  private object(depth: number): JsonNode {
    const start = this.at++;
    const members: JsonMember[] = [];
    this.space();
    if (this.text[this.at] === '}') return { kind: 'object', start, end: ++this.at, members };
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') this.fail(msg('config.json.key'));
      const keyStart = this.at;
      const key = this.string();
      const keyEnd = this.at;
      this.space();
      if (this.text[this.at] !== ':') this.fail(msg('config.json.expected', ':'));
      this.at++;
      members.push({ key, keyStart, keyEnd, value: this.value(depth + 1) });
      this.space();
      if (this.text[this.at] === '}') return { kind: 'object', start, end: ++this.at, members };
      if (this.text[this.at] !== ',') this.fail(msg('config.json.expectedEither', ',', '}'));
      this.at++;
    }
  }

  private array(depth: number): JsonNode {
    const start = this.at++;
    const items: JsonNode[] = [];
    this.space();
    if (this.text[this.at] === ']') return { kind: 'array', start, end: ++this.at, items };
    for (;;) {
      items.push(this.value(depth + 1));
      this.space();
      if (this.text[this.at] === ']') return { kind: 'array', start, end: ++this.at, items };
      if (this.text[this.at] !== ',') this.fail(msg('config.json.expectedEither', ',', ']'));
      this.at++;
    }
  }

  private string(): string {
    const start = this.at;
    STRING.lastIndex = this.at;
    const match = STRING.exec(this.text);
    if (!match) this.fail(msg('config.json.string'));
    this.at += (match as RegExpExecArray)[0].length;
    return JSON.parse(this.text.slice(start, this.at)) as string;
  }

  /** Skips whitespace; a comment is named, since JSON has none and people often try one. */
  private space() {
    while (/[ \t\r\n]/.test(this.text[this.at] ?? '')) this.at++;
    if (this.text.startsWith('//', this.at) || this.text.startsWith('/*', this.at)) this.fail(msg('config.json.comment'));
  }

  private fail(message: string): never {
    throw new JsonReadError(this.at, message);
  }
}
