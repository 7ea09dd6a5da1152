import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, noteUri, readFile, waitForLogLine, withSetting, workspaceRoot } from './helpers';

describe('sharing and reporting', () => {
  before(api);
  afterEach(closeAllEditors);

  it('opens the shareable copy as an unsaved document and leaves the note unchanged', async () => {
    const uri = noteUri('alex-morgan/2025-11-10.md');
    const before = await readFile(uri);
    const copy = await vscode.commands.executeCommand<vscode.TextDocument>('growth.share.create', { uri, acceptSensitiveWords: true });
    assert.ok(copy);
    assert.equal(copy.isUntitled, true);
    assert.equal(copy.languageId, 'markdown');
    assert.ok(!copy.getText().includes('flightRisk') && !copy.getText().includes('staff promotion') && !copy.getText().includes('<!--'));
    assert.ok(copy.getText().includes('Led the database migration without downtime'));
    assert.equal(await readFile(uri), before);
    await new Promise(resolve => setTimeout(resolve, 500));
    assert.ok((await api()).notes.index.all().every(note => !note.path.startsWith('untitled:')), 'the copy is not indexed as a conversation');
    const source = await vscode.workspace.openTextDocument(uri);
    assert.equal(source.isDirty, false);
  });

  it('warns about sensitive words before anything is opened or copied', async () => {
    const uri = noteUri('alex-morgan/2026-05-12.md'); // still mentions "salary" outside Private notes
    const untitled = () => vscode.workspace.textDocuments.filter(d => d.isUntitled).length;
    const before = untitled();
    // The test host refuses modal dialogs, which shows the warning was asked before going on.
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('growth.share.create', { uri })), /refused to show dialog in tests. Contents: The copy still mentions "salary"/);
    assert.equal(untitled(), before);
  });

  it('marks a note as shared, keeping the rest of its frontmatter', async () => {
    const uri = noteUri('priya-shah/2025-12-02.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const before = document.getText();
    assert.equal(await vscode.commands.executeCommand('growth.share.markShared', uri, '2026-11-26'), true);
    assert.equal(document.getText(), before.replace('themes: [ci-speed]\n', 'themes: [ci-speed]\nsharedOn: 2026-11-26\n'));
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('opens the themes report, anonymised, with its bars', async () => {
    // The sample's themes are each raised by at most two people: a theme minimum of 2 (its floor) shows them.
    const report = await withSetting('report.minimumGroupSize', 3, () => withSetting('report.minimumThemeGroup', 2,
      async () => vscode.commands.executeCommand<vscode.TextDocument>('growth.report.themes', { months: 0, includeNames: false })));
    assert.ok(report?.isUntitled);
    const text = report.getText();
    assert.match(text, /^# Themes report/);
    assert.match(text, /\| ci-speed ★ \| 2 \| 4 \| █{20} \|/);
    for (const name of ['Alex', 'Morgan', 'Priya', 'Shah', 'Jordan', 'Dana']) assert.ok(!new RegExp(`\\b${name}\\b`).test(text), name);
  });
});

describe('the privacy gate in the editor', () => {
  before(api);
  afterEach(closeAllEditors);

  // The unsaved documents open now: one closed earlier may still leave the list meanwhile, so only a new one counts.
  const untitled = () => new Set(vscode.workspace.textDocuments.filter(d => d.isUntitled).map(d => d.uri.toString()));

  it('refuses a note it cannot read with certainty, says why in a modal, and opens nothing', async () => {
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'growth-notes', 'gate-test');
    const cases: [string, RegExp][] = [
      ['---\ntype: growth-conversation\nperson: Gate Test\ndate: 2026-11-01\nflightRisk: high\nflightRisk: low\n---\n## Q <!-- growth:checkin -->\nfine\n', /No copy was made\. The frontmatter has a problem on line \d+/],
      [`---\ntype: growth-conversation\nperson: Gate Test\ndate: 2026-11-01\n---\n## Q <!-- growth:checkin -->\n${'>'.repeat(40)} deep\n`, /No copy was made\. The notes are too large or too deeply nested/],
    ];
    try {
      for (const [i, [text, reason]] of cases.entries()) {
        const uri = vscode.Uri.joinPath(folder, `2026-11-0${i + 1}.md`);
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
        const before = untitled();
        await assert.rejects(Promise.resolve(vscode.commands.executeCommand('growth.share.create', { uri, acceptSensitiveWords: true })), reason);
        assert.deepEqual([...untitled()].filter(uri => !before.has(uri)), [], 'no copy was opened');
        assert.equal(await readFile(uri), text, 'the note is unchanged');
      }
      await waitForLogLine(/\[warning\] Refused: Creating a shareable copy in growth-notes\/gate-test\/2026-11-01\.md: the note cannot be shared safely/);
      const readme = vscode.Uri.joinPath(workspaceRoot(), 'README-gate.md');
      await vscode.workspace.fs.writeFile(readme, new TextEncoder().encode('# Not a note\n'));
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('growth.share.create', { uri: readme })), /No copy was made\. This file is not a growth note/);
      await vscode.workspace.fs.delete(readme);
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });

  it('saves a copy in the export folder outside the notes, closes the unsaved copy without asking, and never counts it', async () => {
    const growth = await api();
    const source = noteUri('alex-morgan/2026-05-12.md');
    const alexNotes = () => growth.notes.index.all().filter(note => note.person === 'Alex Morgan').length;
    const conversations = alexNotes();
    const exported = vscode.Uri.joinPath(workspaceRoot(), 'growth-exports', 'alex-morgan-2026-05-12-shared.md');
    const inNotes = noteUri('alex-morgan/copy-for-alex.md');
    try {
      await vscode.commands.executeCommand('growth.share.create', { uri: source, acceptSensitiveWords: true, saveTo: 'export-folder' });
      const saved = await readFile(exported);
      assert.match(saved, /^---\ntype: growth-shared-copy\nperson: Alex Morgan\n/);
      assert.doesNotMatch(saved, /flightRisk|talk to the director|<!--/);
      assert.equal(unsavedCopies(), 0, 'the saved copy does not ask to be saved again');
      // Even saved among the notes, a copy is never read as a conversation.
      await vscode.commands.executeCommand('growth.share.create', { uri: source, acceptSensitiveWords: true, saveTo: inNotes });
      assert.match(await readFile(inNotes), /type: growth-shared-copy/);
      await new Promise(resolve => setTimeout(resolve, 1500));
      assert.equal(alexNotes(), conversations);
      assert.ok(growth.notes.index.all().every(note => !note.path.includes('copy-for-alex')), 'the copy is not indexed');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'growth-exports'), { recursive: true });
      await vscode.workspace.fs.delete(inNotes);
    }
  });
});

/** Unsaved shareable copies that would still ask to be saved on close. */
function unsavedCopies(): number {
  return vscode.workspace.textDocuments.filter(d => d.isUntitled && d.isDirty && d.getText().includes('type: growth-shared-copy')).length;
}
