import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { api, closeAllEditors, readFile, workspaceRoot } from './helpers';

/** The corpus of notes with planted secret tokens (see test/fixtures/privacy/README.md). */
const CORPUS = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'privacy');
const SECRET_TOKEN = /zqx\d{2,3}[a-z]/i;

describe('privacy corpus: nothing private leaves through the editor commands', function () {
  // 150 notes, each shared twice and checked: a hang guard, not a speed target.
  this.timeout(600_000);
  const folder = () => vscode.Uri.joinPath(workspaceRoot(), 'growth-notes', 'privacy-corpus');
  const exports = () => vscode.Uri.joinPath(workspaceRoot(), 'privacy-exports');

  before(async () => {
    await api();
    for (const name of readdirSync(CORPUS)) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), name), readFileSync(join(CORPUS, name)));
  });
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(folder(), { recursive: true });
    await vscode.workspace.fs.delete(exports(), { recursive: true }).then(undefined, () => undefined);
  });

  it('shares every note without a token, as Markdown and as HTML, or refuses it in a dialog', async () => {
    let shared = 0;
    for (const name of readdirSync(CORPUS).filter(n => n.endsWith('.md')).sort()) {
      const uri = vscode.Uri.joinPath(folder(), name);
      const html = vscode.Uri.joinPath(exports(), `${name}.html`);
      let copy: vscode.TextDocument | undefined;
      try {
        copy = await vscode.commands.executeCommand<vscode.TextDocument>('growth.share.create', { uri, acceptSensitiveWords: true });
      } catch (error) {
        // The test host refuses dialogs: a refusal shows as this error, with the dialog's text.
        assert.match(String(error), /refused to show dialog in tests\. Contents: No copy was made\./, name);
        continue;
      }
      assert.ok(copy, name);
      assert.match(copy.getText(), /Faster CI for everyone/, `${name}: the answers are kept`);
      assert.equal(SECRET_TOKEN.exec(copy.getText())?.[0], undefined, `${name} leaked in the copy`);
      await closeAllEditors();
      await vscode.commands.executeCommand('growth.share.create', { uri, acceptSensitiveWords: true, saveTo: html });
      assert.match(await readFile(html), /Faster CI for everyone/, `${name}: the HTML was saved`);
      assert.equal(SECRET_TOKEN.exec(await readFile(html))?.[0], undefined, `${name} leaked in the saved HTML`);
      shared++;
      await closeAllEditors();
    }
    assert.ok(shared >= 20, `only ${shared} notes could be shared`);
  });

  it('the themes report, anonymised or with names, holds no token', async () => {
    const growth = await api();
    await growth.notes.ready;
    for (const includeNames of [false, true]) {
      let report: vscode.TextDocument | undefined;
      try {
        report = await vscode.commands.executeCommand<vscode.TextDocument>('growth.report.themes', { months: 0, includeNames });
      } catch (error) {
        assert.match(String(error), /refused to show dialog in tests/);
        continue;
      }
      if (report) assert.equal(SECRET_TOKEN.exec(report.getText())?.[0], undefined, `the report (names: ${includeNames}) leaked`);
      await closeAllEditors();
    }
  });
});
