import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { runCli } from '../../src/cli/main';
import { calendarEvents, calendarFile } from '../../src/core/outputs';
import { BUILT_IN_SCRIPT, summarizeNote } from '../../src/core/note';
import { conversationsDue, IndexedNote } from '../../src/core/workspace';

function note(fields: string, ...items: string[]): string {
  return `---\ntype: growth-conversation\n${fields}\n---\n## 1. How are you doing? How is work? <!-- growth:checkin -->\nFine.\n\n## Next steps <!-- growth:next-steps -->\n${items.join('\n')}\n`;
}

const NOTES: IndexedNote[] = [
  note('person: Alex Morgan\ndate: 2026-05-12\nmanager: Dana Reyes\nnextConversation: 2026-08-01',
    '- [ ] Ask Sam Lee about the training budget @dana due:2026-06-01'),
  note('person: Alex Morgan\ndate: 2026-07-01\nmanager: Dana Reyes\nnextConversation: 2026-11-12',
    '- [ ] Ask Sam Lee about the training budget @dana due:2026-12-01 <!-- from: 2026-05-12 -->',
    '- [ ] @alex pairs with @jordan and priya.shah@example.com on the demo due:2026-12-05',
    '- [ ] Chase the promotion case @priya due:2026-12-10',
    '- [ ] Talk to HR about the move (private) @dana due:2026-12-03',
    '- [x] Book the conference @alex due:2026-11-20',
    '- [ ] Read the career ladder @alex'),
  note('person: Sam Lee\ndate: 2026-06-20\nmanager: Dana Reyes\nnextConversation: 2026-12-20'),
  note('person: Priya Shah\ndate: 2026-06-03\nmanager: Dana Reyes'),
  note('person: Jordan Kim\ndate: 2026-03-15\nmanager: Dana Reyes'),
].map((text, i) => ({ ...summarizeNote(text, BUILT_IN_SCRIPT), path: `n${i}.md` }));

interface Read { uid: string; summary: string; description: string; start: string; end: string; allDay: boolean }

/** The file as a calendar application reads it: ical.js, the parser Thunderbird uses. */
function readCalendar(text: string): Read[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map(component => {
    const event = new ICAL.Event(component);
    return { uid: event.uid, summary: event.summary, description: event.description, start: event.startDate.toString(), end: event.endDate.toString(), allDay: event.startDate.isDate };
  });
}

