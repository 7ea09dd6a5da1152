import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'fs';
import { basename, dirname, join } from 'path';
import { attributesLine, filterConfig, formatRecipients, hasAttributesLine, isRecipientKey, parseRecipients, RECIPIENTS_FILE, shellWord, STORE_DRIVER } from '../core/privacy';
import { CONFIG_OPTION, defineCommand, onePositional } from './command';
import { git, gitConfig, gitText, repositoryRoot } from './gitRepo';
import { CliIo, CommandRefusedError, folderArgument, readRules } from './io';
import { writeOutputFile } from './outputFile';
import { decryptNote, ensureIdentity, identityPath, isEncrypted, publicKeyOf, readIdentities } from './noteCrypto';

/**
 * `growth protect [folder]`: sets a notes repository up so that every file of the notes folder is
 * committed encrypted (age, for the keys listed in .growth/recipients) and checked out readable on
 * a machine with a key. `--add-recipient` / `--remove-recipient` change who can read what is
 * committed from then on; `--status` says how the repository stands, with the notes history still
 * holds in plain text.
 */
export const protectCommand = defineCommand({
  name: 'protect',
  usage: `  growth protect [folder] [--add-recipient KEY] [--remove-recipient KEY] [--status]
      Stores the notes encrypted in git and keeps them readable here. Your key stays in
      ${'~/.config/growth-conversations/identity'} (GROWTH_IDENTITY_FILE names another). --status lists
      notes committed in plain text before protection.`,
  options: { 'add-recipient': { type: 'string', multiple: true }, 'remove-recipient': { type: 'string', multiple: true }, status: { type: 'boolean' }, ...CONFIG_OPTION },
  async run({ values, positionals }, io) {
    const root = repositoryRoot(folderArgument(onePositional(positionals)));
    const notesFolder = readRules(root, values.config).rules.notesFolder;
    if (values.status) return printStatus(root, notesFolder, io);
    const { identity, created } = await ensureIdentity();
    const myKey = await publicKeyOf(identity);
    if (created) io.printError(`Made your key in ${identityPath()} (readable only by you). Back it up: without it the notes cannot be read.`);
    const recipients = updateRecipients(root, myKey, values['add-recipient'] ?? [], values['remove-recipient'] ?? [], io);
    addAttributes(root, notesFolder);
    for (const [key, value] of filterConfig(filterCommandLine())) gitText(root, ['config', '--local', key, value]);
    stage(root, notesFolder);
    const opened = await openCheckedOutNotes(root, notesFolder, [identity]);
    if (opened > 0) io.print(`Opened ${opened} note${opened === 1 ? '' : 's'} checked out encrypted.`);
    io.print(`Protected: notes under ${notesFolder}/ are committed encrypted for ${recipients.length} key${recipients.length === 1 ? '' : 's'}.`);
    io.print('Commit to finish: git commit -m "Protect growth notes" (or Growth: Commit Notes).');
    const plain = notesInPlainHistory(root, notesFolder);
    if (plain.length > 0) io.print(`${plain.length} note${plain.length === 1 ? ' was' : 's were'} committed in plain text before: they stay readable in history. growth protect --status lists them.`);
    return 0;
  },
});

/** The command git runs for the filter: this Node and this CLI, by absolute path, quoted for the shell. */
function filterCommandLine(): string {
  const script = process.env.GROWTH_CLI_SCRIPT ?? (['cli.js', 'store.js'].includes(basename(__filename)) ? __filename : process.argv[1]);
  if (!script) throw new CommandRefusedError('Cannot tell where the growth command is installed; set GROWTH_CLI_SCRIPT.');
  // Inside VS Code, Node is VS Code's own program, run as Node.
  const electron = process.versions.electron !== undefined ? 'ELECTRON_RUN_AS_NODE=1 ' : '';
  return `${electron}${shellWord(process.execPath)} ${shellWord(realpathSync(script))}`;
}

