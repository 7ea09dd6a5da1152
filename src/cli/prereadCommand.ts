import { existsSync, statSync } from 'fs';
import { dirname, resolve } from 'path';
import { decodeReturnedBytes, msg, today } from '../core/base';
import { matchReturnedPreread, planTheirWords, unplacedNotes, withInsertions } from '../core/live';
import { prereadFor, prereadHtml } from '../core/outputs';
import { CONFIG_OPTION, defineCommand } from './command';
import { CliIo, CommandRefusedError, folderArgument, readNoteFile, readNotesFolder, rulesOrRefuse, scriptFor } from './io';
import { writeOutputFile } from './outputFile';
import { FileFaultError, readRegularFileSync } from './regularFile';
import { UsageError } from './usageError';

/** A returned pre-read is a page or two of text: anything larger is not one. */
const MAX_RETURNED_BYTES = 1024 * 1024;

/**
 * `growth preread <person> [folder]`: the pre-read for the person, made from the notes in the folder;
 * `growth preread import FILE <note>`: the note with their words under each question, printed or
 * written to a new file with `--out` (the CLI never writes over a note; the editor's command edits it).
 */
export const prereadCommand = defineCommand({
  name: 'preread',
  usage: `  growth preread <person> [folder] [--config FILE] [--out file.md|file.html [--force]]
      A pre-read for the person to fill in before the conversation: the questions, last time's
      goals and the open actions (only what their shared copy would show).
  growth preread import <returned file> <note> [--config FILE] [--out file.md [--force]]
      The note with the person's answers put under each question as their words; what could
      not be placed is listed. Printed, or written to a new file: the note itself is not changed.`,
  options: { out: { type: 'string' }, force: { type: 'boolean' }, ...CONFIG_OPTION },
  async run({ values, positionals }, io) {
    const out = { path: values.out, force: values.force ?? false };
    if (positionals[0] === 'import') return importPreread(positionals.slice(1), values.config, out, io);
    const [person, folder, ...more] = positionals;
    if (!person?.trim() || more.length > 0) throw new UsageError('Name one person, and at most one folder.');
    const root = folderArgument(folder);
    const found = rulesOrRefuse(root, values.config);
    const script = scriptFor(found);
    const { pipeline, texts } = await readNotesFolder(root, io, true, script);
    const made = prereadFor({
      person, script, notes: pipeline.index.all(), textOf: path => texts.get(path),
      share: { privateFields: found.rules.share.privateFields, privateSections: found.rules.share.privateSections }, today: io.today ?? today(),
    });
    for (const line of made.leftOut) io.printError(line);
    if (!out.path) {
      io.print(made.markdown);
      return 0;
    }
    writeOutputFile(out.path, out.path.toLowerCase().endsWith('.html') ? prereadHtml(made) : made.markdown, out.force);
    io.printError(`Wrote ${out.path}`);
    return 0;
  },
});

function importPreread(positionals: readonly string[], config: string | undefined, out: { path?: string; force: boolean }, io: CliIo): number {
  const [file, notePath, ...more] = positionals;
  if (!file || !notePath || more.length > 0) throw new UsageError('Give the returned file and the note to put the answers in.');
  if (!existsSync(resolve(file)) || !statSync(resolve(file)).isFile()) throw new UsageError(`"${file}" is not a file.`);
  let bytes: Buffer;
  try {
    bytes = readRegularFileSync(resolve(file), MAX_RETURNED_BYTES);
  } catch (error) {
    if (error instanceof FileFaultError) throw new CommandRefusedError(error.message);
    throw error;
  }
  const noteText = readNoteFile(notePath, reason => new CommandRefusedError(reason));
  const script = scriptFor(rulesOrRefuse(dirname(resolve(notePath)), config));
  const match = matchReturnedPreread(decodeReturnedBytes(bytes).text, script);
  const plan = planTheirWords(noteText, match.placed, script);
  if (plan.refused) throw new CommandRefusedError(plan.refused);
  for (const line of [...unplacedNotes(match), ...plan.notes]) io.printError(line);
  io.printError(match.placed.length === 0 ? msg('preread.nothing') : msg('preread.placed', plan.insertions.length, match.placed.length));
  const merged = withInsertions(noteText, plan.insertions);
  if (!out.path) {
    io.print(merged);
    return 0;
  }
  writeOutputFile(out.path, merged, out.force);
  io.printError(`Wrote ${out.path}`);
  return 0;
}
