import { daysBetween } from './crossNoteViews';
import { personKey } from './peopleMatch';
import { QuestionScript } from './questionScript';
import { carryOverFrom } from './scaffold';
import { normalizeTheme } from './themes';
import { IndexedNote } from './workspaceIndex';

/**
 * What the organisation answered to a theme, when the collated theme vocabulary has an answer. Returns
 * undefined when there is none; the brief then says nothing about it.
 */
export type OrgResponseLookup = (themeKey: string) => string | undefined;

/** What "Growth: Prepare" reads: the person's notes in the index, and the text of their latest one. */
export interface BriefInput {
  readonly person: string;
  readonly notes: readonly IndexedNote[];
  /** The full text of the latest note, for last time's six-month goals. */
  readonly latestText?: string;
  readonly script: QuestionScript;
  readonly today: string;
  readonly orgResponse?: OrgResponseLookup;
  /** How many earlier conversations the career path and flight risk history shows. */
  readonly historyLength?: number;
}

/** The person's notes, oldest first; same person when the name differs only in case, accents or spacing. */
export function notesOfPerson(notes: readonly IndexedNote[], person: string): IndexedNote[] {
  const key = personKey(person);
  return notes.filter(n => n.person !== undefined && personKey(n.person) === key)
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}

const DASH = '·';

/** A one-page, read-only brief before a conversation, as Markdown. */
export function prepareBrief(input: BriefInput): string {
  const notes = notesOfPerson(input.notes, input.person);
  const latest = notes[notes.length - 1];
  const name = latest?.person?.trim() ?? input.person.trim();
  const out = [`# Prepare: ${name}`, ''];
  if (!latest) {
    out.push('No conversations with this person yet. The first one starts from the nine questions.', '');
    return out.join('\n');
  }
  const days = latest.date && /^\d{4}-\d{2}-\d{2}$/.test(latest.date) ? daysBetween(latest.date, input.today) : undefined;
  const since = days === undefined ? 'an undated note' : `${latest.date}, ${daysAgo(days)}`;
  out.push(`Last conversation: ${since}. ${notes.length} conversation${notes.length === 1 ? '' : 's'} in all.`);
  const facts = [latest.team ? `Team: ${latest.team}` : '', latest.level ? `Level: ${latest.level}` : '', latest.manager ? `Manager: ${latest.manager}` : ''].filter(Boolean);
  if (facts.length > 0) out.push(facts.join(` ${DASH} `));
  out.push('');

  out.push('## Six-month goals from last time', '');
  const carry = input.latestText ? carryOverFrom(input.latestText, '', input.script) : undefined;
  if (carry && carry.goals.length > 0) out.push(...carry.goals.map(goal => `- ${goal}`));
  else out.push('None written down last time.');
  out.push('');

  out.push('## Open actions, oldest first', '');
  const open = openActionsOldestFirst(notes);
  if (open.length > 0) {
    out.push(...open.map(a => `- ${a.text} (written ${a.firstWritten}${a.due && a.due < input.today ? `, overdue since ${a.due}` : ''})`));
  } else out.push('Nothing open.');
  out.push('');

  out.push('## Career path and flight risk', '', '| conversation | career path | flight risk |', '|---|---|---|');
  for (const note of notes.slice(-(input.historyLength ?? 4)).reverse()) {
    out.push(`| ${note.date ?? 'undated'} | ${note.careerPath ?? 'not recorded'} | ${note.flightRisk ?? 'not recorded'} |`);
  }
  out.push('');

  out.push('## Themes they raised', '');
  const themes = themesRaised(notes);
  if (themes.length === 0) out.push('No themes tagged yet.');
  for (const theme of themes) {
    const response = input.orgResponse?.(theme.key);
    out.push(`- ${theme.name}: ${theme.conversations} conversation${theme.conversations === 1 ? '' : 's'}, last ${theme.last}${response ? `. The organisation's response: ${response}` : ''}`);
  }
  out.push('', '_Read-only: built from the notes. Edit the notes themselves to change it._', '');
  return out.join('\n');
}

/** "today", "yesterday", "N days ago". */
export function daysAgo(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 0) return `in ${-days} day${days === -1 ? '' : 's'}`;
  return `${days} days ago`;
}

interface OpenAction {
  readonly text: string;
  readonly firstWritten: string;
  readonly due?: string;
}

/** Open Next-steps items of the latest note (carried items included), by the date each was first written. */
function openActionsOldestFirst(notes: readonly IndexedNote[]): OpenAction[] {
  const latest = notes[notes.length - 1];
  return latest.tasks
    .filter(t => t.sectionKind === 'next-steps' && !t.done)
    .map(t => ({ text: t.text, due: t.due, firstWritten: t.carriedFrom && /^\d{4}-\d{2}-\d{2}$/.test(t.carriedFrom) ? t.carriedFrom : latest.date ?? 'undated' }))
    .sort((a, b) => a.firstWritten.localeCompare(b.firstWritten) || a.text.localeCompare(b.text));
}

function themesRaised(notes: readonly IndexedNote[]): { key: string; name: string; conversations: number; last: string }[] {
  const themes = new Map<string, { key: string; name: string; conversations: number; last: string }>();
  for (const note of notes) {
    const names = new Map<string, string>();
    for (const theme of note.themes) names.set(normalizeTheme(theme), theme);
    for (const tag of note.tags) names.set(tag.key, tag.name);
    for (const [key, name] of names) {
      if (!key) continue;
      const seen = themes.get(key);
      themes.set(key, { key, name: seen?.name ?? name, conversations: (seen?.conversations ?? 0) + 1, last: note.date ?? seen?.last ?? 'undated' });
    }
  }
  return [...themes.values()].sort((a, b) => b.conversations - a.conversations || b.last.localeCompare(a.last) || a.key.localeCompare(b.key));
}
