import { MAX_FRONTMATTER_BYTES } from './frontmatter';

/**
 * Most notes' frontmatter is flat: `key: word` lines, `[a, b]` lists, block lists (`  - a` lines under
 * a key, as most YAML formatters write them), quoted words, comments, CRLF. Those are read here, value
 * for value as the YAML parser reads them, at a tenth of its cost. Anything else returns undefined and
 * goes to the parser; differential tests hold the two to the same data.
 */

const SIMPLE_KEY = /^([A-Za-z][\w-]*):/;
/** Longer lines go to the YAML parser: it limits keys to 1,024 characters, and nothing here should scan a line twice. */
const MAX_SIMPLE_LINE = 1000;
const PLAIN = /^[\p{L}][\p{L}\p{N} ._'/-]*$/u;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const RESERVED = /^(true|false|null|~)$/i;
/** One line of a block list: the indent, then `- ` and the item. */
const BLOCK_ITEM = /^( *)- +(\S.*)$/;
/** Quoted on one line, with nothing the parser would read differently: no escapes, no control characters. */
const DOUBLE_QUOTED = /^"([^"\\\p{Cc}\p{Cs}\uFEFF\u2028\u2029\u0085]*)"$/u;
const SINGLE_QUOTED = /^'((?:[^'\p{Cc}\p{Cs}\uFEFF\u2028\u2029\u0085]|'')*)'$/u;

/** Where one flat frontmatter line's key and value lie in the note's text (offsets; a list's items too). */
export interface SimpleField {
  readonly key: string;
  readonly keyStart: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  /** The offsets of each item of a `[a, b]` list, without the spaces around it. */
  readonly items?: readonly (readonly [number, number])[];
}

/** Flat frontmatter as `simpleFrontmatter` reads it, with where each field lies. */
export interface SimpleFrontmatter {
  readonly data: Record<string, unknown>;
  readonly bodyOffset: number;
  /** Offset of the closing `---` line's line break before it: the YAML text is `text.slice(3, close)`. */
  readonly close: number;
  readonly fields: readonly SimpleField[];
}

/** Flat frontmatter's data and where the body starts, or undefined when the YAML parser must read it. */
export function simpleFrontmatter(text: string): { readonly data: Record<string, unknown>; readonly bodyOffset: number } | undefined {
  return readSimpleFrontmatter(text, false);
}

/**
 * `simpleFrontmatter` with where each key and value lies, as the YAML parser places them, so a problem
 * can be placed without it.
 */
export function simpleFrontmatterWithFields(text: string): SimpleFrontmatter | undefined {
  return readSimpleFrontmatter(text, true);
}

/** A key whose value was empty: block list items may follow it, all at one indent. */
interface OpenList {
  readonly key: string;
  readonly items: unknown[];
  indent?: number;
}

function readSimpleFrontmatter(text: string, withFields: false): SimpleFrontmatter | undefined;
function readSimpleFrontmatter(text: string, withFields: true): SimpleFrontmatter | undefined;
function readSimpleFrontmatter(text: string, withFields: boolean): SimpleFrontmatter | undefined {
  const firstEnd = text.indexOf('\n');
  if (firstEnd === -1 || text.slice(0, firstEnd).replace(/\r$/, '') !== '---') return undefined;
  const close = text.indexOf('\n---', firstEnd - 1);
  if (close === -1 || close > MAX_FRONTMATTER_BYTES) return undefined;
  const afterClose = text.indexOf('\n', close + 1);
  if (afterClose !== -1 && text.slice(close + 4, afterClose).trim() !== '') return undefined;
  const data: Record<string, unknown> = {};
  const fields: SimpleField[] = [];
  let list: OpenList | undefined;
  let lineStart = firstEnd + 1;
  for (const raw of text.slice(firstEnd + 1, close).split('\n')) {
    const start = lineStart;
    lineStart += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line[0] === '#') continue;
    if (line[0] === ' ' || line[0] === '-') {
      // Indented or a list item: only a block list's item under an empty key is read here.
      const item = list && readBlockItem(line, list);
      if (!list || !item) return undefined;
      data[list.key] = list.items;
      // The list's key is the last field read. Its value runs, as the parser has it, from the first `-`
      // to the end of the last item's line, the line break included (the YAML text ends before the
      // closing line's break, and before a CR there).
      if (withFields) fields[fields.length - 1] = withItem(fields[fields.length - 1], start, item, Math.min(lineStart, text[close - 1] === '\r' ? close - 1 : close));
      continue;
    }
    const field = readField(line, data);
    if (!field) return undefined;
    data[field.key] = field.value;
    list = field.value === null ? { key: field.key, items: [] } : undefined;
    if (withFields) fields.push(fieldAt(line, start, field.key, field.written, Array.isArray(field.value)));
  }
  if (Object.keys(data).length === 0) return undefined;
  return { data, bodyOffset: afterClose === -1 ? text.length : afterClose + 1, close, fields };
}

