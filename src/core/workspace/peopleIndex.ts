import { personKey } from '../base';
import { actionName, comparePeople, openActionCount, PersonSummary, personSummary } from './crossNoteViews';
import type { IndexedNote } from './indexedNote';
import { WorkspaceIndex } from './workspaceIndex';

/** Where one note is counted: its person's row (none without a name) and the name its actions go under. */
interface NotePlace {
  readonly person: string | undefined;
  readonly actions: string;
}

/**
 * The People view's rows, kept in step with an index note by note: a changed note makes its person's
 * row be worked out again from that person's notes, and only that row moves in the sorted list, so one
 * change costs one person, never every person. The rows are exactly `peopleSummaries` of the index.
 */
export class PeopleIndex {
  /** Person key → that person's notes, in the index's order (a note set again moves to the end, as there). */
  private readonly byPerson = new Map<string, Map<string, IndexedNote>>();
  /** `actionName` → the notes whose action items count under it, in the index's order. */
  private readonly byActionName = new Map<string, Map<string, IndexedNote>>();
  private readonly places = new Map<string, NotePlace>();
  /** Open actions per `actionName`, worked out when first asked for after a change. */
  private readonly openCounts = new Map<string, number>();
  /** The sorted rows for `rowsToday` (days since and overdue depend on the day), each with its person key. */
  private rows: { key: string; row: PersonSummary }[] | undefined;
  private rowsToday = '';
  /** People whose row must be worked out again before the rows are read. */
  private readonly stale = new Set<string>();
  private readonly subscription: { dispose(): void };

  constructor(index: WorkspaceIndex) {
    for (const note of index.all()) this.add(note.path, note);
    this.subscription = index.onDidChangeNote((path, note) => {
      this.remove(path);
      if (note) this.add(path, note);
    });
  }

  /** Everyone with notes, as `peopleSummaries(index.all(), today)` gives them. */
  summaries(today: string): PersonSummary[] {
    if (!this.rows || this.rowsToday !== today || this.stale.size * 8 > this.rows.length) this.sortAll(today);
    else if (this.stale.size > 0) this.moveStale(today);
    this.stale.clear();
    const rows = this.rows ?? [];
    // A person's open actions may also change through another spelling of their name: checked on every read.
    for (const entry of rows) {
      const open = this.openActions(entry.row.person.toLowerCase());
      if (open !== entry.row.openActions) entry.row = { ...entry.row, openActions: open };
    }
    return rows.map(entry => entry.row);
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private sortAll(today: string) {
    this.rows = [...this.byPerson].map(([key, notes]) => ({ key, row: this.rowOf(notes, today) }));
    this.rows.sort((a, b) => comparePeople(a.row, b.row));
    this.rowsToday = today;
  }

  /** Takes out the rows of people whose notes changed, and puts each back (if they still have notes) where it now sorts. */
  private moveStale(today: string) {
    const rows = (this.rows ?? []).filter(entry => !this.stale.has(entry.key));
    for (const key of this.stale) {
      const notes = this.byPerson.get(key);
      if (!notes) continue;
      const row = this.rowOf(notes, today);
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

  private rowOf(notes: Map<string, IndexedNote>, today: string): PersonSummary {
    return personSummary([...notes.values()], today, name => this.openActions(name));
  }

  private openActions(name: string): number {
    let open = this.openCounts.get(name);
    if (open === undefined) {
      const notes = this.byActionName.get(name);
      open = notes ? openActionCount([...notes.values()]) : 0;
      this.openCounts.set(name, open);
    }
    return open;
  }

  private add(path: string, note: IndexedNote) {
    const place = { person: note.person ? personKey(note.person) : undefined, actions: actionName(note) };
    this.places.set(path, place);
    if (place.person !== undefined) {
      addTo(this.byPerson, place.person, path, note);
      this.stale.add(place.person);
    }
    addTo(this.byActionName, place.actions, path, note);
    this.openCounts.delete(place.actions);
  }

  private remove(path: string) {
    const place = this.places.get(path);
    if (!place) return;
    this.places.delete(path);
    if (place.person !== undefined) {
      removeFrom(this.byPerson, place.person, path);
      this.stale.add(place.person);
    }
    removeFrom(this.byActionName, place.actions, path);
    this.openCounts.delete(place.actions);
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
