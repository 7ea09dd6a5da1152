import { actionWords, TaskItem } from '../note';
import { isDayShaped, msg, personKey } from '../base';
import { daysBetween } from './crossNoteViews';

/** What became of an action: ticked in some note, still in the latest note unticked, or gone from the chain unticked. */
export type AgreedStatus = 'done' | 'open' | 'dropped';

/** The part of a task item the chain of notes needs. */
export type ChainTask = Pick<TaskItem, 'text' | 'done' | 'owner' | 'due' | 'sectionKind' | 'carriedFrom' | 'private' | 'line'>;

/** One conversation in a person's chain of notes: when it was, where it is, and its task items. */
export interface ChainNote {
  readonly path: string;
  readonly date?: string;
  readonly person?: string;
  readonly tasks: readonly ChainTask[];
}

/** One action agreed in a conversation, followed through the later notes. */
export interface AgreedAction {
  /** Its words, without owner and due date. */
  readonly text: string;
  /** The owner as written (`dana` for `@dana`), from the latest note that holds it. */
  readonly owner?: string;
  readonly due?: string;
  /** The day it was first written: its `from:` marker, or the date of the first note that holds it. */
  readonly firstWritten: string;
  /** The note it was first seen in. */
  readonly firstPath: string;
  readonly status: AgreedStatus;
  /** The date of the note where it was first seen ticked. */
  readonly doneOn?: string;
  /** Open: days from first written to the day asked about. */
  readonly openDays?: number;
  /** Dropped: the first note that no longer holds it. */
  readonly droppedIn?: string;
  /** Not shared in at least one of the notes that hold it: never shown to the person. */
  readonly private: boolean;
  /** Where it was seen last. */
  readonly path: string;
  readonly line: number;
}

/** Done, open and dropped counts. */
export interface AgreedCounts {
  readonly done: number;
  readonly open: number;
  readonly dropped: number;
}

interface Followed {
  text: string;
  owner?: string;
  due?: string;
  firstWritten: string;
  firstPath: string;
  doneOn?: string;
  lastSeen: number;
  private: boolean;
  path: string;
  line: number;
}

/**
 * Follows every Next-steps action through one person's dated notes, oldest first, as of `asOf`
 * (YYYY-MM-DD). An action is the same action in two notes when its words are (case and spacing
 * aside). It is done from the first note where it is ticked; open while the latest note holds it
 * unticked; dropped when a later note no longer holds it and it was never ticked: never shown as done.
 * Undated notes have no place in the chain and are left out. In the order first written.
 */
export function agreedActions(chain: readonly ChainNote[], asOf: string): AgreedAction[] {
  const notes = chain.filter(note => isDayShaped(note.date))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.path.localeCompare(b.path));
  const followed = new Map<string, Followed>();
  notes.forEach((note, index) => {
    const date = note.date ?? '';
    for (const task of note.tasks) {
      if (task.sectionKind !== 'next-steps') continue;
      const text = actionWords(task.text);
      const key = text.toLowerCase();
      if (!key) continue;
      const carried = isDayShaped(task.carriedFrom) && task.carriedFrom < date ? task.carriedFrom : undefined;
      let entry = followed.get(key);
      if (!entry) followed.set(key, entry = { text, firstWritten: carried ?? date, firstPath: note.path, lastSeen: index, private: false, path: note.path, line: task.line });
      else if (carried && carried < entry.firstWritten) entry.firstWritten = carried;
      entry.text = text;
      entry.owner = task.owner ?? entry.owner;
      entry.due = task.due ?? entry.due;
      entry.lastSeen = index;
      entry.path = note.path;
      entry.line = task.line;
      // Private once is private for good: a later note that forgot the mark does not share it.
      entry.private ||= task.private;
      if (task.done && entry.doneOn === undefined) entry.doneOn = date;
    }
  });
  const last = notes.length - 1;
  return [...followed.values()].map((entry): AgreedAction => {
    const { lastSeen, ...kept } = entry;
    if (entry.doneOn !== undefined) return { ...kept, status: 'done' };
    if (lastSeen === last) return { ...kept, status: 'open', openDays: Math.max(0, daysBetween(entry.firstWritten, asOf)) };
    return { ...kept, status: 'dropped', droppedIn: notes[lastSeen + 1].date };
  }).sort((a, b) => a.firstWritten.localeCompare(b.firstWritten));
}

/** The notes of one person (same name when case, accents and spacing aside). */
export function chainOf<T extends ChainNote>(notes: readonly T[], person: string): T[] {
  const key = personKey(person);
  return notes.filter(note => note.person !== undefined && personKey(note.person) === key);
}

/**
 * What was agreed before a conversation and what became of it by then: the actions first seen in the
 * person's notes dated before `date`, followed through those notes and `current` (the conversation's
 * own tasks). Only what may be shown to the person when `sharedOnly`.
 */
export function agreedBefore(notes: readonly ChainNote[], current: ChainNote & { date: string }, sharedOnly: boolean): AgreedAction[] {
  const earlier = chainOf(notes, current.person ?? '').filter(note => note.date !== undefined && note.date < current.date);
  if (earlier.length === 0) return [];
  return agreedActions([...earlier, current], current.date)
    .filter(action => action.firstPath !== current.path && !(sharedOnly && action.private));
}

/** How many actions are done, open and dropped. */
export function agreedCounts(actions: readonly AgreedAction[]): AgreedCounts {
  const counts = { done: 0, open: 0, dropped: 0 };
  for (const action of actions) counts[action.status]++;
  return counts;
}

/** Every person's counts as of `asOf`, by person key: one pass to group, one chain per person. */
export function agreedCountsByPerson(notes: readonly ChainNote[], asOf: string): Map<string, AgreedCounts> {
  const byPerson = new Map<string, ChainNote[]>();
  for (const note of notes) {
    if (!note.person) continue;
    const key = personKey(note.person);
    const list = byPerson.get(key);
    if (list) list.push(note);
    else byPerson.set(key, [note]);
  }
  return new Map([...byPerson].map(([key, list]) => [key, agreedCounts(agreedActions(list, asOf))]));
}

/** One action as the person reads it: its words, its owner, when it was written and what became of it. */
export function agreedLine(action: AgreedAction): string {
  const what = action.owner ? msg('agreed.owner', action.text, action.owner) : action.text;
  if (action.status === 'done') return msg('agreed.done', what, action.firstWritten, action.doneOn ?? '');
  if (action.status === 'dropped') return msg('agreed.dropped', what, action.firstWritten, action.droppedIn ?? '');
  return msg(action.openDays === 1 ? 'agreed.openOneDay' : 'agreed.open', what, action.firstWritten, action.openDays ?? 0);
}
