import * as assert from 'node:assert/strict';
import { BUILT_IN_SCRIPT } from '../../src/core/note';
import { prepareBrief } from '../../src/core/live';
import { IndexedNote, latestOfEachPerson, notesOfIdentity, peopleSummaries } from '../../src/core/workspace';

const note = (fields: Partial<IndexedNote> & { path: string }): IndexedNote => ({ isGrowthNote: true, themes: [], tags: [], tasks: [], ...fields });

/** Sam Lee, renamed Samuel Lee in his own folder; Jo Kim, renamed Joanna Kim in a flat folder and linked by `previous`; two Alex Kims. */
const NOTES: readonly IndexedNote[] = [
  note({ path: 'notes/sam-lee/2026-01-10.md', person: 'Sam Lee', date: '2026-01-10', team: 'Payments' }),
  note({ path: 'notes/sam-lee/2026-05-02.md', person: 'Samuel Lee', date: '2026-05-02', team: 'Risk' }),
  note({ path: 'flat/jo.md', person: 'Jo Kim', date: '2026-02-01' }),
  note({ path: 'flat/joanna.md', person: 'Joanna Kim', date: '2026-06-01', previous: 'jo.md' }),
  note({ path: 'flat/ann.md', person: 'Ann Lee', date: '2026-03-03' }),
  note({ path: 'notes/alex-kim/1.md', person: 'Alex Kim', date: '2026-04-01' }),
  note({ path: 'notes/alex-kim-2/1.md', person: 'Alex Kim', date: '2026-04-02' }),
];

describe('one person as reports count them, in Prepare, the pickers and the People view', () => {
  it('finds a person\'s notes written under another spelling in their folder or chain, oldest first', () => {
    assert.deepEqual(notesOfIdentity(NOTES, 'Samuel Lee').map(n => n.path), ['notes/sam-lee/2026-01-10.md', 'notes/sam-lee/2026-05-02.md']);
    assert.deepEqual(notesOfIdentity(NOTES, 'sam lee').map(n => n.path), ['notes/sam-lee/2026-01-10.md', 'notes/sam-lee/2026-05-02.md']);
    assert.deepEqual(notesOfIdentity(NOTES, 'Joanna Kim').map(n => n.path), ['flat/jo.md', 'flat/joanna.md']);
    // A flat folder without a link says nothing: Ann Lee is Ann Lee only.
    assert.deepEqual(notesOfIdentity(NOTES, 'Ann Lee').map(n => n.path), ['flat/ann.md']);
    // Two people of one name are both found, as the name alone finds them.
    assert.equal(notesOfIdentity(NOTES, 'Alex Kim').length, 2);
    assert.deepEqual(notesOfIdentity(NOTES, 'Nobody'), []);
  });

  it('lists each person once under the name written last, in the pickers and the People view alike', () => {
    const picked = latestOfEachPerson(NOTES).map(n => n.person).sort();
    assert.deepEqual(picked, ['Alex Kim', 'Alex Kim', 'Ann Lee', 'Joanna Kim', 'Samuel Lee']);
    const rows = peopleSummaries(NOTES, '2026-07-01').map(row => row.person).sort();
    assert.deepEqual(rows, picked);
  });

  it('briefs on the person under their latest name with every conversation, whichever name is asked for', () => {
    for (const asked of ['Sam Lee', 'Samuel Lee']) {
      const brief = prepareBrief({ person: asked, notes: NOTES, script: BUILT_IN_SCRIPT, today: '2026-07-01' });
      assert.match(brief.split('\n')[0], /Samuel Lee/, asked);
      assert.match(brief, /Last conversation: 2026-05-02[^\n]*\. 2 conversations in all\./, asked);
      assert.match(brief, /Risk/, `${asked}: the latest team`);
    }
  });
});
