import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { BUILT_IN_SCRIPT, NoteSummary, summarizeNote } from '../../src/core/note';
import { PeopleIndex, peopleSummaries, WorkspaceIndex } from '../../src/core/workspace';
import { generateNotes } from '../support/corpus';

// Names that fold together (case, accents, spacing), one that is blank, and none at all.
const PEOPLE = ['Zoë Park', 'zoe park', 'Zoe  Park ', 'ZOË PARK', 'Ann Lee', 'ann lee', '  ', undefined];
const DATES = ['2026-01-05', '2026-03-01', '2026-06-30', '2026-06-30', '2025-12-31', undefined];
const TASKS = ['Book the course', 'book the course', 'Write the ADR', 'Pair on CI'];

const summary = fc.record({
  person: fc.constantFrom(...PEOPLE),
  date: fc.constantFrom(...DATES),
  nextConversation: fc.constantFrom('2026-02-01', '2026-09-01', undefined),
  team: fc.constantFrom('Payments', 'Platform', undefined),
  flightRisk: fc.constantFrom('low', 'high', undefined),
  isGrowthNote: fc.constant(true),
  tasks: fc.array(fc.record({
    text: fc.constantFrom(...TASKS),
    done: fc.boolean(),
    sectionKind: fc.constantFrom('next-steps' as const, 'question' as const),
  }), { maxLength: 4 }),
}).map(({ tasks, ...fields }): NoteSummary => ({
  ...fields,
  themes: [],
  tags: [],
  tasks: tasks.map((task, line) => ({ ...task, line, untouchedCarry: false, private: false })),
}));

/** Sets, replacements and deletions over a few paths, and the day the view is read on. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), path: fc.integer({ min: 0, max: 9 }), note: summary }),
  fc.record({ kind: fc.constant('notANote' as const), path: fc.integer({ min: 0, max: 9 }), note: summary }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant('read' as const), today: fc.constantFrom('2026-07-01', '2026-07-02', '2027-03-01') }),
);

describe('the People view kept note by note', () => {
  it('gives the rows peopleSummaries gives after every change, whatever the order of changes and days', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 60 }), steps => {
      const index = new WorkspaceIndex();
      const people = new PeopleIndex(index);
      let today = '2026-07-01';
      for (const change of steps) {
        if (change.kind === 'set') index.set(`n${change.path}.md`, change.note);
        else if (change.kind === 'notANote') index.set(`n${change.path}.md`, { ...change.note, isGrowthNote: false });
        else if (change.kind === 'delete') index.delete(`n${change.path}.md`);
        else today = change.today;
        assert.deepEqual(people.summaries(today), peopleSummaries(index.all(), today));
      }
      people.dispose();
    }), { numRuns: 500, seed: 42 });
  });

  it('starts from the notes already indexed and follows a generated workspace, batches included', () => {
    const notes = generateNotes(300, 7, 'written');
    const index = new WorkspaceIndex();
    index.batch(() => notes.slice(0, 200).forEach(note => index.set(note.path, summarizeNote(note.text, BUILT_IN_SCRIPT))));
    const people = new PeopleIndex(index);
    assert.ok(people.summaries('2026-12-01').length > 20);
    assert.deepEqual(people.summaries('2026-12-01'), peopleSummaries(index.all(), '2026-12-01'));
    index.batch(() => notes.slice(200).forEach(note => index.set(note.path, summarizeNote(note.text, BUILT_IN_SCRIPT))));
    for (const [i, note] of notes.slice(0, 40).entries()) {
      if (i % 3 === 0) index.delete(note.path);
      else {
        const before = summarizeNote(note.text, BUILT_IN_SCRIPT);
        index.set(note.path, { ...before, tasks: [...before.tasks, { text: `New thing ${i}`, done: false, line: 999, sectionKind: 'next-steps', untouchedCarry: false, private: false }] });
      }
      assert.deepEqual(people.summaries('2026-12-01'), peopleSummaries(index.all(), '2026-12-01'), `change ${i}`);
    }
    people.dispose();
    index.set(notes[100].path, { ...summarizeNote(notes[100].text, BUILT_IN_SCRIPT), person: 'Someone New' });
    assert.ok(!people.summaries('2026-12-01').some(row => row.person === 'Someone New'), 'no longer follows the index once disposed');
  });
});
