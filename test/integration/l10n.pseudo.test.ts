// Runs only in the pseudo-localised run (`npm run test:pseudo`): VS Code's display language is qps-ploc
// and the extension carries the pseudo bundles `npm run l10n -- --pseudo` makes, where every letter of
// every translatable string is replaced by an accented one. Any plain English left in what the
// extension shows is a string that does not go through package.nls.json, vscode.l10n.t or the core
// message catalogue.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, noteUri, openNote, readFile, waitFor } from './helpers';
import { dataWords, englishLeft } from './pseudoLocale';

/** A manifest text as VS Code shows it: outside English, command titles become `{ value, original }`. */
function shownText(text: unknown): string {
  if (typeof text === 'string') return text;
  return text !== null && typeof text === 'object' && 'value' in text ? String(text.value) : '';
}

function contributed(): Record<string, unknown> & { contributes: Record<string, unknown> } {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return extension.packageJSON;
}

describe('pseudo-localised run (qps-ploc)', () => {
  it('runs VS Code in the pseudo locale, with the pseudo bundles beside the extension', async () => {
    assert.equal(vscode.env.language, 'qps-ploc');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const keysOf = async (file: string) => Object.keys(JSON.parse(await readFile(vscode.Uri.joinPath(extension.extensionUri, file)))).sort();
    // Every English string has its pseudo-localised twin.
    assert.deepEqual(await keysOf('l10n/bundle.l10n.qps-ploc.json'), await keysOf('l10n/bundle.l10n.json'));
    assert.deepEqual(await keysOf('package.nls.qps-ploc.json'), await keysOf('package.nls.json'));
  });

  it('shows every contributed title, view name, setting and walkthrough text pseudo-localised', () => {
    const pkg = contributed();
    const { commands, views, viewsContainers, viewsWelcome, configuration, walkthroughs } = pkg.contributes as {
      commands: { title: unknown; category: unknown }[];
      views: Record<string, { name: string; contextualTitle?: string }[]>;
      viewsContainers: Record<string, { title: string }[]>;
      viewsWelcome: { contents: string }[];
      configuration: { title: string; properties: Record<string, { markdownDescription?: string; enumDescriptions?: string[] }> }[];
      walkthroughs: { title: string; description: string; steps: { title: string; description: string }[] }[];
    };
    const shown = [
      String(pkg.displayName), String(pkg.description),
      ...commands.flatMap(c => [c.title, c.category]),
      ...Object.values(views).flat().flatMap(v => [v.name, v.contextualTitle ?? '']),
      ...Object.values(viewsContainers).flat().map(c => c.title),
      ...viewsWelcome.map(w => w.contents),
      ...configuration.map(group => group.title),
      ...configuration.flatMap(group => Object.values(group.properties)).flatMap(p => [p.markdownDescription ?? '', ...(p.enumDescriptions ?? [])]),
      ...walkthroughs.flatMap(w => [w.title, w.description, ...w.steps.flatMap(s => [s.title, s.description])]),
    ].map(shownText).filter(text => text !== '');
    assert.ok(shown.length > 100, `only ${shown.length} texts`);
    assert.deepEqual(shown.map(text => ({ text, left: englishLeft(text) })).filter(({ left }) => left.length > 0), []);
  });

  it('shows the core\'s problems in the pseudo language (the core catalogue goes through vscode.l10n.t)', async () => {
    await openNote('jordan-kim/2026-03-15.md');
    const uri = noteUri('jordan-kim/2026-03-15.md');
    const diagnostics = await waitFor('problems of the note', () => {
      const found = vscode.languages.getDiagnostics(uri).filter(d => d.source === 'growth');
      return found.length >= 4 ? found : undefined;
    }, 15_000);
    const data = await dataWords();
    const english = diagnostics.map(d => ({ message: d.message, left: englishLeft(d.message, data) })).filter(d => d.left.length > 0);
    assert.deepEqual(english, []);
    assert.ok(diagnostics.some(d => /ƞǿǿŧ ȧȧ ḓȧȧẏ īƞ ŧħḗḗ ƈȧȧŀḗḗƞḓȧȧř/.test(d.message)), diagnostics.map(d => d.message).join('\n'));
  });
  it('offers the core\'s quick fixes titled in the pseudo language', async () => {
    const uri = noteUri('jordan-kim/2026-03-15.md');
    await openNote('jordan-kim/2026-03-15.md');
    const problems = await waitFor('problems of the note', () => {
      const found = vscode.languages.getDiagnostics(uri).filter(d => d.source === 'growth');
      return found.length >= 4 ? found : undefined;
    }, 15_000);
    const titles: string[] = [];
    for (const problem of problems) {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range);
      // Only the fixes for our problems, which are marked preferred: Markdown offers "Insert bold text" and the like too.
      const ours = (actions ?? []).filter(action => action.isPreferred && action.kind?.value === vscode.CodeActionKind.QuickFix.value);
      for (const action of ours) if (!titles.includes(action.title)) titles.push(action.title);
    }
    assert.ok(titles.length >= 3, titles.join('\n'));
    const data = await dataWords();
    assert.deepEqual(titles.filter(title => englishLeft(title, data).length > 0), []);
  });

  it('writes the Prepare brief (built by the core) in the pseudo language', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('growth.people.prepare', 'alex morgan');
    assert.ok(uri);
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    assert.match(text, /^# Ƥřḗḗƥȧȧřḗḗ: Alex Morgan\n/);
    const data = await dataWords();
    assert.deepEqual(text.split('\n').filter(line => englishLeft(line, data).length > 0), []);
  });
  it('shows a field\'s hover (the schema\'s description and the core\'s words) in the pseudo language', async () => {
    const editor = await openNote('jordan-kim/2026-03-15.md');
    const line = editor.document.getText().split('\n').findIndex(text => text.startsWith('level:'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, 2));
    const shown = hovers.flatMap(hover => hover.contents.map(part => (typeof part === 'string' ? part : part.value))).filter(text => text.includes('**level**'));
    assert.equal(shown.length, 1, shown.join('\n'));
    assert.deepEqual(englishLeft(shown[0], await dataWords()), []);
  });
});
