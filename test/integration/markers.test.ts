import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, diagnosticsSummary, waitFor } from './helpers';

describe('unknown growth markers', () => {
  before(api);
  afterEach(closeAllEditors);

  it('warns about a misspelt marker in an open note, with the id it probably meant', async () => {
    const content = '---\ntype: growth-conversation\nperson: Alex\ndate: 2026-05-01\n---\n\n## Notes <!-- growth:privte -->\nInterviewing elsewhere #secret\n';
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(document);
    const found = await waitFor('the unknown-marker warning', () => (diagnosticsSummary(document.uri).length > 0 ? diagnosticsSummary(document.uri) : undefined));
    assert.deepEqual(found, ['7:10-7:32 unknown-marker']);
    const warning = vscode.languages.getDiagnostics(document.uri)[0];
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(warning.message, '"growth:privte" is not a known section marker. Did you mean "growth:private"?');
  });
});
