import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import * as vscode from 'vscode';
import type { PersonTreeItem } from '../../src/vscode/people/peopleView';
import { api, closeAllEditors, noteUri, withSetting } from './helpers';

/** The events of an .ics file as a calendar application reads them (ical.js). */
function readCalendar(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map(component => {
    const event = new ICAL.Event(component);
    return { uid: event.uid, summary: event.summary, description: event.description ?? '', start: event.startDate.toString(), allDay: event.startDate.isDate };
  });
}

describe('what we agreed last time, and the calendar', () => {
  let folder: string;
  before(async () => {
    await (await api()).notes.ready;
    folder = mkdtempSync(join(tmpdir(), 'growth-agreed-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));
  afterEach(closeAllEditors);

  it('ends the shareable copy with what was agreed in the earlier conversation, and what became of it', async () => {
    const copy = await vscode.commands.executeCommand<vscode.TextDocument>('growth.share.create', { uri: noteUri('alex-morgan/2026-05-12.md'), acceptSensitiveWords: true });
    assert.ok(copy);
    const text = copy.getText();
    assert.equal(text.slice(text.indexOf('## What we agreed last time')), [
      '## What we agreed last time', '',
      '- Propose an on-call rota change (@dana): written 2025-11-10, open for 183 days.',
      '- Share the observability budget (@dana): written 2025-11-10, done on 2025-11-10.', '',
    ].join('\n'));
    // The first conversation has nothing earlier: no such section.
    const first = await vscode.commands.executeCommand<vscode.TextDocument>('growth.share.create', { uri: noteUri('alex-morgan/2025-11-10.md'), acceptSensitiveWords: true });
    assert.doesNotMatch(first?.getText() ?? '', /What we agreed/);
  });

  it('counts what became of the actions agreed with each person in the People view', async () => {
    const { people } = (await api()).views;
    const rows = await people.getChildren() as PersonTreeItem[];
    const alex = rows.find(row => row.kind === 'person' && row.person.person === 'Alex Morgan');
    assert.ok(alex);
    const tooltip = people.getTreeItem(alex).tooltip;
    assert.match(tooltip instanceof vscode.MarkdownString ? tooltip.value : String(tooltip), /What we agreed: 1 done, 3 open, 0 dropped/);
  });

  it('exports the calendar: all-day events, no other person named in an action, the same ids on export again', async () => {
    const target = vscode.Uri.file(join(folder, 'growth.ics'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('growth.calendar.export', { saveTo: target });
    assert.equal(written?.toString(), target.toString());
    const events = readCalendar(readFileSync(target.fsPath, 'utf8'));
    assert.ok(events.every(e => e.allDay));
    assert.ok(events.some(e => e.summary === 'Growth conversation: Alex Morgan' && e.start === '2026-11-12'), JSON.stringify(events));
    const people = (await api()).notes.index.all().map(note => note.person ?? '').filter(Boolean);
    const actions = events.filter(e => e.summary.startsWith('Growth action'));
    assert.ok(actions.length > 0);
    for (const event of actions) {
      const person = /^Growth action \((.+?)\):/.exec(event.summary)?.[1] ?? '';
      const others = [...new Set(people.filter(name => name !== person).flatMap(name => name.split(' ')))];
      assert.deepEqual(others.filter(name => new RegExp(`\\b${name}\\b`, 'i').test(`${event.summary} ${event.description}`)), [], event.summary);
    }
    assert.equal(await vscode.commands.executeCommand('growth.calendar.export', { saveTo: target, replace: true }), target);
    assert.deepEqual(readCalendar(readFileSync(target.fsPath, 'utf8')).map(e => e.uid).sort(), events.map(e => e.uid).sort());
  });

  it('never replaces an existing file without asking', async () => {
    const target = vscode.Uri.file(join(folder, 'kept.ics'));
    writeFileSync(target.fsPath, 'mine\n');
    // The test host refuses modal dialogs: the question was asked, and nothing was written.
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('growth.calendar.export', { saveTo: target })), /refused to show dialog in tests. Contents: kept.ics already exists/);
    assert.equal(readFileSync(target.fsPath, 'utf8'), 'mine\n');
  });
});

describe('what we agreed last time, and the calendar: the reminder', () => {
  afterEach(closeAllEditors);

  it('reminds only when turned on, once a day, and never while a growth note has unsaved changes', async () => {
    const { reminder } = await api();
    // Alex Morgan's next conversation is planned for 2026-11-12: within a week of these days.
    assert.equal(await reminder.check('2026-11-09'), 'off');
    await withSetting('reminders.conversationsDue', true, async () => {
      const editor = await vscode.window.showTextDocument(noteUri('priya-shah/2026-06-03.md'));
      await editor.edit(edit => edit.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
      assert.equal(await reminder.check('2026-11-09'), 'writing');
      await vscode.commands.executeCommand('workbench.action.files.revert');
      assert.equal(editor.document.isDirty, false);
      assert.equal(await reminder.check('2026-11-09'), 'shown');
      assert.equal(await reminder.check('2026-11-10'), 'shown');
      assert.equal(await reminder.check('2026-11-10'), 'shownToday');
      assert.equal(await reminder.check('2026-07-20'), 'nothingDue');
    });
  });
});
