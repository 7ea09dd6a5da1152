// Issue 23, item 9: a saved copy or report closes its unsaved document without asking, writes no empty
// file anywhere (never at the root of the file system), is named for the person and the day (a report for
// its period), and never replaces a file unless the manager agrees; the missing-date fix offers the day
// the file name gives.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { monthsBefore } from '../../src/core/workspace';
import { api, closeAllEditors, exists, noteUri, readFile, waitFor, withSetting, workspaceRoot } from './helpers';

const exportsFolder = () => vscode.Uri.joinPath(workspaceRoot(), 'growth-exports');
const exported = (name: string) => vscode.Uri.joinPath(exportsFolder(), name);

/** Editor tabs holding an unsaved document (an untitled one, or a file with unsaved edits). */
function unsavedTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap(group => group.tabs).filter(tab => tab.isDirty);
}

/** Every file of the workspace that is empty, and whether any of the names a save could pick sits at the root of the file system. */
async function emptyFiles(): Promise<string[]> {
  const files = await vscode.workspace.findFiles('**/*');
  const empty: string[] = [];
  for (const uri of files) if ((await vscode.workspace.fs.stat(uri)).size === 0) empty.push(vscode.workspace.asRelativePath(uri));
  return empty.sort();
}

async function atFileSystemRoot(names: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of names) if (await exists(vscode.Uri.file(`/${name}`))) found.push(name);
  return found;
}

