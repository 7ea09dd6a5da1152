import { msg } from './messages';

/** A zero-based position in a document, as editors count (UTF-16 code units per line). */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

/** Stable problem codes: tooling and quick fixes key on them, so never rename one. */
export type ProblemCode =
  | 'not-utf8' | 'file-too-large'
  | 'frontmatter-language' | 'frontmatter-unterminated' | 'frontmatter-empty' | 'frontmatter-not-map'
  | 'frontmatter-too-large' | 'frontmatter-too-deep'
  | 'yaml-syntax' | 'yaml-duplicate-key' | 'yaml-directive' | 'yaml-tag' | 'yaml-alias' | 'yaml-complex-key'
  | 'missing-field' | 'invalid-type' | 'invalid-value' | 'invalid-date' | 'empty-value' | 'unknown-field'
  | 'nonexistent-date' | 'previous-missing' | 'previous-other-person'
  | 'few-achievements' | 'duplicate-theme' | 'theme-spelling'
  | 'body-too-complex' | 'unknown-marker';

/** One thing wrong with a note, as plain data. */
export interface Problem {
  readonly range: Range;
  readonly severity: Severity;
  readonly code: ProblemCode;
  readonly message: string;
  /** For quick fixes: the value a fix would put in place, when there is an obvious one. */
  readonly suggestion?: string;
  /** The frontmatter field a missing-field problem is about. */
  readonly field?: string;
}

/** Maps string offsets to line/character positions. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offsetAt(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.starts.length - 1));
    return Math.min(this.starts[line] + position.character, this.lineEnd(line));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }

  /** Offset of the end of a line's content, before any CR/LF. */
  lineEnd(line: number): number {
    let end = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    if (end > this.starts[line] && this.text[end - 1] === '\r') end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }

  /** The range covering a whole line's content. */
  lineRange(line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: this.lineEnd(line) - this.starts[line] } };
  }
}

export function problem(range: Range, severity: Severity, code: ProblemCode, message: string, suggestion?: string): Problem {
  return suggestion === undefined ? { range, severity, code, message } : { range, severity, code, message, suggestion };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const UTF16LE = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: false });
const UTF16BE = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: false });

/** How a note's bytes are encoded: by its byte-order mark, else UTF-8 (or UTF-16 without a mark, which is refused). */
export type NoteEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-16-unmarked';

export function noteEncoding(bytes: Uint8Array): NoteEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // Text with a NUL in every other byte of its start is UTF-16 that lost its mark (or never had one).
  const head = Math.min(bytes.length, 64) & ~1;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < head; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  return head >= 8 && Math.max(evenNuls, oddNuls) * 4 >= head ? 'utf-16-unmarked' : 'utf-8';
}

/**
 * Decodes a file's bytes: UTF-8 (with or without a byte-order mark), or UTF-16 LE or BE with one
 * (what Windows PowerShell writes). Anything else is reported, never guessed at.
 */
export function decodeNoteBytes(bytes: Uint8Array): { text: string } | { problem: Problem } {
  const encoding = noteEncoding(bytes);
  const refuse = (message: string) => ({ problem: problem({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'error', 'not-utf8', message) });
  if (encoding === 'utf-16-unmarked') return refuse(msg('file.utf16Unmarked'));
  try {
    return { text: (encoding === 'utf-16le' ? UTF16LE : encoding === 'utf-16be' ? UTF16BE : UTF8).decode(bytes) };
  } catch {
    return refuse(encoding === 'utf-8'
      ? msg('file.notUtf8')
      : msg('file.brokenUtf16'));
  }
}
