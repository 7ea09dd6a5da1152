import { mkdirSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { personKey, today } from '../core/base';
import { newStablePersonId } from '../core/note';
import { handoverNote } from '../core/outputs';
import { notePath, personSlug } from '../core/live';
import { IndexedNote, personIdentities } from '../core/workspace';
import { CONFIG_OPTION, defineCommand } from './command';
import { CommandRefusedError, folderArgument, readNotesFolder, rulesOrRefuse, scriptFor } from './io';
import { writeOutputFile } from './outputFile';
import { UsageError } from './usageError';

/**
 * `growth handover <person> [folder] --to DIR`: the new manager's first note about a person, in their
 * notes folder DIR, through the privacy gate (see `handoverNote`). It never replaces a file.
 */
export const handoverCommand = defineCommand({
  name: 'handover',
  usage: `  growth handover <person> [folder] --to DIR [--manager NAME]
      A first note for the person's new manager, written into DIR (their notes folder) under the
      person's folder: goals over time, open actions, career path and shared copies, and the person's
      stable id. Never flight risk, Private notes, private or uncertain passages, or pay. An existing
      note there is never replaced.`,
  options: { to: { type: 'string' }, manager: { type: 'string' }, ...CONFIG_OPTION },
  async run({ values, positionals }, io) {
    const [person, folderGiven, ...extra] = positionals;
    if (!person?.trim() || extra.length > 0) throw new UsageError('Give one person, then optionally one folder.');
    if (!values.to) throw new UsageError('growth handover needs --to DIR, the new manager\'s notes folder.');
    const root = folderArgument(folderGiven);
    const found = rulesOrRefuse(root, values.config);
    const script = scriptFor(found);
    const { pipeline, texts } = await readNotesFolder(root, io, true, script);
    const theirs = onePersonsNotes(pipeline.index.all(), person);
    const day = io.today ?? today();
    const made = handoverNote({
      person: latestName(theirs) ?? person, notes: theirs.map(note => ({ path: note.path, text: texts.get(note.path) ?? '' })), script, today: day,
      privateFields: found.rules.share.privateFields, privateSections: found.rules.share.privateSections, sensitiveWords: found.rules.share.sensitiveWords,
      newId: newStablePersonId(), toManager: values.manager?.trim() || undefined,
    });
    const folderName = found.rules.store.folderNames === 'pseudonymous' ? made.personId : personSlug(latestName(theirs) ?? person);
    const target = join(resolve(values.to), notePath('{person}/{date}.md', person, day, folderName));
    mkdirSync(dirname(target), { recursive: true });
    writeOutputFile(target, made.text, false);
    for (const line of made.leftOut) io.printError(`Left out: ${line}`);
    io.printError(`Wrote ${target} from ${made.notesRead} notes. The person's stable id is ${made.personId}.`);
    if (made.idIsNew) io.printError(`Their notes here carry no personId yet: add "personId: ${made.personId}" to their latest note, so your digests and the new manager's count them once.`);
    return 0;
  },
});

/** The notes of the one person of that name (the people picker's matching); refused when two people share it. */
export function onePersonsNotes(notes: readonly IndexedNote[], person: string): IndexedNote[] {
  const key = personKey(person);
  const identities = personIdentities(notes);
  const named = notes.filter(note => note.person !== undefined && personKey(note.person) === key);
  if (named.length === 0) throw new CommandRefusedError(`No notes about "${person}".`);
  const people = new Set(named.map(note => identities.get(note.path)));
  if (people.size > 1) {
    const folders = [...new Set(named.map(note => dirname(note.path)))].join(', ');
    throw new CommandRefusedError(`Two or more people are called "${person}" (their notes are in ${folders}): give the folder of the one you mean.`);
  }
  const identity = [...people][0];
  return notes.filter(note => identities.get(note.path) === identity);
}

function latestName(notes: readonly IndexedNote[]): string | undefined {
  return [...notes].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')).pop()?.person;
}
