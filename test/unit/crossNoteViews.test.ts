import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { actionWords, BUILT_IN_SCRIPT, NoteSummary, summarizeNote } from '../../src/core/note';
import { msg, personKey } from '../../src/core/base';
import { ActionItem, actionGroups, AgreedAction, agreedActions, comparePeople, IndexedNote, openActionItems, peopleSummaries, personIdentities, personSummary } from '../../src/core/workspace';
import { generateNotes } from '../support/corpus';

// The Action Items and People rows worked out the slow, plain way: every item sorted at once, then
// grouped; a note's person looked up by path; and which items are open asked of `agreedActions`, the
// chain that Prepare, the People view's "dropped" and the person's copy read. The views must give
// exactly these rows.

type Task = IndexedNote['tasks'][number];

/**
 * Each person's notes (as reports count people), and the notes without a person: `agreedActions` over
 * the dated ones; then, for what that chain does not follow, `agreedActions` over the others (those
 * without a date put first), where an action not ticked is open.
 */
function openActionItemsBefore(notes: readonly IndexedNote[], today: string): ActionItem[] {
  const identities = personIdentities(notes);
  const groups = new Map<string, IndexedNote[]>();
  for (const note of notes) {
    const key = identities.get(note.path) ?? '(none)';
    groups.set(key, [...(groups.get(key) ?? []), note]);
  }
  const isChained = (note: IndexedNote) => identities.has(note.path) && /^\d{4}-\d{2}-\d{2}$/.test(note.date ?? '');
  const firstSeen = new Map<string, number>();
  for (const note of [...notes.filter(isChained), ...notes.filter(n => !isChained(n))]) {
    for (const task of note.tasks) {
      const key = `${identities.get(note.path) ?? '(none)'}\u0000${actionWords(task.text).toLowerCase()}`;
      if (task.sectionKind === 'next-steps' && !firstSeen.has(key)) firstSeen.set(key, firstSeen.size);
    }
  }
  const open: ActionItem[] = [];
  const order = new Map<ActionItem, number>();
  for (const [key, group] of groups) {
    const copy = (action: AgreedAction) => {
      const note = group.find(n => n.path === action.path) as IndexedNote;
      const task = note.tasks.find(t => t.line === action.line) as Task;
      const item = { text: task.text, person: note.person?.trim() ?? msg('views.noPerson'), owner: action.owner, due: action.due, overdue: action.due !== undefined && action.due < today, path: note.path, line: task.line, noteDate: note.date };
      order.set(item, firstSeen.get(`${key}\u0000${action.text.toLowerCase()}`) ?? -1);
      open.push(item);
    };
    const chain = agreedActions(group.filter(isChained), today);
    for (const action of chain) if (action.status === 'open') copy(action);
    const followed = new Set(chain.map(action => action.text.toLowerCase()));
    const others = group.filter(n => !isChained(n)).map(n => ({ ...n, date: /^\d{4}-\d{2}-\d{2}$/.test(n.date ?? '') ? n.date : '0000-01-01' }));
    for (const action of agreedActions(others, today)) if (action.status !== 'done' && !followed.has(action.text.toLowerCase())) copy(action);
  }
  return open.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.text.localeCompare(b.text));
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

function peopleSummariesBefore(notes: readonly IndexedNote[], today: string) {
  const identities = personIdentities(notes);
  const byPerson = new Map<string, IndexedNote[]>();
  for (const note of notes) {
    if (!note.person) continue;
    const key = identities.get(note.path) ?? personKey(note.person);
    byPerson.set(key, [...(byPerson.get(key) ?? []), note]);
  }
  const open = openActionItemsBefore(notes, today);
  // Names that fold to nothing have no chain: their notes are read as notes without a person.
  const unnamed = (list: IndexedNote[]) => openActionItemsBefore(list.map(note => ({ ...note, person: undefined })), today).length;
  return [...byPerson].map(([key, list]) => personSummary(list, today, key === '' ? unnamed(list) : open.filter(item => identities.get(item.path) === key).length)).sort(comparePeople);
}

function assertSameRows(notes: readonly IndexedNote[], today: string) {
  const sorted = openActionItemsBefore(notes, today);
  assert.deepEqual(openActionItems(notes, today), sorted);
  for (const by of ['person', 'owner'] as const) assert.deepEqual(actionGroups(notes, today, by), groupActionsBefore(sorted, by), by);
  assert.deepEqual(peopleSummaries(notes, today), peopleSummariesBefore(notes, today));
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
      date: fc.constantFrom('2026-01-05', '2026-03-01', '2026-06-30', 'May 2026', undefined),
      nextConversation: fc.constantFrom('2026-02-01', '2026-09-01', undefined),
      folder: fc.constantFrom('', 'sam/', 'Sam/', 'people/ann/', 'people/Ann_x/'),
      previous: fc.constantFrom(undefined, 'n0.md', '../n1.md'),
      tasks: fc.array(task, { maxLength: 4 }),
    });
    fc.assert(fc.property(fc.array(note, { maxLength: 30 }), fields => {
      const notes = fields.map(({ folder, tasks, ...rest }, i): IndexedNote => ({
        ...rest, path: `${folder}${i % 3 === 0 ? 'N' : 'n'}${i}.md`, isGrowthNote: true, themes: [], tags: [],
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

