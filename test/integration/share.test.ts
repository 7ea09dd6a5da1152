import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, noteUri, readFile, withSetting } from './helpers';

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
    const report = await withSetting('report.minimumGroupSize', 3, async () => vscode.commands.executeCommand<vscode.TextDocument>('growth.report.themes', { months: 0, includeNames: false }));
    assert.ok(report?.isUntitled);
    const text = report.getText();
    assert.match(text, /^# Themes report/);
    assert.match(text, /\| ci-speed ★ \| 2 \| 4 \| █{20} \|/);
    for (const name of ['Alex', 'Morgan', 'Priya', 'Shah', 'Jordan', 'Dana']) assert.ok(!new RegExp(`\\b${name}\\b`).test(text), name);
  });
});