/** Creates the recipients file (with this machine's key) or applies the changes asked for; returns the keys. */
function updateRecipients(root: string, myKey: string, add: readonly string[], remove: readonly string[], io: CliIo): string[] {
  const path = join(root, RECIPIENTS_FILE);
  for (const key of [...add, ...remove]) if (!isRecipientKey(key)) throw new CommandRefusedError(`"${key}" is not an age public key (they start with age1).`);
  let text = existsSync(path) ? readFileSync(path, 'utf8') : formatRecipients([myKey]);
  const before = parseRecipients(text);
  if (before.badLines.length > 0) throw new CommandRefusedError(`${RECIPIENTS_FILE} line ${before.badLines.join(', ')} is not an age public key; fix it first.`);
  for (const key of remove) {
    if (!before.recipients.includes(key)) throw new CommandRefusedError(`${key} is not a recipient.`);
    text = text.split('\n').filter(line => line.replace(/#.*$/, '').trim() !== key).join('\n');
  }
  for (const key of add) if (!parseRecipients(text).recipients.includes(key)) text = `${text.replace(/\n*$/, '\n')}${key}\n`;
  const after = parseRecipients(text).recipients;
  if (after.length === 0) throw new CommandRefusedError('That would leave nobody able to read the notes; add another key first.');
  mkdirSync(dirname(path), { recursive: true });
  // The recipients file is replaced on purpose, through the one writer (temporary, fsync, rename; never over a note).
  writeOutputFile(path, text, true);
  if (!after.includes(myKey)) io.printError(`Your key (${myKey}) is not a recipient: notes committed from now on cannot be read on this machine.`);
  if (add.length + remove.length > 0) {
    io.print(`Recipients now: ${after.length}. Notes committed from now on are encrypted for them; what was committed and pushed before stays readable to whoever could read it then.`);
  }
  return [...after];
}

/** Adds the notes folder's line to .gitattributes, keeping every line already there. */
function addAttributes(root: string, notesFolder: string): void {
  const path = join(root, '.gitattributes');
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const line = attributesLine(notesFolder);
  if (hasAttributesLine(existing, line)) return;
  // Every line already there is kept; the file is replaced whole through the one writer.
  writeOutputFile(path, `${existing}${existing === '' || existing.endsWith('\n') ? '' : '\n'}${line}\n`, true);
}

/** Stages the set-up and every tracked note again, so the next commit stores them encrypted for today's recipients. */
function stage(root: string, notesFolder: string): void {
  gitText(root, ['add', '--', '.gitattributes', RECIPIENTS_FILE]);
  if (gitText(root, ['ls-files', '--', notesFolder]).trim() !== '') gitText(root, ['add', '--renormalize', '--', notesFolder]);
}

/**
 * A clone made before the filter was set has its notes checked out encrypted. Each one still exactly
 * as committed, that this machine's key opens, is replaced by its plain text (what the filter's smudge
 * would have written), through a temporary and a rename; nothing else is touched. git's index is then
 * told the files' new sizes by staging them again: the filter's clean gives back the same committed blob.
 */
async function openCheckedOutNotes(root: string, notesFolder: string, identities: readonly string[]): Promise<number> {
  const openedPaths: string[] = [];
  for (const path of gitText(root, ['ls-files', '-z', '--', notesFolder]).split('\0').filter(Boolean)) {
    const full = join(root, path);
    const working = existsSync(full) ? readFileSync(full) : undefined;
    if (!working || !isEncrypted(working)) continue;
    const committed = git(root, ['cat-file', 'blob', `:${path}`]);
    if (committed.status !== 0 || !committed.stdout.equals(working)) continue;
    const plain = await decryptNote(working, identities);
    if (!plain) continue;
    const temporary = join(dirname(full), `.growth-${process.pid}-${openedPaths.length}.tmp`);
    writeFileSync(temporary, plain, { flag: 'wx' });
    renameSync(temporary, full);
    openedPaths.push(path);
  }
  // git takes a file whose size changed for a changed file without reading it; staging it again
  // records the new size (the clean gives back the same blob, so nothing is changed in the index).
  if (openedPaths.length > 0) gitText(root, ['add', '--', ...openedPaths]);
  return openedPaths.length;
}

/** `--status`: how the repository stands, and every note history holds in plain text. */
async function printStatus(root: string, notesFolder: string, io: CliIo): Promise<number> {
  const configured = gitConfig(root, `filter.${STORE_DRIVER}.clean`) !== undefined;
  const attributes = existsSync(join(root, '.gitattributes')) && hasAttributesLine(readFileSync(join(root, '.gitattributes'), 'utf8'), attributesLine(notesFolder));
  const recipients = existsSync(join(root, RECIPIENTS_FILE)) ? parseRecipients(readFileSync(join(root, RECIPIENTS_FILE), 'utf8')).recipients : [];
  io.print(`Protection: ${configured && attributes && recipients.length > 0 ? 'on' : 'off'} (filter ${configured ? 'set' : 'not set'}, .gitattributes ${attributes ? 'covers' : 'does not cover'} ${notesFolder}/, ${recipients.length} recipient${recipients.length === 1 ? '' : 's'}).`);
  for (const key of recipients) io.print(`  recipient ${key}`);
  const identities = readIdentities();
  const mine = await Promise.all(identities.map(publicKeyOf));
  io.print(identities.length === 0 ? `This machine has no key (${identityPath()}).`
    : `This machine's key: ${mine.join(', ')}${mine.some(key => recipients.includes(key)) ? '' : ' (not a recipient)'}.`);
  const plain = notesInPlainHistory(root, notesFolder);
  io.print(plain.length === 0 ? 'No note was ever committed in plain text.' : `Committed in plain text (still readable in history): ${plain.length}`);
  for (const path of plain) io.print(`  ${path}`);
  return 0;
}

/** Paths under the notes folder with a blob anywhere in history that is not encrypted. */
export function notesInPlainHistory(root: string, notesFolder: string): string[] {
  const listed = git(root, ['rev-list', '--all', '--objects', '--', notesFolder]);
  if (listed.status !== 0) return [];
  const prefix = `${notesFolder.replace(/\/+$/, '')}/`;
  const blobs = new Map<string, string>();
  for (const line of listed.stdout.toString('utf8').split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0 && line.slice(space + 1).startsWith(prefix)) blobs.set(line.slice(0, space), line.slice(space + 1));
  }
  const plain = new Set<string>();
  for (const [id, path] of blobs) {
    const blob = git(root, ['cat-file', '-p', id]);
    // Trees under the folder are listed too; only blobs (files) count.
    if (git(root, ['cat-file', '-t', id]).stdout.toString('utf8').trim() === 'blob' && !isEncrypted(blob.stdout)) plain.add(path);
  }
  return [...plain].sort();
}
