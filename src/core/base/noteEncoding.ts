import { msg } from './messages';
import type { Problem } from './problem';

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
 * (what Windows PowerShell writes). Anything else is reported, never guessed at. Lone CR line endings
 * (old Mac exports) become LF here, the one place every command decodes a note: one character for one,
 * so every offset stays where it was, and the lines are the ones VS Code shows for the same file.
 */
export function decodeNoteBytes(bytes: Uint8Array): { text: string } | { problem: Problem } {
  const encoding = noteEncoding(bytes);
  const start = { line: 0, character: 0 };
  const refuse = (message: string): { problem: Problem } => ({ problem: { range: { start, end: start }, severity: 'error', code: 'not-utf8', message } });
  if (encoding === 'utf-16-unmarked') return refuse(msg('file.utf16Unmarked'));
  try {
    return { text: withoutLoneCr((encoding === 'utf-16le' ? UTF16LE : encoding === 'utf-16be' ? UTF16BE : UTF8).decode(bytes)) };
  } catch {
    return refuse(encoding === 'utf-8'
      ? msg('file.notUtf8')
      : msg('file.brokenUtf16'));
  }
}

/** A lone `\r` (not followed by `\n`) as `\n`; CRLF stays as it is. */
export function withoutLoneCr(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * Decodes a file a person sent back (not a note: any editor, any mail client wrote it): UTF-8, UTF-16
 * with or without a byte-order mark, else Windows-1252, which every byte decodes in (what older Windows
 * editors save). Line endings become LF.
 */
export function decodeReturnedBytes(bytes: Uint8Array): { text: string; encoding: string } {
  const marked = noteEncoding(bytes);
  const encoding = marked === 'utf-16-unmarked' ? unmarkedUtf16(bytes) : marked;
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/\r\n?/g, '\n'), encoding };
  } catch {
    return { text: windows1252(bytes).replace(/\r\n?/g, '\n'), encoding: 'windows-1252' };
  }
}

/** UTF-16 without a mark: little-endian when the NULs sit in the odd bytes (ASCII text), big-endian otherwise. */
function unmarkedUtf16(bytes: Uint8Array): string {
  let odd = 0;
  let even = 0;
  for (let i = 0; i + 1 < Math.min(bytes.length, 64); i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  return odd >= even ? 'utf-16le' : 'utf-16be';
}

// Node's TextDecoder reads "windows-1252" as Latin-1, so the 32 bytes where the two differ are mapped here (undefined bytes stay as they are).
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function windows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}
