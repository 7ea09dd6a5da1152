import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'fs';
import { homedir } from 'os';
import { dirname, join } from 'path';
import { armor, Decrypter, Encrypter, generateX25519Identity, identityToRecipient, Stanza } from 'age-encryption';
import { isEncryptedNote } from '../core/note';
import { RECIPIENT_SET_STANZA, recipientSetFingerprint } from '../core/privacy';

/**
 * age encryption of notes for the store (`growth protect`, and git's filter). Each note is encrypted
 * afresh with a random file key for every recipient, ASCII-armored so git and people see text, and
 * carries one extra header stanza naming the fingerprint of the recipient set (age readers ignore
 * stanzas they do not know), so the filter can tell when a note was made for an older set.
 */

/** The environment variable that names the identity file instead of the one in the user's profile. */
export const IDENTITY_ENV = 'GROWTH_IDENTITY_FILE';

/** Where this machine's secret key is kept: outside every repository, in the user's profile. */
export function identityPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env[IDENTITY_ENV]) return env[IDENTITY_ENV] as string;
  const config = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(config, 'growth-conversations', 'identity');
}

/** The secret keys in an identity file (age's own format: `AGE-SECRET-KEY-1…` lines, `#` comments). */
export function parseIdentities(text: string): string[] {
  return text.split(/\r?\n/).map(line => line.trim()).filter(line => line.startsWith('AGE-SECRET-KEY-'));
}

/** This machine's identities, or none when the file is missing or unreadable. */
export function readIdentities(path = identityPath()): string[] {
  try {
    return parseIdentities(readFileSync(path, 'utf8'));
  } catch {
    return [];
  }
}

/** Whether the identity file exists (even if it holds no key). */
export function hasIdentityFile(path = identityPath()): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/**
 * The identity file, created when missing: a new X25519 key, written exclusively with mode 0600 in
 * a folder of mode 0700, in age's format so the `age` tool reads it too. An existing file is never replaced.
 */
export async function ensureIdentity(path = identityPath()): Promise<{ identity: string; created: boolean }> {
  const existing = readIdentities(path);
  if (existing.length > 0) return { identity: existing[0], created: false };
  if (hasIdentityFile(path)) throw new Error(`${path} exists but holds no age secret key; fix or move it first.`);
  const identity = await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const descriptor = openSync(path, 'wx', 0o600);
  try {
    writeSync(descriptor, `# Growth Conversations: the key that opens your protected notes. Keep it private; back it up.\n# public key: ${recipient}\n${identity}\n`);
  } finally {
    closeSync(descriptor);
  }
  chmodSync(path, 0o600);
  return { identity, created: true };
}

/** The public key (recipient) of a secret key. */
export function publicKeyOf(identity: string): Promise<string> {
  return identityToRecipient(identity);
}

/** Encrypts a note for every recipient; the result is armored text with the recipient set's fingerprint. */
export async function encryptNote(plain: Uint8Array, recipients: readonly string[]): Promise<Uint8Array> {
  if (recipients.length === 0) throw new Error('no recipients');
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  const fingerprint = recipientSetFingerprint(recipients);
  encrypter.addRecipient({ wrapFileKey: () => [new Stanza([RECIPIENT_SET_STANZA, fingerprint], new Uint8Array(0))] });
  return new TextEncoder().encode(armor.encode(await encrypter.encrypt(plain)));
}

/** The plaintext of an encrypted note, or undefined when none of the identities opens it (or it is damaged). */
export async function decryptNote(encrypted: Uint8Array, identities: readonly string[]): Promise<Uint8Array | undefined> {
  if (identities.length === 0) return undefined;
  try {
    const decrypter = new Decrypter();
    for (const identity of identities) decrypter.addIdentity(identity);
    return await decrypter.decrypt(rawAgeFile(encrypted));
  } catch {
    return undefined;
  }
}

/** The recipient-set fingerprint an encrypted note carries in its header, if any. */
export function recipientSetOf(encrypted: Uint8Array): string | undefined {
  try {
    const raw = rawAgeFile(encrypted);
    // The header is text up to the "---" MAC line; each stanza starts "-> type args…".
    const end = findHeaderEnd(raw);
    const header = new TextDecoder('latin1').decode(raw.subarray(0, end));
    for (const line of header.split('\n')) {
      const args = line.startsWith('-> ') ? line.slice(3).split(' ') : [];
      if (args[0] === RECIPIENT_SET_STANZA) return args[1];
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function findHeaderEnd(raw: Uint8Array): number {
  for (let at = 0; at + 4 <= raw.length; at++) {
    if (raw[at] === 0x0a && raw[at + 1] === 0x2d && raw[at + 2] === 0x2d && raw[at + 3] === 0x2d) return at;
  }
  return raw.length;
}

/** The binary age file inside armored bytes (or the bytes themselves when already binary). */
function rawAgeFile(bytes: Uint8Array): Uint8Array {
  const text = new TextDecoder('latin1').decode(bytes);
  return text.trimStart().startsWith('-----BEGIN') ? armor.decode(text) : bytes;
}

/** Whether bytes are an encrypted note (armored or binary age). */
export function isEncrypted(bytes: Uint8Array): boolean {
  return isEncryptedNote(bytes);
}
