import { Document, isMap, isScalar, parseDocument } from 'yaml';
import { LineIndex, msg, noteEncoding, problem, Problem } from '../base';
import { isEncryptedNote } from './encryptedNote';

/** Frontmatter beyond this size is refused: real notes are a few hundred bytes. */
export const MAX_FRONTMATTER_BYTES = 64 * 1024;
/** Deeper flow nesting than this is refused before the YAML parser sees it. */
const MAX_FLOW_DEPTH = 32;
const MAX_ALIASES = 20;
const MAX_REPORTED_YAML_ERRORS = 5;

/** The parsed frontmatter of a note, with the YAML document kept for exact ranges and lossless edits. */
export interface Frontmatter {
  /** The YAML document; its node ranges are offsets into `yamlText`. */
  readonly document: Document.Parsed;
  readonly yamlText: string;
  /** Offset of `yamlText` in the note's text. */
  readonly yamlOffset: number;
  /** Plain data; only usable when `isMap` is true. */
  readonly data: Record<string, unknown>;
  readonly isMap: boolean;
}

export interface FrontmatterResult {
  readonly frontmatter?: Frontmatter;
  /** Offset where the Markdown body starts. */
  readonly bodyOffset: number;
  readonly problems: Problem[];
}

/** True for text whose frontmatter declares a growth conversation, even when that frontmatter is broken. */
export function declaresGrowthNote(text: string): boolean {
  const head = text.slice(0, MAX_FRONTMATTER_BYTES);
  if (!/^\uFEFF?---/.test(head)) return false;
  const close = head.indexOf('\n---', 3);
  const block = close === -1 ? head : head.slice(0, close);
  // Loose on purpose: a broken or hostile note still gets its problems reported.
  return /\btype\b["']?\s*:\s*["']?growth-conversation\b/.test(block);
}

/**
 * The same test on raw bytes that may not decode (or are too large to read whole): only the head is
 * looked at, as UTF-16 when it has that byte-order mark or looks like UTF-16, else byte by byte.
 */
export function bytesDeclareGrowthNote(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, MAX_FRONTMATTER_BYTES);
  const encoding = noteEncoding(head);
  if (encoding === 'utf-8') return declaresGrowthNote(new TextDecoder('latin1').decode(head));
  const bigEndian = encoding === 'utf-16be' || (encoding === 'utf-16-unmarked' && head[0] === 0);
  return declaresGrowthNote(new TextDecoder(bigEndian ? 'utf-16be' : 'utf-16le').decode(head));
}

