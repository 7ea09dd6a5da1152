import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { actionWords, BUILT_IN_SCRIPT, NoteSummary, summarizeNote } from '../../src/core/note';
import { msg, personKey } from '../../src/core/base';
import { ActionItem, actionGroups, agreedActions, comparePeople, IndexedNote, matchesFilter, NoteFilter, openActionItems, peopleSummaries, personIdentities, personSummary } from '../../src/core/workspace';
import { generateNotes } from '../support/corpus';

// The Action Items and People rows worked out the slow, plain way: every item sorted at once, then
// grouped; a note's person looked up by path; and which items are open asked of `agreedActions`, the
// chain that Prepare, the People view's "dropped" and the person's copy read. The views must give
// exactly these rows.

type Task = IndexedNote['tasks'][number];

function openActionItemsBefore(notes: readonly IndexedNote[], today: string, filter: NoteFilter = {}): ActionItem[] {
  const byName = new Map<string, IndexedNote[]>();
  const firstSeen = new Map<string, number>();
  for (const note of notes) {
    if (!matchesFilter(note, filter)) continue;
    const name = (note.person?.trim() ?? msg('views.noPerson')).toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), note]);
    for (const task of note.tasks) {
      const key = `${name}\u0000${actionWords(task.text).toLowerCase()}`;
      if (task.sectionKind === 'next-steps' && !firstSeen.has(key)) firstSeen.set(key, firstSeen.size);
    }
  }
  const open: { task: Task; note: IndexedNote; order: number }[] = [];
  for (const [name, group] of byName) {
    const latestCopy = (path: string, line: number) => {
      const note = group.find(n => n.path === path) as IndexedNote;
      return { note, task: note.tasks.find(t => t.line === line) as Task };
    };
    for (const action of agreedActions(group, today)) {
      if (action.status === 'open') open.push({ ...latestCopy(action.path, action.line), order: firstSeen.get(`${name}\u0000${action.text.toLowerCase()}`) ?? -1 });
    }
    // Undated notes have no place in the chain: what only they hold is open until ticked in one of them.
    const undated = group.filter(n => !/^\d{4}-\d{2}-\d{2}$/.test(n.date ?? '')).sort((a, b) => a.path.localeCompare(b.path));
    for (const action of agreedActions(undated.map(n => ({ ...n, date: '2000-01-01' })), today)) {
      const key = action.text.toLowerCase();
      const dated = group.some(n => n.date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(n.date) && n.tasks.some(t => t.sectionKind === 'next-steps' && actionWords(t.text).toLowerCase() === key));
      if (!dated && action.status !== 'done') open.push({ ...latestCopy(action.path, action.line), order: firstSeen.get(`${name}\u0000${key}`) ?? -1 });
    }
  }
  return open.sort((a, b) => a.order - b.order).map(({ task, note }) => ({
    text: task.text, person: note.person?.trim() ?? msg('views.noPerson'), owner: task.owner, due: task.due, overdue: task.due !== undefined && task.due < today, path: note.path, line: task.line, noteDate: note.date,
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
  it('give the rows the chain of agreed actions gives, on a generated workspace', () => {
    const notes = variedCorpus(600);
    for (const today of ['2024-06-01', '2026-12-01']) assertSameRows(notes, today);
  });

  it('give the rows the chain of agreed actions gives, on small workspaces of names that fold, split and tie', () => {
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

  it('list an action as open only while the chain does: not one a later note left out, not one ticked once', () => {
    const task = (text: string, line: number, done = false): NoteSummary['tasks'][number] => ({ text, line, done, sectionKind: 'next-steps', untouchedCarry: false, private: false, due: '2026-02-01' });
    const note = (path: string, date: string | undefined, tasks: NoteSummary['tasks'][number][]): IndexedNote => ({ path, date, person: 'Alex Morgan', isGrowthNote: true, themes: [], tags: [], tasks });
    const notes = [
      note('alex/2026-01-10.md', '2026-01-10', [task('Book the course @alex', 10), task('Write the ADR', 11), task('Pair on CI', 12, true)]),
      note('alex/2026-02-10.md', '2026-02-10', [task('Book the course @dana due:2026-03-01', 20), task('Pair on CI', 21)]),
      note('alex/notes.md', undefined, [task('Ask about the budget', 30)]),
    ];
    const followed = agreedActions(notes, '2026-04-01');
    assert.deepEqual(followed.map(action => [action.text, action.status]), [['Book the course', 'open'], ['Write the ADR', 'dropped'], ['Pair on CI', 'done']]);
    // Carried with a new owner and due date, it is one item, where it was carried; the undated note's item has no chain to leave.
    assert.deepEqual(openActionItems(notes, '2026-04-01').map(item => [item.text, item.path, item.line]), [
      ['Ask about the budget', 'alex/notes.md', 30],
      ['Book the course @dana due:2026-03-01', 'alex/2026-02-10.md', 20],
    ]);
    assert.deepEqual(peopleSummaries(notes, '2026-04-01').map(person => person.openActions), [2]);
  });
});

