import { actionWords } from '../note';
import { isDayShaped, msg } from '../base';
import type { IndexedNote } from './indexedNote';
import { personNumbers } from './personIdentity';

/** An open action item, once, wherever it was last carried to. */
export interface ActionItem {
  /** As written in its latest copy. */
  readonly text: string;
  /** The person's name as written in the note of its latest copy. */
  readonly person: string;
  /** The latest owner and due date written for it, as `agreedActions` keeps them. */
  readonly owner?: string;
  readonly due?: string;
  readonly overdue: boolean;
  readonly path: string;
  readonly line: number;
  readonly noteDate?: string;
}

/**
 * Open task items from Next steps across notes, each person's followed as `agreedActions` follows them
 * (people as reports count them, `personNumbers`): one item per person and action (its words, owner
 * and due date aside), wherever it was last carried. It is open while the person's latest dated note
 * holds it and no dated copy of it was ticked; one that a later note left out without ticking was
 * dropped, and is not listed. A note without a date or without a person has no place in a chain: an
 * action only such notes hold stays open until it is ticked in one of them.
 */
export function openActionItems(notes: readonly IndexedNote[], today: string): ActionItem[] {
  return unsortedActionItems(notes, today).sort(compareActions);
}

/**
 * The Action Items view's rows: `groupActions(openActionItems(…), by)`, found without sorting every
 * item at once (each group is sorted on its own, which costs far less than one sort of all of them).
 */
export function actionGroups(notes: readonly IndexedNote[], today: string, by: 'person' | 'owner'): { group: string; items: ActionItem[] }[] {
  return groupActions(unsortedActionItems(notes, today), by);
}

/** How many open action items are overdue: `openActionItems(…).filter(overdue).length`, without sorting them. */
export function overdueActionCount(notes: readonly IndexedNote[], today: string): number {
  const found = followActions(notes, personNumbers(notes));
  return found.open.filter((open, i) => open && isOverdue(found.dues[i], today)).length;
}

/**
 * The open action items among the notes of one person, as `openActionItems` counts them; `named` is
 * false for notes whose names fold to nothing ("?"), which have no chain, as notes without a person.
 */
export function openActionCount(notesOfOnePerson: readonly IndexedNote[], named = true): number {
  return followActions(notesOfOnePerson, new Int32Array(notesOfOnePerson.length).fill(named ? 0 : -1)).open.filter(Boolean).length;
}

function isOverdue(due: string | undefined, today: string): boolean {
  return due !== undefined && due < today;
}

/** `openActionItems` in no order: for counting and grouping, where sorting every item by its words would cost more than finding them. */
function unsortedActionItems(notes: readonly IndexedNote[], today: string): ActionItem[] {
  const found = followActions(notes, personNumbers(notes));
  const items: ActionItem[] = [];
  found.open.forEach((open, i) => {
    if (!open) return;
    const note = found.notes[i];
    const { text, line } = found.tasks[i];
    const due = found.dues[i];
    items.push({ text, person: note.person?.trim() ?? msg('views.noPerson'), owner: found.owners[i], due, overdue: isOverdue(due, today), path: note.path, line, noteDate: note.date });
  });
  return items;
}

type Task = IndexedNote['tasks'][number];

/**
 * Every action followed, in the order first seen, in parallel lists (one place per action, no object
 * made for each): its latest copy and that copy's note, the latest owner and due date written, and
 * whether it is open.
 */
interface FollowedActions {
  readonly tasks: Task[];
  readonly notes: IndexedNote[];
  readonly owners: (string | undefined)[];
  readonly dues: (string | undefined)[];
  readonly open: boolean[];
}

/**
 * Follows the actions of `notes`, whose people are `people` (one number per note, -1 for none). A
 * person's dated notes are their chain, read as `agreedActions` reads it; each person's other notes,
 * and notes without a person, are read after it, for what the chain does not follow.
 */
function followActions(notes: readonly IndexedNote[], people: ArrayLike<number>): FollowedActions {
  const found = new ActionFollower();
  const isChained = (i: number) => people[i] !== -1 && isDayShaped(notes[i].date);
  notes.forEach((note, i) => { if (isChained(i)) found.take(note, people[i], true); });
  notes.forEach((note, i) => { if (!isChained(i)) found.take(note, people[i], false); });
  return found.result();
}

/** Whether `a` comes after `b`: by date, then by path, as `agreedActions` orders notes (notes without a date by path alone). */
function comesAfter(a: IndexedNote, b: IndexedNote): boolean {
  const byDate = dayOf(a).localeCompare(dayOf(b));
  return byDate > 0 || (byDate === 0 && a.path.localeCompare(b.path) > 0);
}

function dayOf(note: IndexedNote): string {
  return isDayShaped(note.date) ? note.date : '';
}

