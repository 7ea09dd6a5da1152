import { sha256Hex } from '../base';
import { nameScrubber } from './nameScrubber';

/**
 * The protected notes store, as plain data: what `growth protect` writes into a repository (the
 * attributes line, the recipients file, the git configuration of the filter) and how the filter tells
 * whether a committed note was made for the recipients listed today. The encryption itself (age) and
 * every file and git call live in the CLI, which git runs as the filter.
 */

/** The filter and diff driver's name in .gitattributes and git config. */
export const STORE_DRIVER = 'growth';
/** The recipients file, relative to the repository root: committed, plain, public keys only. */
export const RECIPIENTS_FILE = '.growth/recipients';
/** The header stanza that records, inside each encrypted note, which set of recipients it was made for. */
export const RECIPIENT_SET_STANZA = 'growth-recipients';

const AGE_RECIPIENT = /^age1[02-9ac-hj-np-z]{20,}$/;

/** The recipients file read: public keys in order, one a line, and the lines that are not keys. */
export interface RecipientList {
  readonly recipients: readonly string[];
  /** 1-based line numbers of lines that are neither a key, a comment nor blank. */
  readonly badLines: readonly number[];
}

/** Reads `.growth/recipients`: one age public key (`age1…`) a line; `#` starts a comment. */
export function parseRecipients(text: string): RecipientList {
  const recipients: string[] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    if (AGE_RECIPIENT.test(line)) {
      if (!recipients.includes(line)) recipients.push(line);
    } else badLines.push(index + 1);
  });
  return { recipients, badLines };
}

/** Whether a string is written as an age public key (the library checks it fully when encrypting). */
export function isRecipientKey(key: string): boolean {
  return AGE_RECIPIENT.test(key);
}

/** The recipients file's text: a short header, then each key with the label it was given. */
export function formatRecipients(recipients: readonly string[]): string {
  return [
    '# Who can read the growth notes committed from now on: one age public key a line.',
    '# Change it with `growth protect --add-recipient KEY` or `--remove-recipient KEY`, then commit.',
    ...recipients,
    '',
  ].join('\n');
}

/**
 * A short fingerprint of a set of recipients (order and repeats do not matter). A committed note
 * carries the fingerprint of the set it was encrypted for, so after a recipient is added or removed
 * the filter knows to encrypt it again instead of keeping the old ciphertext.
 */
export function recipientSetFingerprint(recipients: readonly string[]): string {
  return sha256Hex([...new Set(recipients)].sort().join('\n')).slice(0, 32);
}

/** The .gitattributes line that sends every file of the notes folder through the filter. */
export function attributesLine(notesFolder: string): string {
  const folder = notesFolder.split('\\').join('/').replace(/^\.\/+/, '').replace(/\/+$/, '');
  const escaped = folder.replace(/([ #"\\])/g, '\\$1');
  return `${escaped}/** filter=${STORE_DRIVER} diff=${STORE_DRIVER}`;
}

/** Whether .gitattributes already holds the line (blank-insensitive), so it is never added twice. */
export function hasAttributesLine(attributes: string, line: string): boolean {
  const wanted = line.trim().split(/\s+/).join(' ');
  return attributes.split(/\r?\n/).some(existing => existing.trim().split(/\s+/).join(' ') === wanted);
}

/** A string as one word for the POSIX shell git runs filters through. */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The git configuration that makes the store work: `clean` encrypts a note as it is staged, `smudge`
 * decrypts it as it is checked out, `required` makes git stop rather than store a note in plain text
 * when the filter cannot run, and `textconv` shows diffs in plain text. `command` runs the CLI
 * (`node /abs/path/dist/cli.js`), already quoted for the shell.
 */
export function filterConfig(command: string): ReadonlyArray<readonly [key: string, value: string]> {
  return [
    // One process for every file of a git command; git before 2.11 runs clean and smudge per file.
    [`filter.${STORE_DRIVER}.process`, `${command} filter process`],
    [`filter.${STORE_DRIVER}.clean`, `${command} filter clean %f`],
    [`filter.${STORE_DRIVER}.smudge`, `${command} filter smudge %f`],
    [`filter.${STORE_DRIVER}.required`, 'true'],
    [`diff.${STORE_DRIVER}.textconv`, `${command} filter textconv`],
  ];
}

/**
 * Which of these people a text names (a path, a commit message): whole names, first or last names
 * alone, in any case and with or without accents, as the name scrubber finds them.
 */
export function peopleNamedIn(people: readonly string[]): (text: string) => string[] {
  const scrubbers = people.map(person => ({ person, scrub: nameScrubber([person]) }));
  // Paths separate words with - and _: read them as spaces, as a person would.
  return text => {
    const words = text.replace(/[-_./]+/g, ' ');
    return scrubbers.filter(({ scrub }) => scrub(words) !== words).map(({ person }) => person);
  };
}