/** Splits off and parses the YAML frontmatter without ever executing anything found in it. */
// eslint-disable-next-line max-lines-per-function -- one pass of guards in the order they must run (fence, engine, size, depth, directives, syntax, tags, keys, aliases, shape): split up, that order would be hidden
export function parseFrontmatter(text: string, lines: LineIndex): FrontmatterResult {
  if (!text.startsWith('---')) return { bodyOffset: 0, problems: [] };
  const firstLine = lines.lineRange(0);
  const close = text.indexOf('\n---', 3);
  const afterClose = close === -1 ? -1 : text.indexOf('\n', close + 1);
  const bodyOffset = close === -1 ? 0 : afterClose === -1 ? text.length : afterClose + 1;
  const refuse = (code: Problem['code'], message: string): FrontmatterResult =>
    ({ bodyOffset, problems: [problem(firstLine, 'error', code, message)] });

  const marker = lines.lineText(0).slice(3).trim();
  if (marker !== '') {
    return refuse('frontmatter-language',
      msg('frontmatter.language', marker.slice(0, 20)));
  }
  if (close === -1) return refuse('frontmatter-unterminated', msg('frontmatter.unterminated'));
  if (close > MAX_FRONTMATTER_BYTES) {
    return refuse('frontmatter-too-large', msg('frontmatter.tooLarge', MAX_FRONTMATTER_BYTES / 1024));
  }
  // The YAML is what lies between the opening fence and the closing one: found above, so no library
  // (and no engine that could run code) is needed to split it off. A CRLF file leaves a CR before the fence.
  const yamlOffset = 3;
  const yamlText = text.slice(yamlOffset, close).replace(/\r$/, '');
  const problems: Problem[] = [];
  const report = (start: number, end: number, code: Problem['code'], message: string) =>
    problems.push(problem(lines.rangeOf(yamlOffset + start, yamlOffset + end), 'error', code, message));

  if (yamlText.trim() === '') return refuse('frontmatter-empty', msg('frontmatter.empty'));
  const depth = flowDepthBeyond(yamlText, MAX_FLOW_DEPTH);
  if (depth !== -1) {
    report(depth, depth + 1, 'frontmatter-too-deep', msg('frontmatter.tooDeep', MAX_FLOW_DEPTH));
    return { bodyOffset, problems };
  }
  const directive = /^%.*$/m.exec(yamlText);
  if (directive) {
    report(directive.index, directive.index + directive[0].length, 'yaml-directive',
      msg('frontmatter.directive', directive[0].slice(0, 20)));
    return { bodyOffset, problems };
  }

  let document: Document.Parsed;
  try {
    document = parseDocument(yamlText, {
      version: '1.2', schema: 'core', customTags: [], uniqueKeys: true, strict: true,
      prettyErrors: false, keepSourceTokens: false,
    });
  } catch (error) {
    report(1, 1, 'yaml-syntax', msg('frontmatter.unreadable', parseErrorMessage(error)));
    return { bodyOffset, problems };
  }
  for (const error of document.errors.slice(0, MAX_REPORTED_YAML_ERRORS)) {
    const code = error.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax';
    const message = code === 'yaml-duplicate-key'
      ? msg('frontmatter.duplicateKey')
      : msg('frontmatter.syntax', firstSentence(error.message));
    report(error.pos[0], error.pos[1], code, message);
  }
  for (const warning of document.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      report(warning.pos[0], warning.pos[1], 'yaml-tag', msg('frontmatter.tag'));
    }
  }
  // Checked before toJS, which would turn a list key into a string and warn on the console.
  const root = document.contents;
  if (isMap(root)) {
    for (const pair of root.items) {
      if (!isScalar(pair.key)) {
        const range = (pair.key as { range?: number[] } | null)?.range ?? [0, 0];
        report(range[0], range[1], 'yaml-complex-key', msg('frontmatter.complexKey'));
      }
    }
  }
  if (problems.length > 0) return { bodyOffset, problems };

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    report(1, yamlText.length, 'yaml-alias', msg('frontmatter.aliases', parseErrorMessage(error)));
    return { bodyOffset, problems };
  }
  if (!isMap(root) || value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null || value === undefined ? msg('type.empty') : Array.isArray(value) ? msg('type.list') : msg('type.singleValue');
    problems.push(problem(firstLine, 'error', 'frontmatter-not-map', msg('frontmatter.notMap', kind)));
    return { bodyOffset, problems };
  }
  const frontmatter: Frontmatter = { document, yamlText, yamlOffset, data: value as Record<string, unknown>, isMap: true };
  return { frontmatter, bodyOffset, problems };
}

/** Offset of the first flow bracket nested deeper than `limit`, or -1. Quoted text and comments are skipped. */
function flowDepthBeyond(yaml: string, limit: number): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s:[{,]/.test(yaml[i - 1]))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(yaml[i - 1]))) {
      const end = yaml.indexOf('\n', i);
      i = end === -1 ? yaml.length : end;
    } else if (c === '[' || c === '{') {
      if (++depth > limit) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return -1;
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0];
  return line.replace(/ at line \d+, column \d+.*$/, '').slice(0, 160);
}

function parseErrorMessage(error: unknown): string {
  return error instanceof Error ? firstSentence(error.message) : msg('error.unknown');
}

/**
 * Whether a file may hold a growth note, for deciding what is never replaced. Looser than
 * `bytesDeclareGrowthNote` on purpose: frontmatter (after any byte-order mark) that mentions
 * growth-conversation in any form (a YAML tag, an anchor, quotes, a folded value) counts.
 */
export function mayHoldGrowthNote(bytes: Uint8Array): boolean {
  // An encrypted file may be a note this machine cannot read: never written over.
  if (isEncryptedNote(bytes)) return true;
  const head = bytes.subarray(0, MAX_FRONTMATTER_BYTES);
  const encoding = noteEncoding(head);
  const bigEndian = encoding === 'utf-16be' || (encoding === 'utf-16-unmarked' && head[0] === 0);
  const text = new TextDecoder(encoding === 'utf-8' ? 'latin1' : bigEndian ? 'utf-16be' : 'utf-16le').decode(head)
    .replace(/^(\uFEFF|\u00EF\u00BB\u00BF)/, '');
  if (!text.startsWith('---')) return false;
  const close = text.indexOf('\n---', 3);
  return /growth\W{0,6}conversation/i.test(close === -1 ? text : text.slice(0, close));
}
