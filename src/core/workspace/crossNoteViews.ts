import type { IndexedNote } from './indexedNote';
import { WorkspaceIndex } from './workspaceIndex';
import { noteMentions, personOf, ThemeTallies, ThemeTally } from './themeMentions';
import { msg } from '../base';
import { openActionCount } from './openActions';
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

/** Everyone with notes, overdue first, with their open actions (`openActionCount`); linear in notes and actions (each is looked at once). */
export function peopleSummaries(notes: readonly IndexedNote[], today: string): PersonSummary[] {
  return [...notesByPerson(notes)].map(([person, list]) => personSummary(list, today, openActionCount(list, person !== -1))).sort(comparePeople);
}

/** How many people are due a conversation: `peopleSummaries(…).filter(overdue).length`, without their actions or an order. */
export function peopleDueCount(notes: readonly IndexedNote[], today: string): number {
  return [...notesByPerson(notes).values()].filter(list => personSummary(list, today, 0).overdue).length;
}

/** Each person's notes, in index order, by `personNumbers`: one person by folder, `previous` chain and folded name. */
function notesByPerson(notes: readonly IndexedNote[]): Map<number, IndexedNote[]> {
  const numbers = personNumbers(notes);
  // Names that fold to nothing ("?") share one person, -1.
  const byPerson = new Map<number, IndexedNote[]>();
  notes.forEach((note, i) => {
    if (!note.person) return;
    const list = byPerson.get(numbers[i]);
    if (list) list.push(note);
    else byPerson.set(numbers[i], [note]);
  });
  return byPerson;
}

/** One person's row from their notes (in index order) and their open actions: the latest note speaks for them. */
export function personSummary(notes: readonly IndexedNote[], today: string, openActions: number): PersonSummary {
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
    openActions,
    conversations: sorted.map(n => ({ path: n.path, date: n.date })),
  };
}

/** The People view's order: overdue first, then the longest since the last conversation, then by name. */
export function comparePeople(a: PersonSummary, b: PersonSummary): number {
  return Number(b.overdue) - Number(a.overdue) || (a.lastDate ?? '').localeCompare(b.lastDate ?? '') || a.person.localeCompare(b.person)
    // Names the collation calls equal still get one order, whatever order the notes came in.
    || (a.person < b.person ? -1 : a.person > b.person ? 1 : 0);
}
