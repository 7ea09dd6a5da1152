import { personKey } from '../base';
import { analyzeNote } from '../note';
import { nameScrubber, peopleNamedIn } from '../privacy';

/** A note or copy the export reads: its path (relative, with `/`) and text. */
export interface AccessSourceFile {
  readonly path: string;
  readonly text: string;
}

/** One earlier version of a note, as git lists it. */
export interface NoteVersion {
  readonly commit: string;
  readonly date: string;
}

export interface AccessRequest {
  /** The person asking for their data, as their notes spell them. */
  readonly person: string;
  /** Every growth note of the workspace. */
  readonly notes: readonly AccessSourceFile[];
  /** Files in the export folder; those that are a shared copy for the person are included. */
  readonly exported: readonly AccessSourceFile[];
  /** Earlier versions of each of the person's notes, by path. */
  readonly versions: ReadonlyMap<string, readonly NoteVersion[]>;
}

/** A file of the export: where it goes in the output folder, and what it holds. */
export interface AccessFile {
  readonly path: string;
  readonly content: string;
}

/**
 * Everything the notes hold about one person, for their request to see their data: their notes in
 * full (Private notes included), the copies they were given, what other people's notes say of them,
 * and the list of earlier versions, with an index saying what each file is. Nothing of anyone else
 * leaves: every other person's name, handle and address is replaced, in their notes and in the lines
 * taken from other notes, and nothing else of other people's notes is taken.
 */
export function subjectAccessExport(request: AccessRequest): AccessFile[] {
  const key = personKey(request.person);
  const read = request.notes.map(file => ({ file, note: analyzeNote(file.text).note }));
  const theirs = read.filter(({ note }) => note.isGrowthNote && note.person !== undefined && personKey(note.person) === key);
  const others = read.filter(entry => !theirs.includes(entry) && entry.note.isGrowthNote);
  const managers = new Set(read.map(({ note }) => note.manager).filter((name): name is string => Boolean(name)));
  const people = new Set(read.map(({ note }) => note.person).filter((name): name is string => Boolean(name)));
  // The person, and the manager who wrote the notes, are named in them by right (by full name or, as an
  // owner, by a first name no one else in the notes has); every other person is not.
  const byRight = [request.person, ...managers];
  const named = (name: string) => byRight.some(one => personKey(one) === personKey(name) || onlyFirstNameOf(name, one, people));
  const otherNames = new Set<string>();
  for (const { note } of read) {
    for (const name of [note.person, ...note.tasks.map(task => task.owner)]) if (name && !named(name)) otherNames.add(name);
  }
  const scrub = nameScrubber([...otherNames]);
  const files: AccessFile[] = [];
  const used = new Set<string>();
  for (const { file } of theirs) files.push({ path: uniquePath(`notes/${baseName(file.path)}`, used), content: scrub(file.text) });
  for (const file of request.exported) {
    const copy = analyzeNote(file.text).note.data;
    if (copy.type === 'growth-shared-copy' && typeof copy.person === 'string' && personKey(copy.person) === key) {
      files.push({ path: uniquePath(`shared/${baseName(file.path)}`, used), content: scrub(file.text) });
    }
  }
  const mentions = mentionLines(request.person, others.map(({ note }) => note), scrub);
  files.push({ path: 'mentions.md', content: mentions });
  files.push({ path: 'versions.md', content: versionsPage(theirs.map(({ file }) => file.path), request.versions) });
  files.unshift({ path: 'index.md', content: indexPage(request.person, files) });
  return files;
}

/** True when `handle` is the first name of `name` and of no other person in the notes: an owner written `@priya` for Priya Shah. */
function onlyFirstNameOf(handle: string, name: string, people: ReadonlySet<string>): boolean {
  const first = (full: string) => personKey(full).split(' ')[0];
  const key = personKey(handle);
  if (key === '' || key.includes(' ') || first(name) !== key) return false;
  return ![...people].some(other => personKey(other) !== personKey(name) && first(other) === key);
}

/** What other people's notes say of the person: each block naming them, with every other name replaced. */
function mentionLines(person: string, notes: readonly ReturnType<typeof analyzeNote>['note'][], scrub: (text: string) => string): string {
  const names = peopleNamedIn([person]);
  const lines = notes.flatMap(note => note.blocks.filter(block => block.text && names(block.text).length > 0)
    .map(block => `- ${note.date ?? 'undated'}: ${scrub(block.text)}`));
  return ['# Mentions in other people\'s notes', '',
    lines.length === 0 ? 'None.' : 'Each line is one passage of a note about someone else that names you. Other people\'s names are replaced by [name].',
    '', ...lines, ''].join('\n');
}

function versionsPage(paths: readonly string[], versions: ReadonlyMap<string, readonly NoteVersion[]>): string {
  const lines = paths.flatMap(path => [`## ${baseName(path)}`, '',
    ...(versions.get(path) ?? []).map(version => `- ${version.date} (version ${version.commit})`), '']);
  return ['# Earlier versions', '', 'Each note with the days it was saved in the notes history; any of these versions can be provided on request.', '', ...lines].join('\n');
}

function indexPage(person: string, files: readonly AccessFile[]): string {
  const describe = (path: string) => path.startsWith('notes/') ? 'a conversation note about you, in full (Private notes included)'
    : path.startsWith('shared/') ? 'a copy of a note that was shared with you'
      : path === 'mentions.md' ? 'passages of notes about other people that name you'
        : 'the earlier saved versions of your notes';
  return [`# Everything the growth notes hold about ${person}`, '',
    'Other people\'s names, handles and e-mail addresses are replaced by [name] throughout.', '',
    '| file | what it is |', '|---|---|', ...files.map(file => `| ${file.path} | ${describe(file.path)} |`), ''].join('\n');
}

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

/** A path not used yet in the export: a second `2026-05-12.md` becomes `2026-05-12-2.md`. */
function uniquePath(path: string, used: Set<string>): string {
  let candidate = path;
  for (let n = 2; used.has(candidate); n++) candidate = path.replace(/(\.[^./]+)?$/, `-${n}$1`);
  used.add(candidate);
  return candidate;
}
