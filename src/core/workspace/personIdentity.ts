import { dirnamePosix, joinPosix, matchName, normalizePosix, personKey } from '../base';
import { resolveRelative } from '../note';
import type { IndexedNote } from './indexedNote';

/**
 * Who each note is about, as one identity per person, for every count of people (reports, digests,
 * the People view). A name alone is not enough: "Sam Lee" in one note and "Samuel Lee" in the next are
 * one person, and two people called Alex Kim are two. In order:
 *
 * 1. **The person's folder.** A folder whose notes all name one person (names that match as the people
 *    picker matches them: "Sam Lee", "Samuel Lee", "sam lee") is that person's folder, and every note in
 *    it is theirs. Person's folders of one name whose notes name one person are one person's too (the
 *    workspace and an archive opened beside it); `alex-morgan-2/` beside `alex-morgan/` stays someone
 *    else. A folder holding several people's notes (a flat layout) says nothing.
 * 2. **The `previous` chain.** A note and the note its `previous` points at are one person (when they
 *    share a folder or their names match; a link to someone else's note is an error, and ignored).
 * 3. **The name, folded** (`personKey`): notes outside a person's folder and chain with the same name
 *    are one person, and join the one person's folder of that name when there is exactly one.
 * 4. **The stable id** (frontmatter `personId`): notes that carry the same id are one person, whatever
 *    their folders or spellings: a new manager's notes begun by a handover, and pseudonymous folders.
 *
 * Links only ever join: where the notes are unclear (two spellings in one folder), they make fewer
 * people, never more, so a group never looks larger than it is.
 */
export function personIdentities(notes: readonly IndexedNote[]): Map<string, string> {
  const identities = new Map<string, string>();
  personNumbers(notes).forEach((person, i) => { if (person !== -1) identities.set(notes[i].path, `person-${person}`); });
  return identities;
}

/**
 * `personIdentities` as one number per note of `notes` (the same number is the same person), or -1 for
 * a note naming no one: for the views that group every note by person, with no key built per note.
 */
export function personNumbers(notes: readonly IndexedNote[]): Int32Array {
  // A name is folded once, however many notes carry it.
  const folded = new Map<string, string>();
  const keyOf = (name: string) => {
    let key = folded.get(name);
    if (key === undefined) folded.set(name, key = personKey(name));
    return key;
  };
  const named: IndexedNote[] = [];
  const keys: string[] = [];
  const at: number[] = [];
  notes.forEach((note, i) => {
    const key = note.person === undefined ? '' : keyOf(note.person);
    if (key === '') return;
    named.push(note);
    keys.push(key);
    at.push(i);
  });
  const people = new UnionFind(named.length);
  const inPersonFolder = joinPersonFolders(named, keys, people);
  joinPreviousChains(named, keys, people);
  joinByName(keys, inPersonFolder, people);
  joinByStableId(named, people);
  const numbers = new Int32Array(notes.length).fill(-1);
  at.forEach((note, i) => { numbers[note] = people.find(i); });
  return numbers;
}

