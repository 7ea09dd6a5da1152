import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { BUILT_IN_SCRIPT, NoteSummary, summarizeNote } from '../../src/core/note';
import { msg, personKey } from '../../src/core/base';
import { ActionItem, actionGroups, comparePeople, IndexedNote, matchesFilter, NoteFilter, openActionItems, peopleSummaries, personIdentities, personSummary } from '../../src/core/workspace';
import { generateNotes } from '../support/corpus';

// The Action Items and People rows as they were worked out before each view was made linear in notes
// (every item sorted at once, then grouped; a note's person looked up by path): the new code must give
// exactly these rows.

function openActionItemsBefore(notes: readonly IndexedNote[], today: string, filter: NoteFilter = {}): ActionItem[] {
  const latest = new Map<string, Map<string, { task: IndexedNote['tasks'][number]; note: IndexedNote; person: string }>>();
  const slots: { task: IndexedNote['tasks'][number]; note: IndexedNote; person: string }[] = [];
  for (const note of notes) {
    if (!matchesFilter(note, filter)) continue;
    const person = note.person?.trim() ?? msg('views.noPerson');
    const byText = latest.get(person.toLowerCase()) ?? new Map();
    latest.set(person.toLowerCase(), byText);
    for (const task of note.tasks) {
      if (task.sectionKind !== 'next-steps') continue;
      const seen = byText.get(task.text.toLowerCase());
      if (!seen) {
        const slot = { task, note, person };
        byText.set(task.text.toLowerCase(), slot);
        slots.push(slot);
      } else if ((seen.note.date ?? '') < (note.date ?? '')) Object.assign(seen, { task, note, person });
    }
  }
  return slots.filter(({ task }) => !task.done).map(({ task, note, person }) => ({
    text: task.text, person, owner: task.owner, due: task.due, overdue: task.due !== undefined && task.due < today, path: note.path, line: task.line, noteDate: note.date,
  })).sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.text.localeCompare(b.text));
}

function groupActionsBefore(items: readonly ActionItem[], by: 'person' | 'owner'): { group: string; items: ActionItem[] }[] {
  const groups = new Map<string, ActionItem[]>();
  for (const item of items) {
    const group = by === 'person' ? item.person : item.owner ? `@${item.owner}` : msg('views.noOwner');
    groups.set(group, [...(groups.get(group) ?? []), item]);
  }
  return [...groups.entries()].map(([group, list]) => ({ group, items: list }))
    .sort((a, b) => Number(b.items.some(i => i.overdue)) - Number(a.items.some(i => i.overdue)) || a.group.localeCompare(b.group));
}

function peopleSummariesBefore(notes: readonly IndexedNote[], today: string, filter: NoteFilter) {
  const identities = personIdentities(notes);
  const byPerson = new Map<string, IndexedNote[]>();
  for (const note of notes) {
    if (!note.person || !matchesFilter(note, filter)) continue;
    const key = identities.get(note.path) ?? personKey(note.person);
    byPerson.set(key, [...(byPerson.get(key) ?? []), note]);
  }
  const openByName = new Map<string, number>();
  for (const action of openActionItemsBefore(notes, today, filter)) openByName.set(action.person.toLowerCase(), (openByName.get(action.person.toLowerCase()) ?? 0) + 1);
  return [...byPerson.values()].map(list => personSummary(list, today, name => openByName.get(name) ?? 0)).sort(comparePeople);
}

function assertSameRows(notes: readonly IndexedNote[], today: string) {
  const sorted = openActionItemsBefore(notes, today);
  assert.deepEqual(openActionItems(notes, today), sorted);
  for (const by of ['person', 'owner'] as const) assert.deepEqual(actionGroups(notes, today, by), groupActionsBefore(sorted, by), by);
  for (const filter of [{}, { since: '2026-02-01' }]) assert.deepEqual(peopleSummaries(notes, today, filter), peopleSummariesBefore(notes, today, filter));
}

/**
 * The generated workspace, with what makes rows tie or split: names written in another case and in
 * decomposed Unicode (a group of its own that sorts level with the composed one), an action carried
 * into a later note and ticked there, and notes without a date or a person.
 */
function variedCorpus(count: number): IndexedNote[] {
  return generateNotes(count, 5, 'written').map((generated, i) => {
    const summary = summarizeNote(generated.text, BUILT_IN_SCRIPT);
    const person = i % 7 === 0 ? summary.person?.toLowerCase() : i % 11 === 0 ? summary.person?.normalize('NFD') : i % 29 === 0 ? undefined : summary.person;
    const carried = summary.tasks.map(task => (i % 5 === 0 && task.sectionKind === 'next-steps' ? { ...task, text: 'Check in on the move', done: i % 10 === 0 } : task));
    return { ...summary, person, date: i % 13 === 0 ? undefined : summary.date, tasks: carried, path: generated.path };
  });
}

describe('the cross-note views, linear in notes', () => {
  it('give the rows they gave before on a generated workspace', () => {
    const notes = variedCorpus(600);
    for (const today of ['2024-06-01', '2026-12-01']) assertSameRows(notes, today);
  });

  it('give the rows they gave before on small workspaces of names that fold, split and tie', () => {
    const PEOPLE = ['Zoë Park', 'Zoe\u0308 Park', 'zoë park', 'ZOË PARK', 'Ann Lee', 'ann lee', 'Sam Lee', 'Samuel Lee', '  ', undefined];
    const task = fc.record({
      text: fc.constantFrom('Book the course', 'book the course', 'Write the ADR', 'Pair on CI'),
      done: fc.boolean(),
      sectionKind: fc.constantFrom('next-steps' as const, 'question' as const),
      owner: fc.constantFrom('dana', 'chris', undefined),
      due: fc.constantFrom('2026-05-01', '2026-08-01', undefined),
    });
    const note = fc.record({
      person: fc.constantFrom(...PEOPLE),
      date: fc.constantFrom('2026-01-05', '2026-03-01', '2026-06-30', undefined),
      nextConversation: fc.constantFrom('2026-02-01', '2026-09-01', undefined),
      folder: fc.constantFrom('', 'sam/', 'people/ann/'),
      previous: fc.constantFrom(undefined, 'n0.md', '../n1.md'),
      tasks: fc.array(task, { maxLength: 4 }),
    });
    fc.assert(fc.property(fc.array(note, { maxLength: 30 }), fields => {
      const notes = fields.map(({ folder, tasks, ...rest }, i): IndexedNote => ({
        ...rest, path: `${folder}n${i}.md`, isGrowthNote: true, themes: [], tags: [],
        tasks: tasks.map((each, line): NoteSummary['tasks'][number] => ({ ...each, line, untouchedCarry: false, private: false })),
      }));
      assertSameRows(notes, '2026-07-01');
    }), { numRuns: 300, seed: 7 });
  });
});
