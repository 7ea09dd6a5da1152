import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, diagnosticsSummary, exists, noteUri, openNote, readFile, waitFor, waitForLogLine } from './helpers';

describe('Restricted Mode: the workspace is not trusted', () => {
  before(async () => (await api()).notes.ready);
  afterEach(closeAllEditors);

  it('runs in an untrusted workspace', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still reads: guide, diagnostics and the Themes view work', async () => {
    await openNote('alex-morgan/2026-05-12.md');
    const { questionGuide, views } = await api();
    await questionGuide.refresh();
    assert.equal(questionGuide.snapshot?.state.answeredCount, 9);
    const uri = noteUri('jordan-kim/2026-03-15.md');
    await openNote('jordan-kim/2026-03-15.md');
    await waitFor('diagnostics', () => (diagnosticsSummary(uri).length === 7 ? true : undefined));
    assert.equal((await views.themes.getChildren()).length, 4);
  });

  it('writes nothing: every command that would write refuses', async () => {
    const created = await vscode.commands.executeCommand('growth.conversation.new', { person: 'Nobody', date: '2026-11-26' });
    assert.equal(created, undefined);
    assert.equal(await exists(noteUri('nobody/2026-11-26.md')), false);

    const editor = await openNote('priya-shah/2025-12-02.md');
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('growth.guide.setFlightRisk', 'high'), false);
    assert.equal(await vscode.commands.executeCommand('growth.guide.setCareerPath', 'undecided'), false);
    assert.equal(await vscode.commands.executeCommand('growth.share.markShared', editor.document.uri, '2026-11-26'), false);
    assert.equal(editor.document.getText(), before);
    assert.equal(editor.document.isDirty, false);

    const { views } = await api();
    const [group] = await views.actions.getChildren();
    const [item] = await views.actions.getChildren(group);
    assert.equal(await vscode.commands.executeCommand('growth.actions.complete', item), false);
    assert.ok(item.kind === 'action');
    const ticked = vscode.workspace.textDocuments.find(d => d.uri.toString() === item.item.path);
    assert.ok(!ticked?.isDirty, 'the note holding the action was not edited');
    assert.match((await readFile(vscode.Uri.parse(item.item.path))).split('\n')[item.item.line], /^- \[ \] /);
    assert.equal(await vscode.commands.executeCommand('growth.notes.commit', { initialise: true }), undefined);
    assert.equal(await exists(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.git')), false);
    // Each refusal is on record in the Growth output, for a manager who wonders why nothing happened.
    for (const action of ['Creating a note', 'Recording an answer', 'Marking the note as shared', 'Ticking an action item', 'Committing notes']) {
      await waitForLogLine(new RegExp(`\\[warning\\] Refused: ${action}: the workspace is not trusted`));
    }
  });

  it('offers no quick fixes that would change a note', async () => {
    const uri = noteUri('jordan-kim/2026-03-15.md');
    await openNote('jordan-kim/2026-03-15.md');
    const diagnostic = await waitFor('a diagnostic', () => vscode.languages.getDiagnostics(uri).find(d => d.source === 'growth' && d.severity === vscode.DiagnosticSeverity.Error));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(actions.filter(a => a.title.startsWith('Change to') || a.title.startsWith('Rename') || a.title.startsWith('Merge')), []);
  });

  it('still makes a shareable copy: it is an unsaved document, not a write', async () => {
    const copy = await vscode.commands.executeCommand<vscode.TextDocument>('growth.share.create', { uri: noteUri('alex-morgan/2025-11-10.md'), acceptSensitiveWords: true });
    assert.ok(copy?.isUntitled);
  });
});
