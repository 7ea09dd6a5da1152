import { dirname, relative, resolve, sep } from 'path';
import { shareableCopy } from '../core/outputs';
import { CONFIG_OPTION, defineCommand, onePositional } from './command';
import { earlierNotesOf, notesRootOf } from './earlierNotes';
import { folderArgument, readNoteFile, rulesOrRefuse, scriptFor, writeOutput } from './io';
import { UsageError } from './usageError';

/** A note that cannot be shared safely: the CLI says why and exits 1. */
export class ShareRefusedError extends Error {}

/** `growth share <note> …`: the copy for the person, under the configuration found from the note's folder. */
export const shareCommand = defineCommand({
  name: 'share',
  usage: `  growth share <note> [--notes FOLDER] [--config FILE] [--out file.md|file.html [--force]]
      The copy of a note to share with the person: nothing manager-only, no comments. It ends with
      what was agreed in their earlier conversations, read from the notes folder (--notes to name it).`,
  options: { out: { type: 'string' }, force: { type: 'boolean' }, notes: { type: 'string' }, ...CONFIG_OPTION },
  async run({ values, positionals }, io) {
    const notePath = onePositional(positionals);
    if (!notePath) throw new UsageError('Name the note to share.');
    const text = readNoteFile(notePath, reason => new ShareRefusedError(`${reason} Nothing was shared.`));
    const found = rulesOrRefuse(dirname(resolve(notePath)), values.config);
    const { privateFields, privateSections } = found.rules.share;
    const script = scriptFor(found);
    const notesRoot = values.notes !== undefined ? folderArgument(values.notes) : notesRootOf(notePath, found);
    const earlierNotes = await earlierNotesOf(notesRoot, text, io, script);
    // In the paths the earlier notes have (relative to that folder, with /), so only the note's own folder counts.
    const ownPath = relative(notesRoot, resolve(notePath)).split(sep).join('/');
    const copy = shareableCopy(text, { privateFields, privateSections, script, earlierNotes, notePath: ownPath });
    if ('refused' in copy) throw new ShareRefusedError(`${copy.refused} Nothing was shared.`);
    if (copy.removed.length > 0) io.printError(`Left out: ${copy.removed.join(', ')}.`);
    return writeOutput(copy.text, 'Growth conversation', { path: values.out, force: values.force ?? false }, io);
  },
});