describe('calendar: next conversations and due actions as iCalendar', () => {
  const options = { today: '2026-07-15', manager: 'Dana Reyes' };

  it('opens in ical.js with all-day events on the right days, titles that name only the person', () => {
    const events = readCalendar(calendarFile(calendarEvents(NOTES, options), Date.UTC(2026, 6, 15)));
    assert.deepEqual(events.map(e => [e.start, e.end, e.allDay, e.summary, e.description]), [
      ['2026-11-12', '2026-11-13', true, 'Growth conversation: Alex Morgan', 'The next growth conversation. The last one was on 2026-07-01.'],
      ['2026-12-01', '2026-12-02', true, 'Growth action (Alex Morgan): Ask [name] about the training budget', 'Agreed in the growth conversation of 2026-05-12. You own it.'],
      ['2026-12-05', '2026-12-06', true, 'Growth action (Alex Morgan): pairs with [name] and [name] on the demo', 'Agreed in the growth conversation of 2026-07-01. Alex Morgan owns it.'],
      ['2026-12-10', '2026-12-11', true, 'Growth action (Alex Morgan): Chase the promotion case', 'Agreed in the growth conversation of 2026-07-01.'],
      ['2026-12-20', '2026-12-21', true, 'Growth conversation: Sam Lee', 'The next growth conversation. The last one was on 2026-06-20.'],
    ]);
  });

  it('puts no other person\'s name in an action event, nor any private or done action', () => {
    const text = calendarFile(calendarEvents(NOTES, options), Date.UTC(2026, 6, 15));
    const actions = readCalendar(text).filter(e => e.summary.startsWith('Growth action'));
    assert.equal(actions.length, 3);
    for (const event of actions) assert.doesNotMatch(`${event.summary}\n${event.description}`, /sam|lee|priya|shah|jordan|kim|example\.com/i);
    assert.doesNotMatch(text, /HR about the move|Book the conference|Read the career ladder/);
  });

  it('keeps each event\'s id when it moves, so importing again updates it instead of adding one', () => {
    const first = readCalendar(calendarFile(calendarEvents(NOTES, options), Date.UTC(2026, 6, 15)));
    const moved = NOTES.map(n => (n.path === 'n1.md' ? { ...n, nextConversation: '2026-11-19', tasks: n.tasks.map(t => ({ ...t, due: t.due === '2026-12-10' ? '2026-12-24' : t.due })) } : n));
    const second = readCalendar(calendarFile(calendarEvents(moved, options), Date.UTC(2026, 6, 16)));
    assert.deepEqual(second.map(e => e.uid).sort(), first.map(e => e.uid).sort());
    assert.equal(new Set(first.map(e => e.uid)).size, first.length);
    assert.equal(second.find(e => e.summary === 'Growth conversation: Alex Morgan')?.start, '2026-11-19');
    assert.equal(second.find(e => e.summary.endsWith('Chase the promotion case'))?.start, '2026-12-24');
  });

  it('writes a valid calendar when nothing is due', () => {
    assert.deepEqual(readCalendar(calendarFile([], Date.UTC(2026, 6, 15))), []);
    // A day that does not exist is no day for an event.
    const misdated = { ...summarizeNote(note('person: Kai Sato\ndate: 2026-03-15\nnextConversation: 2026-09-31', '- [ ] Write it up @kai due:2026-02-30'), BUILT_IN_SCRIPT), path: 'k.md' };
    assert.deepEqual(calendarEvents([misdated], options), []);
    assert.match(calendarFile([], 0), /^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
  });
});

describe('growth calendar: the CLI', () => {
  it('writes the sample workspace\'s calendar: every event all-day, every action naming only its person', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'growth-calendar-'));
    try {
      const err: string[] = [];
      const target = join(folder, 'growth.ics');
      const code = await runCli(['calendar', 'test/fixtures/sample-workspace', '--out', target, '--manager', 'Dana Reyes'], { print: () => undefined, printError: text => err.push(text), today: '2026-05-20' });
      assert.equal(code, 0, err.join('\n'));
      const events = readCalendar(readFileSync(target, 'utf8'));
      assert.ok(events.length >= 5, `${events.length} events`);
      assert.ok(events.every(e => e.allDay));
      const people = ['Alex Morgan', 'Jordan Kim', 'Priya Shah', 'Sam Lee'];
      assert.ok(events.some(e => e.summary === 'Growth conversation: Alex Morgan' && e.start === '2026-11-12'));
      for (const event of events.filter(e => e.summary.startsWith('Growth action'))) {
        const person = /^Growth action \((.+?)\):/.exec(event.summary)?.[1];
        assert.ok(person && people.includes(person), event.summary);
        const others = people.filter(name => name !== person).flatMap(name => name.split(' '));
        assert.equal(others.find(name => new RegExp(`\\b${name}\\b`, 'i').test(`${event.summary} ${event.description}`)), undefined, event.summary);
      }
      // Another export gives the same events the same ids.
      assert.equal(await runCli(['calendar', 'test/fixtures/sample-workspace', '--out', target, '--force'], { print: () => undefined, printError: () => undefined, today: '2026-05-20' }), 0);
      assert.deepEqual(readCalendar(readFileSync(target, 'utf8')).map(e => e.uid).sort(), events.map(e => e.uid).sort());
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('conversations due: what the reminder names', () => {
  it('names who is due within the week or overdue, soonest first, by the latest note', () => {
    assert.deepEqual(conversationsDue(NOTES, '2026-11-08', 7), [{ person: 'Jordan Kim', day: '2026-09-14', overdue: true }, { person: 'Alex Morgan', day: '2026-11-12', overdue: false }]);
    assert.deepEqual(conversationsDue(NOTES, '2026-12-22', 7).map(d => [d.person, d.day, d.overdue]), [
      ['Jordan Kim', '2026-09-14', true], ['Alex Morgan', '2026-11-12', true], ['Priya Shah', '2026-12-03', true], ['Sam Lee', '2026-12-20', true],
    ]);
    assert.deepEqual(conversationsDue(NOTES, '2026-07-20', 7), []);
  });
});
