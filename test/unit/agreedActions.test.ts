import * as assert from 'node:assert/strict';
import { prepareBrief } from '../../src/core/live';
import { actionWords, BUILT_IN_SCRIPT, summarizeNote } from '../../src/core/note';
import { shareableCopy } from '../../src/core/outputs';
import { agreedActions, agreedBefore, agreedCounts, agreedCountsByPerson, IndexedNote, openActionItems } from '../../src/core/workspace';

function note(person: string, date: string, ...items: string[]): string {
  return `---\ntype: growth-conversation\nperson: ${person}\ndate: ${date}\n---\n## 1. How are you doing? How is work? <!-- growth:checkin -->\nFine.\n\n## Next steps <!-- growth:next-steps -->\n${items.join('\n')}\n`;
}

/** A chain of three conversations with carried, ticked, dropped and private actions. */
const CHAIN: IndexedNote[] = [
  note('Alex Morgan', '2026-01-10',
    '- [ ] Write the on-call proposal @sam due:2026-02-01',
    '- [ ] Book a conference slot @dana',
    '- [ ] Review the salary band (private)',
    '- [ ] Pair with the design team'),
  note('Alex Morgan', '2026-03-15',
    '- [x] Write the on-call proposal @sam due:2026-02-01 <!-- from: 2026-01-10 -->',
    '- [ ] Book a conference slot @dana <!-- from: 2026-01-10 -->',
    '- [ ] Review the salary band (private) <!-- from: 2026-01-10 -->',
    '- [ ] Start a reading group @alex due:2026-04-30'),
  note('alex  morgan', '2026-06-01',
    '- [ ] Book a conference slot @dana due:2026-07-01 <!-- from: 2026-01-10 -->',
    '- [x] Start a reading group @alex due:2026-04-30 <!-- from: 2026-03-15 -->',
    '- [ ] Review the salary band (private) <!-- from: 2026-01-10 -->',
    '- [ ] Draft the promotion case @dana'),
].map((text, i) => ({ ...summarizeNote(text, BUILT_IN_SCRIPT), path: `alex-${i + 1}.md` }));

const OTHERS: IndexedNote[] = [
  { ...summarizeNote(note('Sam Lee', '2026-02-01', '- [ ] Book a conference slot @dana'), BUILT_IN_SCRIPT), path: 'sam.md' },
  { ...summarizeNote(note('Alex Morgan', '', '- [ ] Undated, so in no chain'), BUILT_IN_SCRIPT), path: 'undated.md' },
];

/** One line per action, to compare whole results at a glance. */
function lines(actions: ReturnType<typeof agreedActions>): string[] {
  return actions.map(a => [a.text, a.owner ?? '-', a.firstWritten, a.status, a.doneOn ?? a.openDays ?? a.droppedIn, a.private ? 'private' : 'shared'].join(' | '));
}

describe('What we agreed: actions followed through a person\'s notes', () => {
  it('marks each action done (where first ticked), open (for N days) or dropped (never as done)', () => {
    assert.deepEqual(lines(agreedActions(CHAIN, '2026-06-20')), [
      'Write the on-call proposal | sam | 2026-01-10 | done | 2026-03-15 | shared',
      'Book a conference slot | dana | 2026-01-10 | open | 161 | shared',
      'Review the salary band (private) | - | 2026-01-10 | open | 161 | private',
      'Pair with the design team | - | 2026-01-10 | dropped | 2026-03-15 | shared',
      'Start a reading group | alex | 2026-03-15 | done | 2026-06-01 | shared',
      'Draft the promotion case | dana | 2026-06-01 | open | 19 | shared',
    ]);
    const booked = agreedActions(CHAIN, '2026-06-20').find(a => a.text === 'Book a conference slot');
    assert.equal(booked?.due, '2026-07-01');
    assert.deepEqual(agreedCounts(agreedActions(CHAIN, '2026-06-20')), { done: 2, open: 3, dropped: 1 });
  });

  it('keeps the first date a carried action was written, even when the first note is missing', () => {
    assert.deepEqual(lines(agreedActions(CHAIN.slice(2), '2026-06-01')).slice(0, 3), [
      'Book a conference slot | dana | 2026-01-10 | open | 142 | shared',
      'Review the salary band (private) | - | 2026-01-10 | open | 142 | private',
      'Start a reading group | alex | 2026-03-15 | done | 2026-06-01 | shared',
    ]);
  });

  it('before a conversation: only actions from earlier notes of that person, shared ones only for the person', () => {
    const [, , current] = CHAIN;
    const shared = agreedBefore([...CHAIN.slice(0, 2), ...OTHERS], { ...current, date: '2026-06-01' }, true);
    assert.deepEqual(lines(shared), [
      'Write the on-call proposal | sam | 2026-01-10 | done | 2026-03-15 | shared',
      'Book a conference slot | dana | 2026-01-10 | open | 142 | shared',
      'Pair with the design team | - | 2026-01-10 | dropped | 2026-03-15 | shared',
      'Start a reading group | alex | 2026-03-15 | done | 2026-06-01 | shared',
    ]);
    assert.equal(agreedBefore([...CHAIN, ...OTHERS], { ...current, date: '2026-06-01' }, false).filter(a => a.private).length, 1);
    assert.deepEqual(agreedBefore(OTHERS, { ...CHAIN[0], date: '2026-01-10' }, true), []);
  });

  it('counts per person, each person\'s chain on its own', () => {
    const counts = agreedCountsByPerson([...CHAIN, ...OTHERS], '2026-06-20');
    assert.deepEqual(counts.get('alex morgan'), { done: 2, open: 3, dropped: 1 });
    assert.deepEqual(counts.get('sam lee'), { done: 0, open: 1, dropped: 0 });
  });
});

