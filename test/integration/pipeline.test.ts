import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, closeAllEditors, diagnosticsSummary, themeRow, waitFor, withSetting, workspaceRoot } from './helpers';

function note(flightRisk: string, theme: string): string {
  return `---\ntype: growth-conversation\nperson: Pipeline Check\ndate: 2026-02-03\nflightRisk: ${flightRisk}\n---\n\n## 1. How are you doing? <!-- growth:checkin -->\nBusy. #${theme}\n`;
}

describe('One pipeline from disk to the views and the diagnostics', () => {
  before(async () => (await api()).notes.ready);
  afterEach(closeAllEditors);

  it('one watcher event updates a diagnostic and the Themes view, and reads the file once', async function () {
    this.timeout(60_000);
    const { notes } = await api();
    const folder = join(workspaceRoot().fsPath, 'growth-notes', 'pipeline-check');
    const uri = vscode.Uri.file(join(folder, '2026-02-03.md'));
    const key = uri.toString();
    mkdirSync(folder, { recursive: true });
    try {
      writeFileSync(uri.fsPath, note('hgih', 'pipeline-first'));
      await waitFor('the Themes view to show the new theme', () => themeRow('pipeline-first'), 15_000);
      const broken = await waitFor('the diagnostic of the new note', () => (diagnosticsSummary(uri).length > 0 ? diagnosticsSummary(uri) : undefined), 15_000);
      assert.deepEqual(broken, ['5:13-5:17 invalid-value']);
      assert.equal(notes.reads.get(key), 1, 'the new note was read once, for the index and the diagnostics together');

      writeFileSync(uri.fsPath, note('high', 'pipeline-second'));
      await waitFor('the diagnostic to clear', () => (diagnosticsSummary(uri).length === 0 ? true : undefined), 15_000);
      await waitFor('the Themes view to follow', async () => (await themeRow('pipeline-first') === undefined && await themeRow('pipeline-second') ? true : undefined), 15_000);
      assert.equal(notes.reads.get(key), 2, 'one more read for one more change');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    await waitFor('the note to leave the view', async () => (await themeRow('pipeline-second') === undefined ? true : undefined), 15_000);
    await waitFor('its diagnostics to go', () => (diagnosticsSummary(uri).length === 0 ? true : undefined), 15_000);
  });

  it('quick fixes use the problems the diagnostics showed, and a theme\'s new usual spelling reaches other notes', async function () {
    this.timeout(60_000);
    const folder = join(workspaceRoot().fsPath, 'growth-notes', 'spelling-check');
    const paths = [1, 2, 3, 4, 5].map(i => join(folder, `2026-02-0${i}.md`));
    const spelt = (theme: string, day: number) => `---\ntype: growth-conversation\nperson: Spelling ${day}\ndate: 2026-02-0${day}\nthemes: [${theme}]\n---\n`;
    const [first, second, third] = paths.map(path => vscode.Uri.file(path));
    mkdirSync(folder, { recursive: true });
    try {
      writeFileSync(paths[0], spelt('Remote Work', 1));
      writeFileSync(paths[1], spelt('remote-work', 2));
      writeFileSync(paths[2], spelt('remote-work', 3));
      await waitFor('the odd one out hinted', () => (diagnosticsSummary(first).includes('5:10-5:21 theme-spelling') ? true : undefined), 15_000);
      assert.deepEqual([diagnosticsSummary(second), diagnosticsSummary(third)], [[], []]);
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(first));
      await waitFor('the open note\'s own check', () => (diagnosticsSummary(first).includes('5:10-5:21 theme-spelling') ? true : undefined));
      const range = new vscode.Range(4, 9, 4, 20);
      // The editor cancels a request while the note's own check lands; ask again then.
      const actions = await waitFor('the quick fixes', async () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', first, range, vscode.CodeActionKind.QuickFix.value)
        .then(found => found, (error: Error) => { if (error.name === 'Canceled') return undefined; throw error; }));
      const [fix] = actions.filter(a => a.edit);
      assert.equal(fix?.title, 'Write it "remote-work", as most notes do');
      assert.equal(editor.document.isDirty, false);
      await closeAllEditors();
      // Two more notes tip the balance to "Remote Work": the notes spelt the other way, untouched, are hinted now.
      writeFileSync(paths[3], spelt('Remote Work', 4));
      writeFileSync(paths[4], spelt('Remote Work', 5));
      await waitFor('the hints to follow the new usual spelling', () => (diagnosticsSummary(second).includes('5:10-5:21 theme-spelling')
        && diagnosticsSummary(third).includes('5:10-5:21 theme-spelling') && diagnosticsSummary(first).length === 0 ? true : undefined), 15_000);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    // The next tests count the notes: wait until these have left the index.
    const { notes } = await api();
    await waitFor('the spelling notes to leave', () => (notes.index.all().some(n => n.person?.startsWith('Spelling ')) ? undefined : true), 15_000);
  });

  it('changing the question script reads the notes again', async function () {
    this.timeout(60_000);
    const { notes } = await api();
    const scriptPath = join(workspaceRoot().fsPath, 'pipeline-script.json');
    writeFileSync(scriptPath, JSON.stringify({ name: 'Pipeline', questions: [{ id: 'checkin', title: 'How are you?' }] }));
    try {
      const reads = () => [...notes.reads.values()].reduce((sum, n) => sum + n, 0);
      const before = reads();
      await withSetting('questionScriptPath', 'pipeline-script.json', async () => {
        await waitFor('every note read again', () => (reads() - before >= notes.index.size ? true : undefined), 20_000);
      });
      // Back to the built-in script: read again once more, so the next tests start from a settled index.
      const during = reads();
      await waitFor('every note read again for the built-in script', () => (reads() - during >= notes.index.size ? true : undefined), 20_000);
    } finally {
      rmSync(scriptPath, { force: true });
    }
  });
});