/** A `key: value` line: its key, its value as YAML reads it, and the value as written; undefined when not flat. */
function readField(line: string, data: Record<string, unknown>): { key: string; value: unknown; written: string } | undefined {
  const match = line.length <= MAX_SIMPLE_LINE ? SIMPLE_KEY.exec(line) : null;
  // `true: a` and `TRUE: b` are one key to YAML (a duplicate); `key:value` is not a pair at all.
  if (!match || Object.prototype.hasOwnProperty.call(data, match[1]) || match[1] === '__proto__' || RESERVED.test(match[1])) return undefined;
  const after = line.slice(match[0].length);
  if (after !== '' && after[0] !== ' ' && after[0] !== '\t') return undefined;
  // A value that is only a comment is left to the parser, which places its empty value.
  if (after.trimStart().startsWith('#')) return undefined;
  const written = withoutComment(after).trim();
  const value = simpleValue(written);
  return value === undefined ? undefined : { key: match[1], value, written };
}

/** Where a block list's item lies in its line: its `-`, and its value as written (quotes in, comment and spaces out). */
interface BlockItem {
  readonly dash: number;
  readonly start: number;
  readonly end: number;
}

/** Adds one `- item` line to the open block list; undefined when the line is anything else or at another indent. */
function readBlockItem(line: string, list: OpenList): BlockItem | undefined {
  const match = line.length <= MAX_SIMPLE_LINE ? BLOCK_ITEM.exec(line) : null;
  if (!match || line.includes('\t')) return undefined;
  const indent = match[1].length;
  if (list.indent !== undefined && list.indent !== indent) return undefined;
  list.indent = indent;
  const written = withoutComment(match[2]).trim();
  const item = scalar(written);
  if (item === undefined) return undefined;
  list.items.push(item);
  const start = line.length - match[2].length;
  return { dash: indent, start, end: start + written.length };
}

/** A list's field with one more block item, the item's line starting at `lineStart`; the value ends at `valueEnd`. */
function withItem(field: SimpleField, lineStart: number, item: BlockItem, valueEnd: number): SimpleField {
  const items = (field.items ?? []) as [number, number][];
  items.push([lineStart + item.start, lineStart + item.end]);
  return { ...field, valueStart: field.items ? field.valueStart : lineStart + item.dash, valueEnd, items };
}

/** A flat value without its trailing `# comment` (a `#` after a space or tab), in one pass. */
function withoutComment(value: string): string {
  for (let at = value.indexOf('#'); at !== -1; at = value.indexOf('#', at + 1)) {
    if (value[at - 1] === ' ' || value[at - 1] === '\t') return value.slice(0, at);
  }
  return value;
}

/** Where a flat line's key, value and list items lie; `written` is its value without comment or spaces around it. */
function fieldAt(line: string, lineStart: number, key: string, written: string, isList: boolean): SimpleField {
  let valueStart = key.length + 1;
  while (line[valueStart] === ' ' || line[valueStart] === '\t') valueStart++;
  if (written === '') valueStart = key.length + 1;
  const field = { key, keyStart: lineStart, valueStart: lineStart + valueStart, valueEnd: lineStart + valueStart + written.length };
  if (!isList) return field;
  const items: [number, number][] = [];
  // `[` then items split at commas, as simpleValue reads them.
  const inner = written.slice(1, -1);
  if (inner.trim() !== '') {
    let at = field.valueStart + 1;
    for (const item of inner.split(',')) {
      const lead = item.length - item.trimStart().length;
      items.push([at + lead, at + lead + item.trim().length]);
      at += item.length + 1;
    }
  }
  return { ...field, items };
}

/** A word, a day or a quoted string as YAML reads it; undefined for anything the parser might read otherwise. */
function scalar(item: string): string | undefined {
  if (DAY.test(item) || (PLAIN.test(item) && !RESERVED.test(item))) return item;
  const double = DOUBLE_QUOTED.exec(item);
  if (double) return double[1];
  const single = SINGLE_QUOTED.exec(item);
  return single ? single[1].replace(/''/g, "'") : undefined;
}

function simpleValue(value: string): unknown {
  if (value === '') return null;
  if (!value.startsWith('[')) return scalar(value);
  if (!value.endsWith(']')) return undefined;
  const inner = value.slice(1, -1).trim();
  if (inner === '') return [];
  // Split at commas: a quoted item could hold one, so only words and days are read here.
  const items = inner.split(',').map(item => item.trim()).map(item => (item[0] === '"' || item[0] === "'" ? undefined : scalar(item)));
  return items.every(item => item !== undefined) ? items : undefined;
}
