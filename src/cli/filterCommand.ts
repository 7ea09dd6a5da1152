import { readFileSync, writeSync } from 'fs';
import { join } from 'path';
import { parseRecipients, RECIPIENTS_FILE, recipientSetFingerprint } from '../core/privacy';
import { defineCommand } from './command';
import { committedBlob } from './gitRepo';
import { CommandRefusedError } from './io';
import { decryptNote, encryptNote, isEncrypted, readIdentities, recipientSetOf } from './noteCrypto';
import { PacketReader, PacketWriter, serveFilterProcess } from './filterProcess';
import { UsageError } from './usageError';

/** What the filter reads and writes: bytes in, bytes out (git's stdin and stdout), and the repository. */
export interface FilterContext {
  /** The top of the working tree: git runs its filters there. */
  readonly root: string;
  readonly identities: readonly string[];
}

/**
 * `clean`: a note as git stores it. Encrypted for the repository's recipients; but when the note is
 * unchanged since it was last staged or committed, and that blob was made for the same recipients,
 * the blob itself is given back, byte for byte. age encrypts with a fresh random key every time, so
 * without this every checked-out note would look modified to `git status`. Nothing is cached on disk:
 * the committed blob is the cache, and it is trusted only when this machine's key opens it to exactly
 * the same bytes. Text that is already encrypted (a checkout without the key) passes through as it is.
 */
export async function cleanNote(path: string, plain: Uint8Array, context: FilterContext): Promise<Uint8Array> {
  if (isEncrypted(plain)) return plain;
  const recipients = readRecipients(context.root);
  const fingerprint = recipientSetFingerprint(recipients);
  const committed = committedBlob(context.root, path);
  if (committed && isEncrypted(committed) && recipientSetOf(committed) === fingerprint) {
    const opened = await decryptNote(committed, context.identities);
    if (opened && Buffer.from(opened).equals(Buffer.from(plain))) return committed;
  }
  return encryptNote(plain, recipients);
}

/** `smudge`: a stored note as checked out. Decrypted when this machine's key opens it, else left encrypted. */
export async function smudgeNote(stored: Uint8Array, context: Pick<FilterContext, 'identities'>): Promise<Uint8Array> {
  if (!isEncrypted(stored)) return stored;
  return (await decryptNote(stored, context.identities)) ?? stored;
}

/** `textconv`: what `git diff` and `git log -p` show for a stored note. */
export async function noteAsText(stored: Uint8Array, context: Pick<FilterContext, 'identities'>): Promise<Uint8Array> {
  if (!isEncrypted(stored)) return stored;
  return (await decryptNote(stored, context.identities))
    ?? new TextEncoder().encode('(This note is encrypted and this machine has no key to read it.)\n');
}

/**
 * The recipients listed in the repository; none, or a line that is not a key, refuses the clean,
 * so git stops (the filter is required) instead of storing the note in plain text.
 */
export function readRecipients(root: string): string[] {
  let text: string;
  try {
    text = readFileSync(join(root, RECIPIENTS_FILE), 'utf8');
  } catch {
    throw new CommandRefusedError(`${RECIPIENTS_FILE} is missing, so the note was not stored. Run growth protect again.`);
  }
  const list = parseRecipients(text);
  if (list.badLines.length > 0) throw new CommandRefusedError(`${RECIPIENTS_FILE} line ${list.badLines.join(', ')} is not an age public key, so the note was not stored.`);
  if (list.recipients.length === 0) throw new CommandRefusedError(`${RECIPIENTS_FILE} lists nobody, so the note was not stored.`);
  return [...list.recipients];
}

/**
 * `growth filter clean|smudge <path>`, `growth filter textconv <file>`: what git runs for the notes
 * folder of a protected repository (see `growth protect`). Not listed in the help: people never run it.
 */
export const filterCommand = defineCommand({
  name: 'filter',
  hidden: true,
  usage: `  growth filter process | clean|smudge <path> | textconv <file>
      Run by git in a protected repository: encrypts notes as they are stored, decrypts them as they are checked out.
      process serves every file of one git command (git's long-running filter); clean and smudge one file each.`,
  options: {},
  async run({ positionals }) {
    const [mode, path] = positionals;
    const context = { root: process.cwd(), identities: readIdentities() };
    if (mode === 'process') {
      await serveFilterProcess(new PacketReader(process.stdin), new PacketWriter(1),
        (command, file, bytes) => (command === 'clean' ? cleanNote(file, bytes, context) : smudgeNote(bytes, context)), text => process.stderr.write(`${text}\n`));
      return 0;
    }
    let output: Uint8Array;
    if (mode === 'clean' && path !== undefined) output = await cleanNote(path, readFileSync(0), context);
    else if (mode === 'smudge') output = await smudgeNote(readFileSync(0), context);
    else if (mode === 'textconv' && path !== undefined) output = await noteAsText(readFileSync(path), context);
    else throw new UsageError('growth filter takes process, clean <path>, smudge <path> or textconv <file>.');
    for (let done = 0; done < output.length;) done += writeSync(1, output, done, output.length - done);
    return 0;
  },
});
