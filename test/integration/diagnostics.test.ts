import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, codeOf, codeTarget, diagnosticsSummary, noteUri, openNote, waitFor } from './helpers';

describe('diagnostics', () => {
  before(api);
  afterEach(closeAllEditors);

  it('lists a fixture note\'s exact problems, with codes and ranges', async () => {
    await openNote('jordan-kim/2026-03-15.md');
    const uri = noteUri('jordan-kim/2026-03-15.md');
    const found = await waitFor('diagnostics', () => (diagnosticsSummary(uri).length === 7 ? diagnosticsSummary(uri) : undefined));
    assert.deepEqual(found, [
      '10:24-10:36 duplicate-theme',
      '11:19-11:29 nonexistent-date',
      '12:11-12:35 previous-other-person',
      '20:1-20:112 few-achievements',
      '7:8-7:17 invalid-value',
      '8:13-8:17 invalid-value',
      '9:1-9:5 unknown-field',
    ]);
  });

  it('links each problem code to its own page', async () => {
    await openNote('jordan-kim/2026-03-15.md');
    const uri = noteUri('jordan-kim/2026-03-15.md');
    const found = await waitFor('diagnostics', () => {
      const growth = vscode.languages.getDiagnostics(uri).filter(d => d.source === 'growth');
      return growth.length === 7 ? growth : undefined;
    });
    const pages = [...new Set(found.map(d => `${codeOf(d)} ${codeTarget(d)}`))].sort();
    const page = (code: string) => `${code} https://github.com/growth-conversations/growth-conversations/blob/main/docs/problems/${code}.md`;
    assert.deepEqual(pages, ['duplicate-theme', 'few-achievements', 'invalid-value', 'nonexistent-date', 'previous-other-person', 'unknown-field'].map(page));
  });

  it('lists problems of notes that are not open, from the workspace scan', async () => {
    const uri = noteUri('sam-lee/2026-04-20.md');
    const found = await waitFor('workspace diagnostics', () => (diagnosticsSummary(uri).length > 0 ? diagnosticsSummary(uri) : undefined), 10000);
    assert.deepEqual(found, ['19:1-19:112 few-achievements']);
  });

  it('shows a problem within a second of typing a broken value, and clears it when fixed', async () => {
    const editor = await openNote('alex-morgan/2025-11-10.md');
    const uri = editor.document.uri;
    await waitFor('a clean start', () => (diagnosticsSummary(uri).length === 0 ? true : undefined));
    const line = editor.document.getText().split('\n').findIndex(l => l.startsWith('flightRisk:'));
    const valueRange = new vscode.Range(line, 12, line, editor.document.lineAt(line).text.length);
    await editor.edit(edit => edit.replace(valueRange, 'hgih'));
    const typed = Date.now();
    await waitFor('the invalid-value diagnostic', () => (diagnosticsSummary(uri).includes(`${line + 1}:13-${line + 1}:17 invalid-value`) ? true : undefined), 1000);
    console.log(`    diagnostic appeared after ${Date.now() - typed} ms`);
    await editor.edit(edit => edit.replace(new vscode.Range(line, 12, line, 16), 'high'));
    await waitFor('the diagnostic to clear', () => (diagnosticsSummary(uri).length === 0 ? true : undefined), 1000);
  });
});

describe('quick fixes, completion and hover', () => {
  before(api);
  afterEach(closeAllEditors);

  it('each quick fix on the fixture note removes its diagnostic', async () => {
    const editor = await openNote('jordan-kim/2026-03-15.md');
    const uri = editor.document.uri;
    await waitFor('diagnostics', () => (diagnosticsSummary(uri).length === 7 ? true : undefined));
    for (const code of ['invalid-value', 'invalid-value', 'duplicate-theme']) {
      const before = diagnosticsSummary(uri).filter(d => d.endsWith(code)).length;
      const diagnostic = vscode.languages.getDiagnostics(uri).find(d => typeof d.code === 'object' && d.code.value === code);
      assert.ok(diagnostic, code);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      console.log(`    ${code}: ${actions.map(a => a.title).join(' / ')}`);
      const action = actions.find(a => a.edit);
      assert.ok(action?.edit, `a fix for ${code}`);
      assert.ok(await vscode.workspace.applyEdit(action.edit));
      await waitFor(`${code} to go`, () => (diagnosticsSummary(uri).filter(d => d.endsWith(code)).length === before - 1 ? true : undefined), 2000);
    }
    const text = editor.document.getText();
    assert.ok(text.includes('level: mid\n') && text.includes('flightRisk: high\n') && text.includes('themes: [on-call-load]\n'), text.slice(0, 300));
  });

  it('suggests the workspace\'s usual spelling of a theme and fixes it', async () => {
    const editor = await openNote('priya-shah/2026-06-03.md');
    const uri = editor.document.uri;
    await waitFor('the theme-spelling hint', () => (diagnosticsSummary(uri).includes('11:10-11:18 theme-spelling') ? true : undefined), 5000);
    const diagnostic = vscode.languages.getDiagnostics(uri).find(d => typeof d.code === 'object' && d.code.value === 'theme-spelling');
    assert.ok(diagnostic);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const action = actions.find(a => a.edit);
    assert.equal(action?.title, 'Write it "ci-speed", as most notes do');
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.ok(editor.document.lineAt(10).text === 'themes: [ci-speed, onboarding]');
    await waitFor('the hint to clear', () => (diagnosticsSummary(uri).some(d => d.endsWith('theme-spelling')) ? undefined : true), 2000);
  });

  it('completes a themes list item with the workspace\'s themes, most used first', async () => {
    const editor = await openNote('sam-lee/2026-04-20.md');
    const line = editor.document.getText().split('\n').findIndex(l => l.startsWith('themes:'));
    await editor.edit(edit => edit.replace(new vscode.Range(line, 0, line, editor.document.lineAt(line).text.length), 'themes:\n  - '));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line + 1, 4));
    const ours = list.items.filter(i => i.kind === vscode.CompletionItemKind.Keyword).sort((a, b) => String(a.sortText).localeCompare(String(b.sortText))).map(i => i.label);
    assert.deepEqual(ours.slice(0, 3), ['on-call-load', 'ci-speed', 'career-ladder']);
  });

  it('explains a frontmatter key on hover', async () => {
    const editor = await openNote('sam-lee/2026-04-20.md');
    const line = editor.document.getText().split('\n').findIndex(l => l.startsWith('flightRisk:'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, 2));
    const text = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes('**flightRisk**') && text.includes('`not-assessed`'), text);
  });
});
