import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, exists, noteUri, readFile, withSetting, workspaceRoot } from './helpers';

const TODAY = '2026-11-20';

describe('New Growth Conversation', () => {
  before(api);
  afterEach(closeAllEditors);

  it('answers the person quick pick like a user: the most recent person comes first', async () => {
    const running = vscode.commands.executeCommand<vscode.Uri>('growth.conversation.new', { date: TODAY });
    await new Promise(resolve => setTimeout(resolve, 1500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const created = await running;
    assert.equal(created?.toString(), noteUri(`priya-shah/${TODAY}.md`).toString());
  });

  it('creates a note that carries over goals and open actions, and opens it at question 1', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri>('growth.conversation.new', { person: 'Alex Morgan', date: TODAY });
    assert.equal(created?.toString(), noteUri(`alex-morgan/${TODAY}.md`).toString());
    const text = await readFile(created);
    assert.ok(text.startsWith(`---\ntype: growth-conversation\nperson: Alex Morgan\ndate: ${TODAY}\nmanager: Dana Reyes\nteam: Platform\nlevel: senior\nprevious: 2026-05-12.md\nflightRisk: not-assessed\nthemes: []\n---\n`), text.slice(0, 300));
    assert.ok(text.includes('- [ ] Lead the architecture guild <!-- from: 2026-05-12 -->'));
    assert.ok(text.includes('- [ ] Present tracing at the engineering all-hands <!-- from: 2026-05-12 -->'));
    assert.ok(text.includes('- [ ] Propose an on-call rota change @dana due:2025-12-15 <!-- from: 2025-11-10 -->'), 'the date it was first written');
    assert.ok(!text.includes('Share the observability budget'), 'ticked actions are not carried');
    for (const id of ['checkin', 'last-six-months', 'achievements', 'current-role', 'role-6-months', 'role-2-years', 'leave-reason', 'change-anything', 'anything-else', 'next-steps', 'private']) {
      assert.ok(text.includes(`<!-- growth:${id} -->`), id);
    }
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), created.toString());
    const line = editor.document.lineAt(editor.selection.active.line - 1).text;
    assert.equal(line, '## 1. How are you doing? How is work? <!-- growth:checkin -->');
    const old = await readFile(noteUri('alex-morgan/2026-05-12.md'));
    assert.ok(old.includes('- [ ] Draft an architect track'), 'the previous note is untouched');
  });

  it('never touches an existing note: a second one the same day gets its own file', async () => {
    const first = noteUri(`alex-morgan/${TODAY}.md`);
    const before = await readFile(first);
    const second = await vscode.commands.executeCommand<vscode.Uri>('growth.conversation.new', { person: 'Alex Morgan', date: TODAY, whenExists: 'createAnother' });
    assert.equal(second?.toString(), noteUri(`alex-morgan/${TODAY}-2.md`).toString());
    assert.equal(await readFile(first), before);
    const reopened = await vscode.commands.executeCommand<vscode.Uri>('growth.conversation.new', { person: 'Alex Morgan', date: TODAY, whenExists: 'open' });
    assert.equal(reopened?.toString(), first.toString());
    assert.equal(await readFile(first), before);
  });

  it('creates a first note for someone new', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri>('growth.conversation.new', { person: 'Zoë Ångström', date: TODAY });
    assert.equal(created?.toString(), noteUri(`zoe-angstrom/${TODAY}.md`).toString());
    const text = await readFile(created);
    assert.ok(text.includes('person: Zoë Ångström\n'));
    assert.ok(!text.includes('previous:'));
  });

  it('refuses an invalid custom question script and creates nothing', async () => {
    const scriptUri = vscode.Uri.joinPath(workspaceRoot(), 'bad-script.json');
    await vscode.workspace.fs.writeFile(scriptUri, new TextEncoder().encode('{"questions": [{"id": "Bad Id"}]}'));
    await withSetting('questionScriptPath', 'bad-script.json', async () => {
      const created = await vscode.commands.executeCommand('growth.conversation.new', { person: 'Nobody Yet', date: TODAY });
      assert.equal(created, undefined);
      assert.equal(await exists(noteUri(`nobody-yet/${TODAY}.md`)), false);
    });
  });

  it('uses a valid custom question script for the sections', async () => {
    const scriptUri = vscode.Uri.joinPath(workspaceRoot(), 'team-script.yaml');
    await vscode.workspace.fs.writeFile(scriptUri, new TextEncoder().encode('name: Short\nquestions:\n  - id: mood\n    title: How is it going?\n  - id: wins\n    title: Best thing this month?\n    records: achievements\n'));
    await withSetting('questionScriptPath', 'team-script.yaml', async () => {
      const created = await vscode.commands.executeCommand<vscode.Uri>('growth.conversation.new', { person: 'Custom Person', date: TODAY });
      assert.ok(created);
      const text = await readFile(created);
      assert.ok(text.includes('## 1. How is it going? <!-- growth:mood -->'));
      assert.ok(text.includes('## 2. Best thing this month? <!-- growth:wins -->\n1. \n2. \n3. \n'));
      assert.ok(!text.includes('growth:checkin'));
    });
  });
});

describe('Commit Notes', () => {
  it('initialises a private repository and commits the notes with a message that names no one', async function () {
    this.timeout(60000);
    const message = await vscode.commands.executeCommand<string>('growth.notes.commit', { initialise: true });
    assert.match(message ?? '', /^Growth notes: \d+ conversations(, \d+ other files?)?$/);
    for (const name of ['Alex', 'Morgan', 'Jordan', 'Sam Lee', '2026']) assert.ok(!message?.includes(name), message);
    assert.ok(await exists(vscode.Uri.joinPath(workspaceRoot(), '.git')));
    assert.ok(await exists(vscode.Uri.joinPath(workspaceRoot(), '.gitignore')));
    const again = await vscode.commands.executeCommand<string>('growth.notes.commit', { initialise: true });
    assert.equal(again, undefined, 'nothing left to commit');
  });

  it('names the people and dates changed when growth.commit.messageStyle is names', async function () {
    this.timeout(60000);
    const note = noteUri('sam-lee/2026-04-20.md');
    const text = await readFile(note);
    await vscode.workspace.fs.writeFile(note, new TextEncoder().encode(`${text}\nOne more line.\n`));
    const message = await withSetting('commit.messageStyle', 'names', async () => vscode.commands.executeCommand<string>('growth.notes.commit'));
    assert.equal(message, 'Growth notes: Sam Lee (2026-04-20)');
  });
});
