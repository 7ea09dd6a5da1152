import { personKey } from '../base';
import { comparePeople, PersonSummary, personSummary } from './crossNoteViews';
import { openActionCount } from './openActions';
import type { IndexedNote } from './indexedNote';
import { personIdentities } from './personIdentity';
import { WorkspaceIndex } from './workspaceIndex';

/** Where one note is counted: its person's row (none without a name). */
interface NotePlace {
  readonly person: string | undefined;
  /** What the note's identity is worked out from besides its path: its folded name and its `previous`. */
  readonly identity: string | undefined;
}

/**
 * The People view's rows, kept in step with an index note by note: a changed note makes its person's
 * row be worked out again from that person's notes, and only that row moves in the sorted list, so one
 * change costs one person, never every person. The rows are exactly `peopleSummaries` of the index:
 * one row per person as reports count them (`personIdentities`: folder, `previous` chain, folded name),
 * so "Sam Lee" and "Samuel Lee" in one folder are one row, under the latest name written.
 *
 * A person's identity depends on other notes (their folder, the chain), so a note added, deleted, or
 * changed in its name or `previous` makes every identity be worked out again when the rows are next
 * read (linear in notes, once per read however many notes changed). An edit that keeps the name and
 * `previous`, the usual change, keeps every identity and costs one person, as before.
 */
export class PeopleIndex {
  /** Person key → that person's notes, in the index's order (a note set again moves to the end, as there). */
  private readonly byPerson = new Map<string, Map<string, IndexedNote>>();
  private readonly places = new Map<string, NotePlace>();
  /** The sorted rows for `rowsToday` (days since and overdue depend on the day), each with its person key. */
  private rows: { key: string; row: PersonSummary }[] | undefined;
  private rowsToday = '';
  /** People whose row must be worked out again before the rows are read. */
  private readonly stale = new Set<string>();
  private readonly subscription: { dispose(): void };
  /** Path → its person's identity, from `personIdentities` over the whole index. */
  private identities = new Map<string, string>();
  /** A note came, went, or changed its name or `previous`: identities are worked out again before the next read. */
  private identitiesChanged = false;

  constructor(private readonly index: WorkspaceIndex) {
    this.identities = personIdentities(index.all());
    for (const note of index.all()) this.add(note.path, note);
    this.subscription = index.onDidChangeNote((path, note) => {
      const before = this.places.get(path)?.identity;
      this.remove(path);
      if (note) this.add(path, note);
      if (before !== this.places.get(path)?.identity) this.identitiesChanged = true;
    });
  }

  /** Everyone with notes, as `peopleSummaries(index.all(), today)` gives them. */
  summaries(today: string): PersonSummary[] {
    if (this.identitiesChanged) this.regroup();
    if (!this.rows || this.rowsToday !== today || this.stale.size * 8 > this.rows.length) this.sortAll(today);
    else if (this.stale.size > 0) this.moveStale(today);
    this.stale.clear();
    return (this.rows ?? []).map(entry => entry.row);
  }

  dispose(): void {
    this.subscription.dispose();
  }

  /** Every identity worked out afresh, and every note filed again under its person (in the index's order). */
  private regroup() {
    this.identitiesChanged = false;
    const notes = this.index.all();
    this.identities = personIdentities(notes);
    this.byPerson.clear();
    this.places.clear();
    for (const note of notes) this.add(note.path, note);
    this.rows = undefined;
  }

  private sortAll(today: string) {
    this.rows = [...this.byPerson].map(([key, notes]) => ({ key, row: this.rowOf(key, notes, today) }));
    this.rows.sort((a, b) => comparePeople(a.row, b.row));
    this.rowsToday = today;
  }

  /** Takes out the rows of people whose notes changed, and puts each back (if they still have notes) where it now sorts. */
  private moveStale(today: string) {
    const rows = (this.rows ?? []).filter(entry => !this.stale.has(entry.key));
    for (const key of this.stale) {
      const notes = this.byPerson.get(key);
      if (!notes) continue;
      const row = this.rowOf(key, notes, today);
      let low = 0;
      let high = rows.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (comparePeople(rows[middle].row, row) <= 0) low = middle + 1;
        else high = middle;
      }
      rows.splice(low, 0, { key, row });
    }
    this.rows = rows;
  }

  private rowOf(key: string, notes: Map<string, IndexedNote>, today: string): PersonSummary {
    const list = [...notes.values()];
    // Names that fold to nothing share the key '', and no chain of actions.
    return personSummary(list, today, openActionCount(list, key !== ''));
  }

  private add(path: string, note: IndexedNote) {
    const name = note.person ? personKey(note.person) : undefined;
    // A note the identities have not seen yet files under its folded name until they are worked out again.
    const person = name === undefined ? undefined : this.identities.get(path) ?? name;
    const place = { person, identity: name === undefined ? undefined : `${name}\u0000${note.previous ?? ''}` };
    this.places.set(path, place);
    if (place.person !== undefined) {
      addTo(this.byPerson, place.person, path, note);
      this.stale.add(place.person);
    }
  }

  private remove(path: string) {
    const place = this.places.get(path);
    if (!place) return;
    this.places.delete(path);
    if (place.person !== undefined) {
      removeFrom(this.byPerson, place.person, path);
      this.stale.add(place.person);
    }
  }
}

function addTo(groups: Map<string, Map<string, IndexedNote>>, key: string, path: string, note: IndexedNote) {
  let group = groups.get(key);
  if (!group) groups.set(key, group = new Map());
  group.set(path, note);
}

function removeFrom(groups: Map<string, Map<string, IndexedNote>>, key: string, path: string) {
  const group = groups.get(key);
  group?.delete(path);
  if (group?.size === 0) groups.delete(key);
}