describe('What we agreed last time, in the shareable copy', () => {
  const current = note('Alex Morgan', '2026-06-01',
    '- [ ] Book a conference slot @dana due:2026-07-01 <!-- from: 2026-01-10 -->',
    '- [x] Start a reading group @alex due:2026-04-30 <!-- from: 2026-03-15 -->',
    '- [ ] Review the salary band (private) <!-- from: 2026-01-10 -->',
    '- [ ] Draft the promotion case @dana');
  const options = { privateFields: [], privateSections: [], script: BUILT_IN_SCRIPT };

  it('lists the earlier shared actions, who owns each, when written and what became of them; never a private one', () => {
    const copy = shareableCopy(current, { ...options, earlierNotes: [...CHAIN, ...OTHERS] });
    assert.ok(!('refused' in copy));
    const section = copy.text.slice(copy.text.indexOf('## What we agreed last time'));
    assert.equal(section, [
      '## What we agreed last time', '',
      '- Write the on-call proposal (@sam): written 2026-01-10, done on 2026-03-15.',
      '- Book a conference slot (@dana): written 2026-01-10, open for 142 days.',
      '- Pair with the design team: written 2026-01-10, dropped: not carried into 2026-03-15 and never ticked.',
      '- Start a reading group (@alex): written 2026-03-15, done on 2026-06-01.', '',
    ].join('\n'));
    assert.doesNotMatch(copy.text, /salary/);
    assert.ok(copy.removed.includes('private actions from earlier conversations'));
  });

  it('adds nothing without earlier notes, and is otherwise the copy it always was', () => {
    const without = shareableCopy(current, options);
    const none = shareableCopy(current, { ...options, earlierNotes: OTHERS });
    assert.ok(!('refused' in without) && !('refused' in none));
    assert.equal(none.text, without.text);
    assert.doesNotMatch(without.text, /What we agreed/);
    const copy = shareableCopy(current, { ...options, earlierNotes: CHAIN });
    assert.ok(!('refused' in copy));
    assert.ok(copy.text.startsWith(without.text));
  });

  it('takes earlier notes from the note\'s own folder only: another person of the same name never shows', () => {
    const inFolder = (folder: string) => CHAIN.map(chained => ({ ...chained, path: `${folder}/${chained.path}` }));
    const namesake = { ...summarizeNote(note('Alex Morgan', '2026-02-01', '- [ ] Prepare the visa papers'), BUILT_IN_SCRIPT), path: 'alex-morgan-2/visa.md' };
    const copy = shareableCopy(current, { ...options, earlierNotes: [...inFolder('alex-morgan'), namesake], notePath: 'alex-morgan/today.md' });
    assert.ok(!('refused' in copy));
    assert.match(copy.text, /Write the on-call proposal/);
    assert.doesNotMatch(copy.text, /visa/);
    const theirs = shareableCopy(current, { ...options, earlierNotes: [...inFolder('alex-morgan'), namesake], notePath: 'alex-morgan-2/today.md' });
    assert.ok(!('refused' in theirs));
    assert.match(theirs.text, /Prepare the visa papers/);
    assert.doesNotMatch(theirs.text, /on-call proposal/);
  });

  it('leaves out an earlier action whose words read as private, even when its note did not mark it', () => {
    const earlier = { ...summarizeNote(note('Alex Morgan', '2026-01-10', '- [ ] Ask about the reorg'), BUILT_IN_SCRIPT), path: 'e.md' };
    const worded = { ...earlier, tasks: earlier.tasks.map(task => ({ ...task, text: 'Ask about the reorg, manager only' })) };
    const copy = shareableCopy(current, { ...options, earlierNotes: [worded] });
    assert.ok(!('refused' in copy));
    assert.doesNotMatch(copy.text, /reorg/);
    assert.ok(copy.removed.includes('private actions from earlier conversations'));
  });
});