/** Closes every editor; fails when one still asks to be saved (the test host refuses that dialog). */
async function closeEverythingWithoutPrompt(): Promise<void> {
  assert.deepEqual(unsavedTabs().map(tab => tab.label), [], 'no unsaved document is left to ask "Do you want to save?"');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('saves that do what they say (issue 23, item 9)', function () {
  // Generous for a loaded machine; nothing is asserted about speed.
  this.timeout(300_000);
  before(api);
  afterEach(closeAllEditors);

  it('a saved shareable copy is named for the person and the day, closes without asking, and writes no empty file', async () => {
    const growth = await api();
    // A second person with a conversation the same day as Alex Morgan's.
    const other = noteUri('zoe-park/2026-05-12.md');
    await vscode.workspace.fs.writeFile(other, new TextEncoder().encode(
      '---\ntype: growth-conversation\nperson: Zoë Park\ndate: 2026-05-12\n---\n# Zoë Park, 2026-05-12\n\n## 1. How are you? <!-- growth:checkin -->\nWell rested after the launch.\n'));
    await waitFor('the second note indexed', () => growth.notes.index.all().find(note => note.person === 'Zoë Park'), 15000);
    const emptyBefore = await emptyFiles();
    try {
      for (const [uri, name, words] of [[noteUri('alex-morgan/2026-05-12.md'), 'alex-morgan-2026-05-12-shared.md', /person: Alex Morgan/],
        [other, 'zoe-park-2026-05-12-shared.md', /Well rested after the launch/]] as const) {
        await vscode.commands.executeCommand('growth.share.create', { uri, acceptSensitiveWords: true, saveTo: 'export-folder' });
        assert.match(await readFile(exported(name)), words, `${name} holds its own person's copy`);
        await closeEverythingWithoutPrompt();
      }
      // The same copy again: a new name beside it, the first left as it was.
      const first = await readFile(exported('alex-morgan-2026-05-12-shared.md'));
      await vscode.commands.executeCommand('growth.share.create', { uri: noteUri('alex-morgan/2026-05-12.md'), acceptSensitiveWords: true, saveTo: 'export-folder' });
      assert.equal(await readFile(exported('alex-morgan-2026-05-12-shared.md')), first);
      assert.match(await readFile(exported('alex-morgan-2026-05-12-shared-2.md')), /person: Alex Morgan/);
      await closeEverythingWithoutPrompt();
      // As HTML, picked by name.
      await vscode.commands.executeCommand('growth.share.create', { uri: other, acceptSensitiveWords: true, saveTo: exported('zoe-park-2026-05-12-shared.html') });
      assert.match(await readFile(exported('zoe-park-2026-05-12-shared.html')), /Well rested after the launch/);
      await closeEverythingWithoutPrompt();

      assert.deepEqual(await emptyFiles(), emptyBefore, 'no empty file was written in the workspace');
      assert.deepEqual(await atFileSystemRoot(['alex-morgan-2026-05-12-shared.md', 'zoe-park-2026-05-12-shared.md', '2026-05-12-shared.md', 'Untitled-1.md']), [],
        'nothing was written at the root of the file system');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'growth-notes', 'zoe-park'), { recursive: true });
      await vscode.workspace.fs.delete(exportsFolder(), { recursive: true }).then(undefined, () => undefined);
    }
  });

  it('an existing file is replaced only when the manager agrees, and the unsaved copy stays open until then', async () => {
    const kept = exported('for-alex.md');
    await vscode.workspace.fs.writeFile(kept, new TextEncoder().encode('My own draft, not a note.\n'));
    try {
      const source = noteUri('alex-morgan/2026-05-12.md');
      // The test host refuses modal dialogs: the refusal carries the question that was asked.
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('growth.share.create', { uri: source, acceptSensitiveWords: true, saveTo: kept })),
        /refused to show dialog in tests\. Contents: for-alex\.md already exists\. Replace it\?/);
      assert.equal(await readFile(kept), 'My own draft, not a note.\n', 'the file is as it was');
      assert.equal(unsavedTabs().length, 1, 'the copy is still open, not lost');
      await closeAllEditors();

      const report = { months: 0, includeNames: false, saveTo: kept };
      await assert.rejects(Promise.resolve(withSetting('report.minimumGroupSize', 3, async () => vscode.commands.executeCommand('growth.report.themes', report))),
        /refused to show dialog in tests\. Contents: for-alex\.md already exists\. Replace it\?/);
      assert.equal(await readFile(kept), 'My own draft, not a note.\n');
      await closeAllEditors();

      // Agreed (as the dialog's Replace button does): replaced, and the copy closes without asking.
      await vscode.commands.executeCommand('growth.share.create', { uri: source, acceptSensitiveWords: true, saveTo: kept, confirmReplace: true });
      assert.match(await readFile(kept), /^---\ntype: growth-shared-copy\nperson: Alex Morgan\n/);
      await closeEverythingWithoutPrompt();
    } finally {
      await vscode.workspace.fs.delete(exportsFolder(), { recursive: true }).then(undefined, () => undefined);
    }
  });

  it('a saved themes report is named for its period, closes without asking, and writes no empty file', async () => {
    const emptyBefore = await emptyFiles();
    try {
      for (const months of [0, 12] as const) {
        const report = await withSetting('report.minimumGroupSize', 3, async () =>
          vscode.commands.executeCommand<vscode.TextDocument | undefined>('growth.report.themes', { months, includeNames: false, saveTo: 'export-folder' }));
        if (!report) continue; // a period with too few people is refused, and says so: nothing to name
        const names = (await vscode.workspace.fs.readDirectory(exportsFolder())).map(([name]) => name);
        const saved = names.map(name => /^themes-report-(all|\d{4}-\d{2}-\d{2})-to-(\d{4}-\d{2}-\d{2})\.md$/.exec(name)).filter(found => found !== null);
        assert.equal(saved.length, months === 0 ? 1 : 2, names.join(', '));
        const [, since, until] = saved.find(found => (found[1] === 'all') === (months === 0))!;
        // The period in the name is the one the report covers, whatever day the test runs.
        assert.equal(since, months === 0 ? 'all' : monthsBefore(until, months));
        assert.match(await readFile(exported(`themes-report-${since}-to-${until}.md`)), /^# Themes report\n/);
        await closeEverythingWithoutPrompt();
      }
      assert.deepEqual(await emptyFiles(), emptyBefore, 'no empty file was written in the workspace');
    } finally {
      await vscode.workspace.fs.delete(exportsFolder(), { recursive: true }).then(undefined, () => undefined);
    }
  });

  it('the missing-date fix offers the day the file name gives, and today only when the name has none', async () => {
    const named = noteUri('fix-date/2026-07-07.md');
    const unnamed = noteUri('fix-date/catch-up.md');
    const text = '---\ntype: growth-conversation\nperson: Fix Date\n---\n## 1. How are you? <!-- growth:checkin -->\nFine.\n';
    try {
      const offered = async (uri: vscode.Uri) => {
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(document);
        const missing = await waitFor('the missing date problem', () => vscode.languages.getDiagnostics(uri)
          .find(d => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)) === 'missing-field' && /date/.test(d.message)), 15000);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, missing.range, vscode.CodeActionKind.QuickFix.value);
        return actions.map(action => action.title).filter(title => title.startsWith('Add date'));
      };
      const fromName = await offered(named);
      assert.match(fromName[0] ?? '', /2026-07-07/, `the file's day comes first: ${fromName.join(' | ')}`);
      const fromToday = await offered(unnamed);
      const [today, yesterday] = [new Date(), new Date(Date.now() - 86_400_000)].map(d =>
        `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
      // Today, as the fix was offered: the day before when the test ran across midnight.
      assert.ok(fromToday.length > 0 && (fromToday[0].includes(today) || fromToday[0].includes(yesterday)), fromToday.join(' | '));
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'growth-notes', 'fix-date'), { recursive: true });
    }
  });
});