/** Sets that only ever join, each named by its smallest member. */
class UnionFind {
  private readonly parent: number[];

  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }

  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }

  join(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** 1. Every note in one person's folder is theirs; says which notes are in such a folder. */
function joinPersonFolders(named: readonly IndexedNote[], keys: readonly string[], people: UnionFind): boolean[] {
  const byFolder = new Map<string, number[]>();
  named.forEach((note, i) => {
    const folder = folderOf(note.path);
    const list = byFolder.get(folder);
    if (list) list.push(i);
    else byFolder.set(folder, [i]);
  });
  const inPersonFolder = new Array<boolean>(named.length).fill(false);
  // The same person's folder in two roots (the workspace and an archive opened beside it) is one folder.
  const byFolderName = new Map<string, number[]>();
  for (const [folder, members] of byFolder) {
    if (!isOnePersonsFolder(members.map(i => keys[i]))) continue;
    for (const i of members) {
      inPersonFolder[i] = true;
      people.join(members[0], i);
    }
    const name = decoded(folder.slice(folder.lastIndexOf('/') + 1)).toLowerCase();
    const sameName = byFolderName.get(name) ?? [];
    for (const i of members) sameName.push(i);
    byFolderName.set(name, sameName);
  }
  for (const members of byFolderName.values()) {
    if (isOnePersonsFolder(members.map(i => keys[i]))) for (const i of members) people.join(members[0], i);
  }
  return inPersonFolder;
}

/**
 * 2. A note and the note its `previous` resolves to are one person, when both sit in one folder or their
 * names match as the people picker matches them ("Sam Lee", "Samuel Lee"). A link from one folder to
 * someone else's note under another name is the `previous-other-person` error, not a person: it is ignored.
 */
function joinPreviousChains(named: readonly IndexedNote[], keys: readonly string[], people: UnionFind): void {
  if (!named.some(note => note.previous?.trim())) return;
  const byPath = new Map<string, number>();
  named.forEach((note, i) => byPath.set(decoded(note.path), i));
  named.forEach((note, i) => {
    if (!note.previous?.trim()) return;
    const target = byPath.get(resolvePath(decoded(note.path), note.previous.trim()));
    if (target === undefined) return;
    const sameFolder = folderOf(note.path) === folderOf(named[target].path);
    if (sameFolder || matchName(keys[i], keys[target]) !== 'none' || matchName(keys[target], keys[i]) !== 'none') people.join(i, target);
  });
}

/**
 * 3. Notes no person's folder anchors are one person by their folded name, and join the one anchored
 * person of that name when there is exactly one (two people of that name in their own folders stay two).
 */
function joinByName(keys: readonly string[], inPersonFolder: readonly boolean[], people: UnionFind): void {
  const anchored = new Set<number>();
  keys.forEach((_, i) => { if (inPersonFolder[i]) anchored.add(people.find(i)); });
  // Decided before any join below, which moves roots.
  const isAnchored = keys.map((_, i) => anchored.has(people.find(i)));
  // The one anchored person of each name; -1 when there are several.
  const anchoredByKey = new Map<string, number>();
  keys.forEach((key, i) => {
    if (!isAnchored[i]) return;
    const root = people.find(i);
    const seen = anchoredByKey.get(key);
    anchoredByKey.set(key, seen === undefined || seen === root ? root : -1);
  });
  const firstByKey = new Map<string, number>();
  keys.forEach((key, i) => {
    if (isAnchored[i]) return;
    const first = firstByKey.get(key);
    if (first === undefined) firstByKey.set(key, i);
    else people.join(first, i);
    const folder = anchoredByKey.get(key) ?? -1;
    if (folder !== -1) people.join(i, folder);
  });
}

/** 4. Notes carrying the same stable id (`personId`) are one person. */
function joinByStableId(named: readonly IndexedNote[], people: UnionFind): void {
  const first = new Map<string, number>();
  named.forEach((note, i) => {
    if (!note.stablePersonId) return;
    const seen = first.get(note.stablePersonId);
    if (seen === undefined) first.set(note.stablePersonId, i);
    else people.join(seen, i);
  });
}

/** True when every name in a folder matches its most used name: one person's folder. */
function isOnePersonsFolder(keys: readonly string[]): boolean {
  if (keys.every(key => key === keys[0])) return true;
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const [usual] = [...counts].sort((a, b) => b[1] - a[1])[0];
  for (const key of counts.keys()) {
    if (key !== usual && matchName(key, usual) === 'none' && matchName(usual, key) === 'none') return false;
  }
  return true;
}

/** A note's folder, for a relative path or a URI alike. */
function folderOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut === -1 ? '' : path.slice(0, cut);
}

/** A path with its percent escapes read (the editor's paths are URIs), so a `previous` written plainly finds it. */
function decoded(path: string): string {
  if (!path.includes('%')) return path;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Where a note-relative `previous` points, for a relative path or a URI (its scheme and authority kept). */
function resolvePath(notePath: string, relative: string): string {
  const origin = /^[a-z][\w+.-]*:\/\/[^/]*/i.exec(notePath)?.[0] ?? '';
  if (!origin) return resolveRelative(notePath, relative);
  return origin + normalizePosix(joinPosix(dirnamePosix(notePath.slice(origin.length) || '/'), relative.replace(/\\/g, '/')));
}

/**
 * A person's notes, oldest first, as reports count them: every note of each identity (folder,
 * `previous` chain, folded name) that has a note written with this name. "Samuel Lee" finds the notes
 * written "Sam Lee" in his folder or linked by `previous`; two people of one name are both found, as
 * the name alone would find them.
 */
export function notesOfIdentity(notes: readonly IndexedNote[], person: string): IndexedNote[] {
  const key = personKey(person);
  if (key === '') return [];
  const identities = personIdentities(notes);
  const wanted = new Set<string>();
  for (const note of notes) if (note.person !== undefined && personKey(note.person) === key) wanted.add(identities.get(note.path) ?? key);
  return notes.filter(note => note.person !== undefined && wanted.has(identities.get(note.path) ?? personKey(note.person)))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}

/** One person per identity among `notes`, with their latest note (by date; the later in `notes` on a tie): the name written last. */
export function latestOfEachPerson(notes: readonly IndexedNote[]): IndexedNote[] {
  const identities = personIdentities(notes);
  const latest = new Map<string, IndexedNote>();
  for (const note of notes) {
    if (!note.person?.trim()) continue;
    const key = identities.get(note.path) ?? personKey(note.person);
    const seen = latest.get(key);
    if (!seen || (seen.date ?? '') <= (note.date ?? '')) latest.set(key, note);
  }
  return [...latest.values()];
}