describe('Prepare: open actions from the same chain as What we agreed', () => {
  it('Prepare lists as open only what the chain still holds open: a dropped action is dropped, not open', () => {
    const brief = prepareBrief({ person: 'Alex Morgan', notes: [...CHAIN, ...OTHERS.slice(0, 1)], script: BUILT_IN_SCRIPT, today: '2026-06-20' });
    const from = brief.indexOf('## Open actions');
    assert.deepEqual(brief.slice(from, brief.indexOf('## Career path')).split('\n'), [
      '## Open actions, oldest first', '',
      '- Book a conference slot (@dana): written 2026-01-10, due 2026-07-01.',
      '- (private) Review the salary band (private): written 2026-01-10.',
      '- Draft the promotion case (@dana): written 2026-06-01.', '',
      '1 more was left out of a later note without being ticked: listed as dropped below.', '',
      '## What we agreed, and what became of it', '',
      '2 done, 3 open, 1 dropped.', '',
      '- Write the on-call proposal (@sam): written 2026-01-10, done on 2026-03-15.',
      '- Book a conference slot (@dana): written 2026-01-10, open for 161 days.',
      '- (private) Review the salary band (private): written 2026-01-10, open for 161 days.',
      '- Pair with the design team: written 2026-01-10, dropped: not carried into 2026-03-15 and never ticked.',
      '- Start a reading group (@alex): written 2026-03-15, done on 2026-06-01.',
      '- Draft the promotion case (@dana): written 2026-06-01, open for 19 days.', '', '',
    ]);
    // The dropped and the ticked actions are nowhere listed as open.
    const open = brief.slice(from, brief.indexOf('## What we agreed'));
    for (const words of ['Pair with the design team', 'Write the on-call proposal', 'Start a reading group']) assert.ok(!open.includes(words), words);
  });

  it('Prepare still lists an undated note\'s unticked item (it has no place in the chain), once', () => {
    const brief = prepareBrief({ person: 'Alex Morgan', notes: [...CHAIN, ...OTHERS], script: BUILT_IN_SCRIPT, today: '2026-06-20' });
    assert.ok(brief.includes('\n- Undated, so in no chain: written undated.\n'), brief);
    assert.equal(brief.split('Undated, so in no chain').length, 2);
  });

  it('Prepare and the Action Items view list the same open actions; an undated note that ticks one closes it in both', () => {
    const ticked = { ...summarizeNote(note('Alex Morgan', '', '- [x] Undated, so in no chain'), BUILT_IN_SCRIPT), path: 'undated-2.md' };
    for (const notes of [[...CHAIN, ...OTHERS], [...CHAIN, ...OTHERS, ticked]]) {
      const brief = prepareBrief({ person: 'Alex Morgan', notes, script: BUILT_IN_SCRIPT, today: '2026-06-20' });
      const listed = brief.slice(brief.indexOf('## Open actions'), brief.indexOf('\n\n', brief.indexOf('## Open actions') + 30)).split('\n').slice(2);
      const items = openActionItems(notes, '2026-06-20').filter(item => item.person.toLowerCase().replace(/\s+/g, ' ') === 'alex morgan');
      assert.equal(listed.length, items.length, brief);
      for (const item of items) assert.ok(listed.some(line => line.includes(actionWords(item.text))), `${item.text} in ${listed.join(' / ')}`);
    }
    assert.equal(openActionItems([...CHAIN, ...OTHERS, ticked], '2026-06-20').filter(item => item.text.startsWith('Undated')).length, 0);
  });
});

