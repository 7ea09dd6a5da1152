import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import { personKey } from '../core/base';
import { AccessSourceFile, NoteVersion, subjectAccessExport } from '../core/outputs';
import { CONFIG_OPTION, defineCommand } from './command';
import { git } from './gitRepo';
import { CommandRefusedError, folderArgument, readNotesFolder, readRules, scriptFor } from './io';
import { writeOutputFile } from './outputFile';
import { UsageError } from './usageError';

/**
 * `growth access <person> [folder] --out DIR`: a person's request for their data. Writes their notes in
 * full, the copies they were given, what other notes say of them (other names replaced), the list of
 * earlier versions, and an index, into a new folder. Nothing of anyone else leaves.
 */
export const accessCommand = defineCommand({
  name: 'access',
  usage: `  growth access <person> [folder] --out DIR [--shared FOLDER]
      Everything the notes hold about one person, for their request to see it: their notes in full,
      shared copies (from FOLDER, default growth-exports), mentions in other notes with other names
      replaced, earlier versions, and index.md. DIR must be new or empty.`,
  options: { out: { type: 'string' }, shared: { type: 'string' }, ...CONFIG_OPTION },
  async run({ values, positionals }, io) {
    const [person, folderGiven, ...extra] = positionals;
    if (!person || extra.length > 0) throw new UsageError('Give one person, then optionally one folder.');
    if (!values.out) throw new UsageError('growth access needs --out DIR.');
    const root = folderArgument(folderGiven);
    const found = readRules(root, values.config);
    const { pipeline, texts } = await readNotesFolder(root, io, true, scriptFor(found));
    const notes: AccessSourceFile[] = [...texts].map(([path, text]) => ({ path, text }));
    const theirs = pipeline.index.all().filter(note => note.person !== undefined && personKey(note.person) === personKey(person));
    if (theirs.length === 0) throw new CommandRefusedError(`No notes about "${person}" in "${root}".`);
    const versions = new Map<string, NoteVersion[]>(theirs.map(note => [note.path, earlierVersions(root, note.path)]));
    const files = subjectAccessExport({ person: theirs[0].person ?? person, notes, exported: sharedCopies(resolve(root, values.shared ?? 'growth-exports')), versions });
    const out = resolve(values.out);
    if (existsSync(out) && (!statSync(out).isDirectory() || readdirSync(out).length > 0)) throw new CommandRefusedError(`"${values.out}" exists and is not an empty folder.`);
    for (const file of files) {
      const full = join(out, file.path);
      mkdirSync(dirname(full), { recursive: true });
      writeOutputFile(full, file.content, false);
    }
    io.printError(`Wrote ${files.length} files to ${values.out}: see index.md there.`);
    return 0;
  },
});

/** The days a note was committed, newest first, following renames. */
function earlierVersions(root: string, path: string): NoteVersion[] {
  const log = git(root, ['log', '--follow', '--format=%h %ad', '--date=short', '--', path]);
  if (log.status !== 0) return [];
  return log.stdout.toString('utf8').split('\n').filter(Boolean).map(line => {
    const [commit, date] = line.split(' ');
    return { commit, date };
  });
}

/** Markdown files of the export folder (a shared copy says so in its frontmatter). */
function sharedCopies(folder: string): AccessSourceFile[] {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return [];
  const found: AccessSourceFile[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.')) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.md') && statSync(full).size < 4 * 1024 * 1024) {
        found.push({ path: relative(folder, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(folder);
  return found;
}
