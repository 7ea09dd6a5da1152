import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, exists, waitFor, workspaceRoot } from './helpers';

// Runs in a documentation repository of 2,000 ordinary Markdown files and no growth notes
// (scripts/test-integration.mjs makes it): the extension must leave it alone until asked.
describe('a Markdown workspace without growth notes', () => {
  it('does not activate when Markdown files are opened', async () => {
    const readme = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'README.md'));
    await vscode.window.showTextDocument(readme);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'docs/part-3/page-300.md')));
    // Long enough for an activation on Markdown to have happened, as it did before.
    await new Promise(resolve => setTimeout(resolve, 2000));
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, false);
  });

  it('once active through one of its commands, reads no file and shows no view and no status item', async () => {
    await vscode.commands.executeCommand('growth.log.show');
    const { notes, views } = await api();
    await notes.ready;
    // Let a first build or a watcher batch happen, if any were started.
    await new Promise(resolve => setTimeout(resolve, 1500));
    assert.deepEqual({ started: notes.isStarted, reads: notes.reads.size, indexed: notes.index.size, skipped: notes.skipped.size, statusItems: notes.statusItemsShown },
      { started: false, reads: 0, indexed: 0, skipped: 0, statusItems: 0 });
    // The containers have no view to show: opening them shows nothing of ours.
    await vscode.commands.executeCommand('workbench.view.extension.growthOverview').then(undefined, () => undefined);
    await new Promise(resolve => setTimeout(resolve, 500));
    assert.equal(views.themes.visible, false);
    assert.equal(await exists(vscode.Uri.joinPath(workspaceRoot(), 'growth-notes')), false);
  });

  it('New Growth Conversation works here, and brings the views', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('growth.conversation.new', { person: 'Robin Park', date: '2026-11-26' });
    assert.equal(created?.path.endsWith('/growth-notes/robin-park/2026-11-26.md'), true, created?.toString());
    const { notes, views } = await api();
    assert.equal(notes.isStarted, true);
    await notes.ready;
    await waitFor('the new note in the index', () => (notes.index.all().some(note => note.person === 'Robin Park') ? true : undefined), 30_000);
    await vscode.commands.executeCommand('workbench.view.extension.growthOverview');
    await waitFor('the Themes view on screen', () => (views.themes.visible ? true : undefined), 10_000);
  });
});
