/**
 * Notes kept encrypted at rest (see `growth protect`): in a checkout without the key, a note's file
 * holds age ciphertext instead of Markdown. The reader recognises it here, from its first bytes, so
 * every command says "encrypted, and this machine has no key" once per file instead of reading it
 * as a Markdown file that is not a note.
 */

/** The first line of an ASCII-armored age file, which is how the store keeps every note. */
export const AGE_ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
/** The first line of a binary age file (not written by the store, but recognised all the same). */
export const AGE_BINARY_BEGIN = 'age-encryption.org/v1\n';

const MAX_LEADING_WHITESPACE = 64;

/** Whether these bytes are an age-encrypted file: armored (after any whitespace, as age allows) or binary. */
export function isEncryptedNote(bytes: Uint8Array): boolean {
  let at = 0;
  while (at < bytes.length && at < MAX_LEADING_WHITESPACE && isAsciiSpace(bytes[at])) at++;
  return startsWithAscii(bytes, at, AGE_ARMOR_BEGIN) || startsWithAscii(bytes, 0, AGE_BINARY_BEGIN);
}

/** The same test on text already decoded. */
export function isEncryptedNoteText(text: string): boolean {
  return text.trimStart().startsWith(AGE_ARMOR_BEGIN) || text.startsWith(AGE_BINARY_BEGIN);
}

function isAsciiSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

function startsWithAscii(bytes: Uint8Array, at: number, prefix: string): boolean {
  if (bytes.length - at < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix.charCodeAt(i)) return false;
  return true;
}
