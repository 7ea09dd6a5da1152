import type { IndexedNote } from './indexedNote';
import { WorkspaceIndex } from './workspaceIndex';
import { noteMentions, personOf, ThemeTallies, ThemeTally } from './themeMentions';
import { isDayShaped, msg } from '../base';
import { actionWords } from '../note';
import { personNumbers } from './personIdentity';

/** Which notes a cross-note view looks at. Dates are YYYY-MM-DD. */
export interface NoteFilter {
  readonly since?: string;
  readonly until?: string;
  /** A team's name, or null for notes without a team. */
  readonly team?: string | null;
  readonly manager?: string;
  /** Only inline tags under this question (frontmatter themes belong to no question). */
  readonly questionId?: string;
}

/** A conversation that mentions a theme, with the lines that do (empty for the frontmatter list). */
export interface ThemeConversation {
  readonly path: string;
  readonly date?: string;
  readonly lines: number[];
}

export interface ThemePerson {
  readonly person: string;
  readonly conversations: ThemeConversation[];
}

/** A theme across people; `a/b` appears as `b` under `a`, and `a` counts everyone under it. */
export interface ThemeNode {
  readonly key: string;
  /** The spelling used most (for the last segment of nested themes). */
  readonly name: string;
  /** Distinct people who raised it. */
  readonly peopleCount: number;
  readonly conversationCount: number;
  /** Raised by at least the pattern threshold of distinct people. */
  readonly pattern: boolean;
  readonly children: ThemeNode[];
  /** Conversations per month (YYYY-MM) that raised it: how it spreads over time. */
  readonly byMonth: ReadonlyMap<string, number>;
}

export function matchesFilter(note: IndexedNote, filter: NoteFilter): boolean {
  if (filter.since && (!note.date || note.date < filter.since)) return false;
  if (filter.until && (!note.date || note.date > filter.until)) return false;
  if (filter.team !== undefined && (note.team ?? null) !== filter.team) return false;
  if (filter.manager && note.manager !== filter.manager) return false;
  return true;
}

/** The day `months` months before `today` (both YYYY-MM-DD), for "last 6 months" and the like. */
export function monthsBefore(today: string, months: number): string {
  const [year, month, day] = today.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1 - months, Math.min(day, 28)));
  return date.toISOString().slice(0, 10);
}

/** Days from one YYYY-MM-DD to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Themes sorted by how many distinct people raised them, with patterns marked. One pass over the notes. */
export function themeTree(index: WorkspaceIndex, filter: NoteFilter, patternThreshold: number): ThemeNode[] {
  // Unfiltered, the index's own counts answer at once (a change to one note costs that note); a filter walks the notes.
  const tallies = isUnfiltered(filter) ? index.themeTallies() : filteredTallies(index, filter);
  const nodes = new Map<string, ThemeNode>();
  for (const [key, tally] of tallies) {
    // Spellings come from every note, so a filter never changes what a theme is called.
    const spelling = index.preferredSpelling(key) ?? key;
    nodes.set(key, {
      key, name: spelling.split('/').pop() ?? spelling, peopleCount: tally.people.size, conversationCount: tally.conversations,
      pattern: tally.people.size >= patternThreshold, children: [], byMonth: new Map(tally.byMonth),
    });
  }
  for (const [key, node] of nodes) {
    const cut = key.lastIndexOf('/');
    if (cut !== -1) nodes.get(key.slice(0, cut))?.children.push(node);
  }
  for (const node of nodes.values()) node.children.sort(compareThemes);
  return [...nodes.values()].filter(node => !node.key.includes('/')).sort(compareThemes);
}

function isUnfiltered(filter: NoteFilter): boolean {
  return !filter.since && !filter.until && filter.team === undefined && !filter.manager && !filter.questionId;
}

function filteredTallies(index: WorkspaceIndex, filter: NoteFilter): ReadonlyMap<string, Readonly<ThemeTally>> {
  const tallies = new ThemeTallies();
  for (const note of index.all()) if (matchesFilter(note, filter)) tallies.count(note, 1, filter.questionId);
  return tallies.byKey;
}

