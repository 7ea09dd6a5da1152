import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActionTreeItem } from '../../src/vscode/actions/actionItemsView';
import { api, closeAllEditors, noteUri, openNote, readFile, waitFor, waitForLogLine, workspaceRoot } from './helpers';

const UNSAVED = 'An unsaved thought, typed before the command ran.';

async function openActionsOf(path: vscode.Uri): Promise<ActionTreeItem[]> {
  const { actions } = (await api()).views;
  const items = (await Promise.all((await actions.getChildren()).map(group => actions.getChildren(group)))).flat();
  return items.filter(item => item.kind === 'action' && item.item.path === path.toString());
}

/** Each command that edits a note, with any unsaved change it needs first. */
const EDITING_COMMANDS: { name: string; prepare?: (editor: vscode.TextEditor) => Promise<unknown>; run: (editor: vscode.TextEditor) => Thenable<unknown> }[] = [
  { name: 'Set Career Path', run: () => vscode.commands.executeCommand('growth.guide.setCareerPath', 'people-management') },
  { name: 'Set Flight Risk', run: () => vscode.commands.executeCommand('growth.guide.setFlightRisk', 'high') },
  { name: 'Mark as Shared', run: editor => vscode.commands.executeCommand('growth.share.markShared', editor.document.uri, '2026-11-20') },
  {
    name: 'Tick an action item',
    // The item as the view hands it over; this note's items are listed under Alex's newest note.
    run: editor => {
      const line = editor.document.getText().split('\n').findIndex(l => l.startsWith('- [ ] Book Alex a slot'));
      const item = { text: 'Book Alex a slot at the all-hands @alex due:2026-07-15', line, path: editor.document.uri.toString(), person: 'Alex Morgan', overdue: false };
      return vscode.commands.executeCommand('growth.actions.complete', item);
    },
  },
  {
    name: 'Put a deleted section back',
    prepare: async editor => {
      const lines = editor.document.getText().split('\n');
      const start = lines.findIndex(line => line.includes('<!-- growth:current-role -->'));
      const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
      return editor.edit(edit => edit.delete(new vscode.Range(start, 0, end, 0)));
    },
    run: () => vscode.commands.executeCommand('growth.guide.revealQuestion', 'current-role'),
  },
  {
    name: 'A quick fix',
    prepare: async editor => {
      const line = editor.document.getText().split('\n').findIndex(l => l.startsWith('flightRisk:'));
      await editor.edit(edit => edit.replace(editor.document.lineAt(line).range, 'flightRisk: hgh'));
      await waitFor('the problem to be reported', () => (vscode.languages.getDiagnostics(editor.document.uri).some(d => d.range.start.line === line) ? true : undefined));
    },
    run: async editor => {
      const line = editor.document.getText().split('\n').findIndex(l => l.startsWith('flightRisk:'));
      const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(line, 12, line, 12));
      const fix = fixes.find(action => action.edit && /high/.test(action.title));
      assert.ok(fix?.edit, 'a quick fix to "high" is offered');
      return vscode.workspace.applyEdit(fix.edit);
    },
  },
];

