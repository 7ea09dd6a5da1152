import { createEvents, DateArray, EventAttributes } from 'ics';
import { addDays, foldName, isCalendarDay, msg, personKey } from '../base';
import { nameScrubber } from '../privacy';
import { agreedActions, IndexedNote } from '../workspace';

/** What the calendar is made for. */
export interface CalendarOptions {
  /** YYYY-MM-DD: which actions are still open. */
  readonly today: string;
  /** The manager exporting (the growth.manager setting), besides each note's own `manager`. */
  readonly manager?: string;
}

/** One all-day event of the calendar. */
export interface CalendarEvent {
  /** The same conversation or action has the same id at every export, so a calendar updates it in place. */
  readonly uid: string;
  readonly kind: 'conversation' | 'action';
  /** YYYY-MM-DD. */
  readonly day: string;
  readonly title: string;
  readonly description: string;
}

/**
 * The growth calendar: each person's next conversation (`nextConversation` of their latest note), and
 * every open, shared action with a due date. An event may be seen by the person, so an action's title
 * names only the person: its words keep no name the workspace knows of anyone else (people, managers),
 * no @handle and no address, and its owner is said only when it is the manager or the person.
 * A private action never becomes an event.
 */
export function calendarEvents(notes: readonly IndexedNote[], options: CalendarOptions): CalendarEvent[] {
  const byPerson = new Map<string, IndexedNote[]>();
  for (const note of notes) {
    if (!note.person?.trim() || !isCalendarDay(note.date)) continue;
    const key = personKey(note.person);
    const list = byPerson.get(key);
    if (list) list.push(note);
    else byPerson.set(key, [note]);
  }
  const everyone = new Set<string>();
  for (const note of notes) for (const name of [note.person, note.manager]) if (name?.trim()) everyone.add(name.trim());
  const events: CalendarEvent[] = [];
  for (const [key, list] of byPerson) {
    const latest = [...list].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')).pop() as IndexedNote;
    const person = latest.person?.trim() ?? '';
    const managers = [options.manager, ...list.map(note => note.manager)].filter((name): name is string => !!name?.trim());
    if (isCalendarDay(latest.nextConversation)) {
      events.push({
        uid: eventUid('conversation', key), kind: 'conversation', day: latest.nextConversation,
        title: msg('calendar.conversationTitle', person), description: msg('calendar.conversationDescription', latest.date ?? ''),
      });
    }
    // Everyone the workspace knows, but this person and their managers.
    const others = [...everyone].filter(name => personKey(name) !== key && !managers.some(manager => personKey(manager) === personKey(name)));
    const scrub = nameScrubber(others);
    for (const action of agreedActions(list, options.today)) {
      if (action.status !== 'open' || action.private || !isCalendarDay(action.due)) continue;
      const owner = !action.owner ? '' : managers.some(manager => handleNames(action.owner ?? '', manager)) ? msg('calendar.ownerManager')
        : handleNames(action.owner, person) ? msg('calendar.ownerPerson', person) : '';
      events.push({
        uid: eventUid('action', `${key}\n${action.text.toLowerCase()}\n${action.firstWritten}`), kind: 'action', day: action.due,
        title: msg('calendar.actionTitle', person, scrub(action.text)),
        description: [msg('calendar.actionDescription', action.firstWritten), owner].filter(Boolean).join(' '),
      });
    }
  }
  return events.sort((a, b) => a.day.localeCompare(b.day) || a.uid.localeCompare(b.uid));
}

/** Whether `@handle` names this person: their first name, their whole name, or it with dots, dashes or nothing between. */
function handleNames(handle: string, name: string): boolean {
  const words = personKey(name).split(' ');
  const typed = foldName(handle).replace(/[._-]+/g, ' ').trim();
  return typed === words[0] || typed === words.join(' ') || typed.replace(/ /g, '') === words.join('');
}

/** A stable id from what the event is about: two FNV-1a hashes of the key, so re-exports replace, not add. */
function eventUid(kind: CalendarEvent['kind'], key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const char of key) {
    const code = char.codePointAt(0) ?? 0;
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x811c9dc5 | 1) >>> 0;
  }
  return `growth-${kind}-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}@growth-conversations`;
}

/** The events as an iCalendar file: all-day events, stamped with `now` (ms). */
export function calendarFile(events: readonly CalendarEvent[], now: number): string {
  const dayArray = (day: string) => day.split('-').map(Number) as DateArray;
  const attributes: EventAttributes[] = events.map(event => ({
    uid: event.uid, title: event.title, description: event.description,
    start: dayArray(event.day), end: dayArray(addDays(event.day, 1)),
    busyStatus: 'FREE', transp: 'TRANSPARENT', productId: 'growth-conversations', calName: msg('calendar.name'),
    timestamp: now,
  } as EventAttributes));
  if (attributes.length === 0) return emptyCalendar();
  const { error, value } = createEvents(attributes, { productId: 'growth-conversations', calName: msg('calendar.name') });
  if (error || !value) throw error ?? new Error('The calendar could not be written.');
  return value;
}

/** A calendar without events: ics refuses to write one, and an export with nothing due is still a valid file. */
function emptyCalendar(): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'PRODID:growth-conversations', 'METHOD:PUBLISH', `X-WR-CALNAME:${msg('calendar.name')}`, 'END:VCALENDAR', ''].join('\r\n');
}