class ActionFollower {
  private readonly tasks: Task[] = [];
  private readonly notes: IndexedNote[] = [];
  /** The note each owner and due date was written in: a later copy that leaves one out keeps it. */
  private readonly owners: (string | undefined)[] = [];
  private readonly ownerNotes: (IndexedNote | undefined)[] = [];
  private readonly dues: (string | undefined)[] = [];
  private readonly dueNotes: (IndexedNote | undefined)[] = [];
  private readonly ticked: boolean[] = [];
  /** Chained actions' places; followed outside a chain, they stay open until ticked. */
  private readonly chained: boolean[] = [];
  private readonly people: number[] = [];
  /** Per person, each chained action's words (in lower case) with its place, and their latest dated note. */
  private readonly chains = new Map<number, Map<string, number>>();
  private readonly latest = new Map<number, IndexedNote>();
  /** Per person (-1: notes without one), the actions only their undated notes hold. */
  private readonly unchained = new Map<number, Map<string, number>>();

  take(note: IndexedNote, person: number, chained: boolean) {
    if (chained) {
      const last = this.latest.get(person);
      if (!last || comesAfter(note, last)) this.latest.set(person, note);
    }
    const places = chained ? this.chains : this.unchained;
    let byWords = places.get(person);
    for (const task of note.tasks) {
      if (task.sectionKind !== 'next-steps') continue;
      // Words alone say which action it is, as in `agreedActions`: an item with none is no action.
      const words = actionWords(task.text).toLowerCase();
      if (!words || (!chained && this.chains.get(person)?.has(words))) continue;
      if (!byWords) places.set(person, byWords = new Map());
      const at = byWords.get(words);
      if (at === undefined) byWords.set(words, this.add(task, note, person, chained));
      else this.update(at, task, note);
    }
  }

  result(): FollowedActions {
    const open = this.tasks.map((_task, i) => !this.ticked[i] && (!this.chained[i] || this.latest.get(this.people[i]) === this.notes[i]));
    return { tasks: this.tasks, notes: this.notes, owners: this.owners, dues: this.dues, open };
  }

  private add(task: Task, note: IndexedNote, person: number, chained: boolean): number {
    this.tasks.push(task);
    this.notes.push(note);
    this.owners.push(task.owner);
    this.ownerNotes.push(task.owner === undefined ? undefined : note);
    this.dues.push(task.due);
    this.dueNotes.push(task.due === undefined ? undefined : note);
    this.ticked.push(task.done);
    this.chained.push(chained);
    this.people.push(person);
    return this.tasks.length - 1;
  }

  private update(at: number, task: Task, note: IndexedNote) {
    this.ticked[at] ||= task.done;
    // A note that holds it twice: its later line, as the chain reads it.
    const later = (than: IndexedNote | undefined) => !than || note === than || comesAfter(note, than);
    if (later(this.notes[at])) {
      this.tasks[at] = task;
      this.notes[at] = note;
    }
    if (task.owner !== undefined && later(this.ownerNotes[at])) {
      this.owners[at] = task.owner;
      this.ownerNotes[at] = note;
    }
    if (task.due !== undefined && later(this.dueNotes[at])) {
      this.dues[at] = task.due;
      this.dueNotes[at] = note;
    }
  }
}

function compareActions(a: ActionItem, b: ActionItem): number {
  return Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.text.localeCompare(b.text);
}

/**
 * Action items grouped by person or by owner, groups in name order (those with an overdue item first),
 * each group's items in `openActionItems` order. The items may come in any order: a group is sorted on
 * its own, and two groups whose names sort alike come in the order of their first items, so the rows
 * are the same whether the items were sorted first or not.
 */
export function groupActions(items: readonly ActionItem[], by: 'person' | 'owner'): { group: string; items: ActionItem[] }[] {
  const groups = new Map<string, ActionItem[]>();
  for (const item of items) {
    const group = by === 'person' ? item.person : item.owner ? `@${item.owner}` : msg('views.noOwner');
    const list = groups.get(group);
    if (list) list.push(item);
    else groups.set(group, [item]);
  }
  // Where each item came in, for the rare names that sort alike (a name written in two Unicode forms).
  let position: Map<ActionItem, number> | undefined;
  const cameIn = (item: ActionItem) => (position ??= new Map(items.map((each, i) => [each, i]))).get(item) ?? 0;
  return [...groups].map(([group, list]) => ({ group, items: list.sort(compareActions) }))
    .sort((a, b) => Number(b.items[0].overdue) - Number(a.items[0].overdue) || a.group.localeCompare(b.group)
      || compareActions(a.items[0], b.items[0]) || cameIn(a.items[0]) - cameIn(b.items[0]));
}

