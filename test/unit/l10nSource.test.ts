import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findUnlocalisedStrings } from '../support/l10nCheck';
import { typeScriptFiles } from '../support/sourceFiles';

/** What the checker flags in a snippet, as `where: text`. */
function flagged(snippet: string): string[] {
  return findUnlocalisedStrings('sample.ts', snippet).map(found => `${found.where} ${found.text}`);
}

describe('the localisation checker (on small samples)', () => {
  const samples: Array<{ kind: string; english: string; flags: string[]; localised: string }> = [
    {
      kind: 'message text',
      english: "vscode.window.showWarningMessage('Nothing to share.');",
      flags: ['showWarningMessage Nothing to share.'],
      localised: "vscode.window.showWarningMessage(vscode.l10n.t('Nothing to share.'));",
    },
    {
      kind: 'message buttons, through a constant of the file',
      english: "const SAVE = 'Save';\nvscode.window.showInformationMessage(vscode.l10n.t('Done.'), SAVE);",
      flags: ['showInformationMessage Save'],
      localised: "const SAVE = vscode.l10n.t('Save');\nvscode.window.showInformationMessage(vscode.l10n.t('Done.'), SAVE);",
    },
    {
      kind: 'modal detail',
      english: "vscode.window.showErrorMessage(vscode.l10n.t('Refused.'), { modal: true, detail: 'Fix the frontmatter first.' });",
      flags: ['detail: Fix the frontmatter first.'],
      localised: "vscode.window.showErrorMessage(vscode.l10n.t('Refused.'), { modal: true, detail: describe(built).join('\\n') });",
    },
    {
      kind: 'quick pick items and placeholder',
      english: "vscode.window.showQuickPick(['Last 6 months', 'All time'], { placeHolder: 'Which period?' });",
      flags: ['showQuickPick Last 6 months', 'showQuickPick All time', 'placeHolder: Which period?'],
      localised: "vscode.window.showQuickPick(periods.map(p => p.label), { placeHolder: vscode.l10n.t('Which period?') });",
    },
    {
      kind: 'quick pick item objects',
      english: "const items = [{ label: 'Low', detail: `Worth knowing, ${when}` }];",
      flags: ['label: Low', 'detail: `Worth knowing, ${when}`'],
      localised: 'const items = RISKS.map(risk => ({ label: risk.label, detail: risk.detail }));',
    },
    {
      kind: 'input box',
      english: "vscode.window.showInputBox({ prompt: 'Who is the conversation with?', placeHolder: 'Name' });",
      flags: ['prompt: Who is the conversation with?', 'placeHolder: Name'],
      localised: "vscode.window.showInputBox({ prompt: vscode.l10n.t('Who is the conversation with?'), placeHolder: vscode.l10n.t('Name') });",
    },
    {
      kind: 'tree item label',
      english: "const item = new vscode.TreeItem('Overdue', vscode.TreeItemCollapsibleState.Expanded);",
      flags: ['new TreeItem Overdue'],
      localised: "const item = new vscode.TreeItem(`${vscode.l10n.t('Overdue')} (${count})`, vscode.TreeItemCollapsibleState.Expanded);",
    },
    {
      kind: 'tree item tooltip and description',
      english: 'item.tooltip = `Last conversation ${date}`;\nitem.description = due ? \'due\' : `${days}`;',
      flags: ['.tooltip = `Last conversation ${date}`', '.description = due'],
      localised: "item.tooltip = vscode.l10n.t('Last conversation {0}', date);\nitem.description = `${days} · ${person.name}`;",
    },
    {
      kind: 'markdown tooltip',
      english: "item.tooltip = new vscode.MarkdownString(`**${name}**: no conversation yet`);",
      flags: ['new MarkdownString `**${name}**: no conversation yet`'],
      localised: "item.tooltip = new vscode.MarkdownString(`**${name}**: ${vscode.l10n.t('no conversation yet')}`);",
    },
    {
      kind: 'status bar text',
      english: "statusItem.text = '$(sync~spin) Reading notes';",
      flags: ['.text = $(sync~spin) Reading notes'],
      localised: "statusItem.text = `$(sync~spin) ${vscode.l10n.t('Reading notes')}`;\nedit.text = 'not shown anywhere';",
    },
    {
      kind: 'progress title and report',
      english: "vscode.window.withProgress({ location, title: 'Indexing notes' }, async progress => progress.report({ message: 'Reading' }));",
      flags: ['title: Indexing notes', 'message: Reading'],
      localised: "vscode.window.withProgress({ location, title: vscode.l10n.t('Indexing notes') }, async progress => progress.report({ message: msg('file.unreadable') }));",
    },
    {
      kind: 'diagnostic message',
      english: "new vscode.Diagnostic(range, 'Broken frontmatter', vscode.DiagnosticSeverity.Error);",
      flags: ['new Diagnostic Broken frontmatter'],
      localised: 'new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Error);',
    },
    {
      kind: 'code action title',
      english: "new vscode.CodeAction('Fix it', vscode.CodeActionKind.QuickFix);",
      flags: ['new CodeAction Fix it'],
      localised: 'new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);',
    },
    {
      kind: 'command title on a tree item',
      english: "item.command = { command: Commands.openAt, title: 'Open', arguments: [uri] };",
      flags: ['title: Open'],
      localised: "item.command = { command: Commands.openAt, title: vscode.l10n.t('Open'), arguments: [uri] };",
    },
    {
      kind: 'conditionals and concatenation',
      english: "vscode.window.showErrorMessage(ok ? vscode.l10n.t('Saved.') : 'Not saved: ' + reason);",
      flags: ['showErrorMessage Not saved: '],
      localised: "vscode.window.showErrorMessage(ok ? vscode.l10n.t('Saved.') : vscode.l10n.t('Not saved: {0}', reason));",
    },
  ];
  for (const sample of samples) {
    it(`flags ${sample.kind} in English, not once localised`, () => {
      assert.deepEqual(flagged(sample.english), sample.flags);
      assert.deepEqual(flagged(sample.localised), []);
    });
  }
});

describe('src/vscode: every user-visible string is localised', () => {
  it('shows nothing in English that bypasses vscode.l10n.t or the core message catalogue', () => {
    const files = [...typeScriptFiles('src/vscode'), 'src/extension.ts'];
    const found = files.flatMap(file => findUnlocalisedStrings(file, readFileSync(file, 'utf8')).map(s => `${file}:${s.line} ${s.where} ${s.text}`));
    assert.deepEqual(found, []);
  });
});
