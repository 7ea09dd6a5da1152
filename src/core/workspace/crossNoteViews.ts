import type { IndexedNote } from './indexedNote';
import { WorkspaceIndex } from './workspaceIndex';
import { noteMentions, personOf, ThemeTallies, ThemeTally } from './themeMentions';
import { msg, personKey } from '../base';
import { personIdentities } from './personIdentity';

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
  const people = new Map<string, { person: string; conversations: ThemeConversation[] }>();
  for (const note of notes) {
    if (!matchesFilter(note, filter)) continue;
    const lines = noteMentions(note, filter.questionId).get(key);
    if (!lines) continue;
    const entry = people.get(personOf(note)) ?? { person: note.person?.trim() || msg('views.noPerson'), conversations: [] };
    entry.conversations.push({ path: note.path, date: note.date, lines: [...new Set(lines)].sort((a, b) => a - b) });
    people.set(personOf(note), entry);
  }
  return [...people.values()]
    .map(p => ({ person: p.person, conversations: p.conversations.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')) }))
    .sort((a, b) => b.conversations.length - a.conversations.length || a.person.localeCompare(b.person));
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
 * Open task items from Next steps across notes. A carried item and the original it was copied from
 * are one item: only the copy in the person's latest note counts (ticked there, it is done).
 */
export function openActionItems(notes: readonly IndexedNote[], today: string, filter: NoteFilter = {}): ActionItem[] {
  return unsortedActionItems(notes, today, filter).sort(compareActions);
}

/** `openActionItems` in no order: for counting, where sorting thousands of items by their words would cost more than finding them. */
function unsortedActionItems(notes: readonly IndexedNote[], today: string, filter: NoteFilter): ActionItem[] {
  // Person, then the item's words: no key strings built per task. The slots keep the order items were first seen in.
  const latest = new Map<string, Map<string, ActionSlot>>();
  const slots: ActionSlot[] = [];
  for (const note of notes) {
    if (!matchesFilter(note, filter)) continue;
    const person = note.person?.trim() ?? msg('views.noPerson');
    const who = person.toLowerCase();
    let byText = latest.get(who);
    if (!byText) latest.set(who, byText = new Map());
    for (const task of note.tasks) {
      if (task.sectionKind !== 'next-steps') continue;
      const key = task.text.toLowerCase();
      const seen = byText.get(key);
      if (!seen) {
        const slot = { task, note, person };
        byText.set(key, slot);
        slots.push(slot);
      } else if ((seen.note.date ?? '') < (note.date ?? '')) Object.assign(seen, { task, note, person });
    }
  }
  return slots.filter(({ task }) => !task.done).map(({ task, note, person }) => ({
    text: task.text, person, owner: task.owner, due: task.due, overdue: task.due !== undefined && task.due < today, path: note.path, line: task.line, noteDate: note.date,
  }));
}

/** The latest copy of one action item found so far. */
interface ActionSlot {
  task: IndexedNote['tasks'][number];
  note: IndexedNote;
  person: string;
}

function compareActions(a: ActionItem, b: ActionItem): number {
  return Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.text.localeCompare(b.text);
}

/** Action items grouped by person or by owner, groups in name order, overdue items first inside each. */
export function groupActions(items: readonly ActionItem[], by: 'person' | 'owner'): { group: string; items: ActionItem[] }[] {
  const groups = new Map<string, ActionItem[]>();
  for (const item of items) {
    const group = by === 'person' ? item.person : item.owner ? `@${item.owner}` : msg('views.noOwner');
    const list = groups.get(group);
    if (list) list.push(item);
    else groups.set(group, [item]);
  }
  return [...groups.entries()].map(([group, list]) => ({ group, items: list }))
    .sort((a, b) => Number(b.items.some(i => i.overdue)) - Number(a.items.some(i => i.overdue)) || a.group.localeCompare(b.group));
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
  // One row per person (folder, `previous` chain, folded name), found over every note so a chain across the filter still holds.
  const identities = personIdentities(notes);
  const byPerson = new Map<string, IndexedNote[]>();
  for (const note of notes) {
    if (!note.person || !matchesFilter(note, filter)) continue;
    const key = identities.get(note.path) ?? personKey(note.person);
    const list = byPerson.get(key);
    if (list) list.push(note);
    else byPerson.set(key, [note]);
  }
  // Counted by the name as written (case aside), as Action Items groups them, under the name of the latest note.
  const openByName = new Map<string, number>();
  for (const action of unsortedActionItems(notes, today, filter)) {
    const name = action.person.toLowerCase();
    openByName.set(name, (openByName.get(name) ?? 0) + 1);
  }
  return [...byPerson.values()].map(list => personSummary(list, today, name => openByName.get(name) ?? 0)).sort(comparePeople);
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
  return unsortedActionItems(notes, '', {}).length;
}