function compareThemes(a: ThemeNode, b: ThemeNode): number {
  return b.peopleCount - a.peopleCount || b.conversationCount - a.conversationCount || a.name.localeCompare(b.name);
}

/** Who raised a theme (or anything nested under it), in which conversations, on which lines: read when a theme is expanded. */
export function themePeople(notes: readonly IndexedNote[], filter: NoteFilter, key: string): ThemePerson[] {
  return themesPeople(notes, filter, [key]).get(key) ?? [];
}

/** `themePeople` of several themes, in one pass over the notes (a report asks for every theme it shows). */
export function themesPeople(notes: readonly IndexedNote[], filter: NoteFilter, keys: readonly string[]): Map<string, ThemePerson[]> {
  const byKey = new Map(keys.map(key => [key, new Map<string, { person: string; conversations: ThemeConversation[] }>()]));
  for (const note of notes) {
    if (!matchesFilter(note, filter)) continue;
    for (const [key, lines] of noteMentions(note, filter.questionId)) {
      const people = byKey.get(key);
      if (!people) continue;
      const entry = people.get(personOf(note)) ?? { person: note.person?.trim() || msg('views.noPerson'), conversations: [] };
      entry.conversations.push({ path: note.path, date: note.date, lines: [...new Set(lines)].sort((a, b) => a - b) });
      people.set(personOf(note), entry);
    }
  }
  return new Map([...byKey].map(([key, people]) => [key, [...people.values()]
    .map(p => ({ person: p.person, conversations: p.conversations.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')) }))
    .sort((a, b) => b.conversations.length - a.conversations.length || a.person.localeCompare(b.person))]));
}

/** An open action item, once, wherever it was last carried to. */
export interface ActionItem {
  readonly text: string;
  readonly person: string;
  readonly owner?: string;
  readonly due?: string;
  readonly overdue: boolean;
  readonly path: string;
  readonly line: number;
  readonly noteDate?: string;
}

/**
 * Open task items from Next steps across notes, followed as `agreedActions` follows them: one item per
 * person's name and action (its words, owner and due date aside), wherever it was last carried. It is
 * open while that person's latest dated note holds it and no copy of it was ticked. One that a later
 * note left out without ticking was dropped, and is not listed. An item written only in undated notes
 * has no place in the chain: it stays open until ticked.
 */
export function openActionItems(notes: readonly IndexedNote[], today: string, filter: NoteFilter = {}): ActionItem[] {
  return unsortedActionItems(notes, today, filter).sort(compareActions);
}

/**
 * The Action Items view's rows: `groupActions(openActionItems(…), by)`, found without sorting every
 * item at once (each group is sorted on its own, which costs far less than one sort of all of them).
 */
export function actionGroups(notes: readonly IndexedNote[], today: string, by: 'person' | 'owner', filter: NoteFilter = {}): { group: string; items: ActionItem[] }[] {
  return groupActions(unsortedActionItems(notes, today, filter), by);
}

/** How many open action items are overdue: `openActionItems(…).filter(overdue).length`, without sorting them. */
export function overdueActionCount(notes: readonly IndexedNote[], today: string, filter: NoteFilter = {}): number {
  const found = latestActions(notes, filter);
  let count = 0;
  found.tasks.forEach((task, i) => {
    if (isOpen(found, i) && task.due !== undefined && task.due < today) count++;
  });
  return count;
}

/** `openActionItems` in no order: for counting and grouping, where sorting every item by its words would cost more than finding them. */
function unsortedActionItems(notes: readonly IndexedNote[], today: string, filter: NoteFilter): ActionItem[] {
  const found = latestActions(notes, filter);
  const items: ActionItem[] = [];
  found.tasks.forEach((task, i) => {
    if (!isOpen(found, i)) return;
    const note = found.notes[i];
    items.push({ text: task.text, person: found.people[i], owner: task.owner, due: task.due, overdue: task.due !== undefined && task.due < today, path: note.path, line: task.line, noteDate: note.date });
  });
  return items;
}

/**
 * Each action item's latest copy, in the order items were first seen: the item, its note, its person's
 * name as written there and whether any copy was ticked, in parallel lists (one place per item, no
 * object made per item); per `actionName`, each item's words (in lower case) with its place, and the
 * latest dated note.
 */
interface LatestActions {
  readonly tasks: IndexedNote['tasks'][number][];
  readonly notes: IndexedNote[];
  readonly people: string[];
  /** Each item's `actionName`. */
  readonly names: string[];
  readonly ticked: boolean[];
  readonly byName: Map<string, Map<string, number>>;
  readonly lastDated: Map<string, IndexedNote>;
}

/** Open: never ticked, and in its person's latest dated note (or only ever in undated ones). */
function isOpen(found: LatestActions, i: number): boolean {
  const note = found.notes[i];
  return !found.ticked[i] && (!isDayShaped(note.date) || found.lastDated.get(found.names[i]) === note);
}

/** Whether `a` comes after `b` in a person's chain: by date, then by path, as `agreedActions` orders notes; undated notes before all. */
function comesAfter(a: IndexedNote, b: IndexedNote): boolean {
  const dateA = isDayShaped(a.date) ? a.date : '';
  const dateB = isDayShaped(b.date) ? b.date : '';
  return dateA > dateB || (dateA === dateB && a.path > b.path);
}

function latestActions(notes: readonly IndexedNote[], filter: NoteFilter): LatestActions {
  const found: LatestActions = { tasks: [], notes: [], people: [], names: [], ticked: [], byName: new Map(), lastDated: new Map() };
  // One string for each name as written, shared by all its items: grouping them by name then reads a
  // few strings, not one in every note (which, in a large workspace, is mostly a wait for memory).
  const spellings = new Map<string, { person: string; who: string }>();
  for (const note of notes) {
    if (!matchesFilter(note, filter)) continue;
    const written = note.person?.trim() ?? msg('views.noPerson');
    let spelling = spellings.get(written);
    if (spelling === undefined) spellings.set(written, spelling = { person: written, who: written.toLowerCase() });
    const { person, who } = spelling;
    let byText = found.byName.get(who);
    if (!byText) found.byName.set(who, byText = new Map());
    if (isDayShaped(note.date)) {
      const last = found.lastDated.get(who);
      if (!last || comesAfter(note, last)) found.lastDated.set(who, note);
    }
    for (const task of note.tasks) {
      if (task.sectionKind !== 'next-steps') continue;
      // Words alone say which action it is, as in `agreedActions`: an item with none is no action.
      const key = actionWords(task.text).toLowerCase();
      if (!key) continue;
      const seen = byText.get(key);
      if (seen === undefined) {
        byText.set(key, found.tasks.length);
        found.tasks.push(task);
        found.notes.push(note);
        found.people.push(person);
        found.names.push(who);
        found.ticked.push(task.done);
        continue;
      }
      // Ticked counts among the copies the item is followed through: the dated ones once there is one.
      const dated = isDayShaped(note.date);
      if (dated === isDayShaped(found.notes[seen].date)) found.ticked[seen] ||= task.done;
      else if (dated) found.ticked[seen] = task.done;
      // The later line of a note that holds it twice, as the chain reads it.
      if (note === found.notes[seen] || comesAfter(note, found.notes[seen])) {
        found.tasks[seen] = task;
        found.notes[seen] = note;
        found.people[seen] = person;
      }
    }
  }
  return found;
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

/** One person across their conversations. */
export interface PersonSummary {
  readonly person: string;
  readonly team?: string;
  readonly lastDate?: string;
  readonly daysSince?: number;
  /** Past the planned next conversation, or more than six months since the last one. */
  readonly overdue: boolean;
  readonly flightRisk?: string;
  readonly careerPath?: string;
  readonly openActions: number;
  /** Oldest first. */
  readonly conversations: { path: string; date?: string }[];
}

export const CONVERSATION_INTERVAL_DAYS = 183;

/** Everyone with notes, overdue first; linear in notes and actions (each is looked at once). */
export function peopleSummaries(notes: readonly IndexedNote[], today: string, filter: NoteFilter = {}): PersonSummary[] {
  const open = openActionsByName(notes, filter);
  return notesByPerson(notes, filter).map(list => personSummary(list, today, name => open.get(name) ?? 0)).sort(comparePeople);
}

/** How many people are due a conversation: `peopleSummaries(…).filter(overdue).length`, without their actions or an order. */
export function peopleDueCount(notes: readonly IndexedNote[], today: string): number {
  return notesByPerson(notes, {}).filter(list => personSummary(list, today, () => 0).overdue).length;
}

/** Each person's notes, in index order: one person by folder, `previous` chain and folded name, found over every note so a chain across the filter still holds. */
function notesByPerson(notes: readonly IndexedNote[], filter: NoteFilter): IndexedNote[][] {
  const numbers = personNumbers(notes);
  // Names that fold to nothing ("?") share one person, -1.
  const byPerson = new Map<number, IndexedNote[]>();
  notes.forEach((note, i) => {
    if (!note.person || !matchesFilter(note, filter)) return;
    const list = byPerson.get(numbers[i]);
    if (list) list.push(note);
    else byPerson.set(numbers[i], [note]);
  });
  return [...byPerson.values()];
}

/** Open action items per name as written (trimmed, in lower case), as Action Items groups them under the name of the latest note. */
function openActionsByName(notes: readonly IndexedNote[], filter: NoteFilter): Map<string, number> {
  const actions = latestActions(notes, filter);
  const open = new Map<string, number>();
  for (const [name, byText] of actions.byName) {
    let count = 0;
    for (const at of byText.values()) if (isOpen(actions, at)) count++;
    open.set(name, count);
  }
  return open;
}

/**
 * One person's row from their notes (in index order): the latest note speaks for them. `openActions`
 * answers for a name as written, trimmed and in lower case (see `actionName`).
 */
export function personSummary(notes: readonly IndexedNote[], today: string, openActions: (name: string) => number): PersonSummary {
  const sorted = [...notes].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  const last = sorted[sorted.length - 1];
  const person = last.person?.trim() ?? '';
  const daysSince = last.date ? daysBetween(last.date, today) : undefined;
  const overdue = (last.nextConversation !== undefined && last.nextConversation < today)
    || (daysSince !== undefined && daysSince > CONVERSATION_INTERVAL_DAYS);
  return {
    person,
    team: last.team,
    lastDate: last.date,
    daysSince,
    overdue,
    flightRisk: last.flightRisk,
    careerPath: last.careerPath,
    openActions: openActions(person.toLowerCase()),
    conversations: sorted.map(n => ({ path: n.path, date: n.date })),
  };
}

/** The People view's order: overdue first, then the longest since the last conversation, then by name. */
export function comparePeople(a: PersonSummary, b: PersonSummary): number {
  return Number(b.overdue) - Number(a.overdue) || (a.lastDate ?? '').localeCompare(b.lastDate ?? '') || a.person.localeCompare(b.person)
    // Names the collation calls equal still get one order, whatever order the notes came in.
    || (a.person < b.person ? -1 : a.person > b.person ? 1 : 0);
}

/** The name a note's action items are counted under: as written, trimmed, in lower case. */
export function actionName(note: IndexedNote): string {
  return (note.person?.trim() ?? msg('views.noPerson')).toLowerCase();
}

/** Open action items among notes that share one `actionName`, each counted once (as `openActionItems` counts them). */
export function openActionCount(notes: readonly IndexedNote[]): number {
  const found = latestActions(notes, {});
  return found.tasks.filter((_task, i) => isOpen(found, i)).length;
}