describe('Nothing lost', () => {
  before(async () => (await api()).notes.ready);
  afterEach(closeAllEditors);

  for (const command of EDITING_COMMANDS) {
    it(`${command.name}: edits the open text, keeps unsaved edits, leaves the file alone, and one undo reverts it`, async () => {
      const uri = noteUri('alex-morgan/2026-05-12.md');
      const onDisk = await readFile(uri);
      const editor = await openNote('alex-morgan/2026-05-12.md');
      await editor.edit(edit => edit.insert(new vscode.Position(editor.document.lineCount, 0), `\n${UNSAVED}\n`));
      await command.prepare?.(editor);
      const before = editor.document.getText();
      await command.run(editor);
      const after = await waitFor('the edit', () => (editor.document.getText() !== before ? editor.document.getText() : undefined));
      assert.ok(after.includes(UNSAVED), 'the unsaved edit is kept');
      assert.equal(await readFile(uri), onDisk, 'nothing was written to disk');
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), before, 'one undo puts the text back');
    });
  }

  it('ticks a stale action item on the line it moved to, and refuses one that is gone', async () => {
    const uri = noteUri('jordan-kim/2026-03-15.md');
    const original = await readFile(uri);
    const [stale] = await openActionsOf(uri);
    assert.ok(stale?.kind === 'action' && stale.item.text.startsWith('Review on-call hours'));
    const reflect = async (text: string) => {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      await waitFor('the editor to see the file on disk', async () => ((await vscode.workspace.openTextDocument(uri)).getText() === text ? true : undefined));
    };
    try {
      // Another machine added lines above the item; the view has not caught up yet.
      const lines = original.split('\n');
      const moved = [...lines.slice(0, 12), 'Added on the laptop.', '', ...lines.slice(12)].join('\n');
      await reflect(moved);
      assert.equal(await vscode.commands.executeCommand('growth.actions.complete', stale), true);
      const document = await vscode.workspace.openTextDocument(uri);
      assert.equal(document.lineAt(stale.item.line + 2).text, '- [x] Review on-call hours @chris due:2026-04-01');
      assert.equal(document.getText().replace('- [x] Review', '- [ ] Review'), moved, 'only the box changed');
      assert.equal(await readFile(uri), moved, 'the file on disk is untouched');
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');

      // The item was deleted elsewhere: nothing is ticked, and the refusal is logged.
      const without = original.replace(/^- \[ \] Review on-call hours.*\n/m, '');
      await reflect(without);
      assert.equal(await vscode.commands.executeCommand('growth.actions.complete', stale), false);
      assert.equal((await vscode.workspace.openTextDocument(uri)).isDirty, false);
      assert.equal(await readFile(uri), without);
      await waitForLogLine(/\[warning\] Refused: Ticking an action item in growth-notes\/jordan-kim\/2026-03-15\.md: the note no longer holds that open item/);
    } finally {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
    }
  });

  it('never saves a shareable copy over a note, and saves it as a new file', async () => {
    const source = noteUri('priya-shah/2026-06-03.md');
    const note = noteUri('sam-lee/2026-04-20.md');
    const noteText = await readFile(note);
    await vscode.commands.executeCommand('growth.share.create', { uri: source, acceptSensitiveWords: true, saveTo: note });
    assert.equal(await readFile(note), noteText);
    await waitForLogLine(/Refused: Saving the shareable copy in growth-notes\/sam-lee\/2026-04-20\.md: the chosen file is a growth note/);

    const fresh = vscode.Uri.joinPath(workspaceRoot(), 'shared', 'priya-2026-06-03.html');
    try {
      await vscode.commands.executeCommand('growth.share.create', { uri: source, acceptSensitiveWords: true, saveTo: fresh });
      const html = await readFile(fresh);
      assert.match(html, /default-src 'none'/);
      assert.doesNotMatch(html, /flightRisk/);
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'shared'), { recursive: true });
    }
  });

  it('an error in one view is logged in the Growth output, and the rest keeps working', async () => {
    const growth = await api();
    const { themes, actions } = growth.views;
    const working = themes.getChildren;
    themes.getChildren = async () => { throw new Error('injected failure for the test'); };
    try {
      // Themes lives in the Growth Overview container (the Growth container keeps the room for the guide).
      await vscode.commands.executeCommand('workbench.view.extension.growthOverview');
      themes.refresh();
      await waitForLogLine(/\[error\] The Themes view failed: Error: injected failure for the test/, 15000);
      assert.ok((await actions.getChildren()).length > 0, 'the Action Items view still works');
      await openNote('sam-lee/2026-04-20.md');
      await growth.questionGuide.refresh();
      assert.ok(growth.questionGuide.snapshot, 'the guide still follows the note');
      assert.equal(await vscode.commands.executeCommand('growth.guide.setFlightRisk', 'medium'), true, 'commands still edit');
    } finally {
      themes.getChildren = working;
      themes.refresh();
    }
    assert.ok((await themes.getChildren()).length > 0);
  });
});
