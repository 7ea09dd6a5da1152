import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sealDigest } from '../../src/core/outputs';
import { api, closeAllEditors, codeOf, codeTarget, noteUri, readFile, waitFor, withSetting, workspaceRoot } from './helpers';

const NAMES = /\b(Alex|Morgan|Priya|Shah|Jordan|Kim|Sam|Lee|Dana|Reyes|Chris|Okafor)\b/;

async function remove(uri: vscode.Uri) {
  await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

/** Deletes the vocabulary file and waits until the Themes view is back to the notes' own themes. */
async function removeVocabulary(uri: vscode.Uri) {
  await remove(uri);
  const { themes } = (await api()).views;
  await waitFor('the vocabulary to be gone', async () => {
    const items = (await themes.getChildren()).map(root => themes.getTreeItem(root));
    return items.every(item => !String(item.description).includes('org:') && item.label !== 'ci speed') ? true : undefined;
  });
}

describe('collating with colleagues: digest, collation, vocabulary, report', () => {
  before(async () => (await api()).notes.ready);
  afterEach(closeAllEditors);

  it('Export Team Digest refuses when no quarter has enough people, in a modal that says why', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('growth.digest.export', { label: 'Sample' })),
      /refused to show dialog in tests. Contents: No digest: No quarter has conversations with at least 5 people \(2025-Q4: 2, 2026-Q1: 1, 2026-Q2: 3\)/);
  });

  it('Export Team Digest shows what will leave before anything is written', async () => {
    await withSetting('report.minimumGroupSize', 3, async () => {
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('growth.digest.export', { label: 'Sample' })),
        /refused to show dialog in tests. Contents: This is everything the digest will hold\./);
    });
  });

  it('Export Team Digest writes counts only, in the export folder, outside the notes', async () => {
    const target = vscode.Uri.joinPath(workspaceRoot(), 'growth-exports', 'digest-sample.json');
    await remove(target);
    try {
      const written = await withSetting('report.minimumGroupSize', 3, async () =>
        vscode.commands.executeCommand<vscode.Uri>('growth.digest.export', { label: 'Sample', saveTo: target, confirmed: true }));
      assert.equal(written?.toString(), target.toString());
      const text = await readFile(target);
      const digest = JSON.parse(text);
      assert.deepEqual([digest.format, digest.label, digest.minGroupSize, digest.quarters.map((q: { quarter: string; people: number }) => [q.quarter, q.people])],
        ['growth-team-digest', 'Sample', 3, [['2026-Q2', 3]]]);
      assert.doesNotMatch(text, NAMES);
      assert.doesNotMatch(text, /growth-notes|\.md|salary|talk to the director/i);
      await new Promise(resolve => setTimeout(resolve, 300));
      assert.ok((await api()).notes.index.all().every(note => !note.path.includes('growth-exports')), 'a digest is never indexed as a conversation');
    } finally {
      await remove(target);
    }
  });

  it('Collate Digests opens the report beside the editor and lists the digests it could not use', async () => {
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'org-digests');
    const quarter = (people: number, themes: Record<string, number>) => ({ quarter: '2026-Q4', people, themes, teams: [], hiddenTeamPeople: people, careerPaths: {}, flightRisk: {} });
    const body = (label: string, people: number, themes: Record<string, number>) => ({ format: 'growth-team-digest', formatVersion: 1, label, created: '2026-11-30', minGroupSize: 5, quarters: [quarter(people, themes)] });
    await vscode.workspace.fs.createDirectory(folder);
    const write = (name: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), new TextEncoder().encode(text));
    try {
      await write('a.json', sealDigest(body('Platform group', 6, { 'on-call load': 4 })));
      await write('b.json', sealDigest(body('Data group', 5, { 'On-Call-Load': 2, 'ci speed': 1 })));
      await write('c.json', sealDigest(body('Tiny group', 2, { 'on-call load': 1 })));
      const report = await vscode.commands.executeCommand<vscode.TextDocument>('growth.digest.collate', { folder });
      assert.ok(report?.isUntitled);
      const text = report.getText();
      assert.match(text, /^# Growth themes across teams, 2026-Q4$/m);
      assert.match(text, /^11 people in 2 digests\./m);
      assert.match(text, /^\| on-call load ★ \| 6 \| 2 \| 2 \| new \| no response yet \| █{20} \|$/m);
      assert.match(text, /^- c\.json: 2026-Q4 has a group of 2 people, under the minimum of 5\.$/m);
      assert.equal(vscode.window.activeTextEditor?.document, report);
      await write('a.json', '{');
      await write('b.json', '{');
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('growth.digest.collate', { folder })), /Contents: None of the digests could be used\./);
    } finally {
      await remove(folder);
    }
  });

  it('Themes Report refuses a period with too few people, and saves where the export setting says', async () => {
    const untitled = () => vscode.workspace.textDocuments.filter(d => d.isUntitled).length;
    const before = untitled();
    assert.equal(await vscode.commands.executeCommand('growth.report.themes', { months: 0, includeNames: false }), undefined);
    assert.equal(untitled(), before, 'nothing was opened');
    const target = vscode.Uri.joinPath(workspaceRoot(), 'growth-exports', 'report.md');
    await remove(target);
    try {
      const report = await withSetting('report.minimumGroupSize', 3, async () =>
        vscode.commands.executeCommand<vscode.TextDocument>('growth.report.themes', { months: 0, includeNames: false, saveTo: target }));
      assert.ok(report);
      const saved = await readFile(target);
      assert.match(saved, /^# Themes report\n/);
      // Once saved, the unsaved report is emptied and closed, so nothing asks to save it again.
      assert.ok(report.isClosed || report.getText() === '', 'the saved report does not ask to be saved again');
      assert.match(saved, /Groups smaller than 3 people are not shown/);
      assert.doesNotMatch(saved, NAMES);
    } finally {
      await remove(target);
    }
  });

  it('a new conversation lists what the organisation did about last time\'s themes, in question 8', async () => {
    const vocabularyUri = vscode.Uri.joinPath(workspaceRoot(), 'growth-themes.yaml');
    const { views } = await api();
    let created: vscode.Uri | undefined;
    try {
      await vscode.workspace.fs.writeFile(vocabularyUri, new TextEncoder().encode(
        'themes:\n  - name: on-call load\n    aliases: [on-call-load]\n    response: { status: in-progress, owner: Platform leads }\n'));
      await waitFor('the vocabulary', async () => (await views.themes.getChildren()).some(t => String(views.themes.getTreeItem(t).description).includes('org:')) || undefined);
      created = await vscode.commands.executeCommand<vscode.Uri>('growth.conversation.new', { person: 'Alex Morgan', date: '2026-12-24' });
      assert.ok(created);
      const lines = (await readFile(created)).split('\n');
      const q8 = lines.findIndex(line => line.startsWith('## 8.'));
      // Right under the heading: new notes carry no guidance comments by default (growth.scaffold.guidance).
      assert.equal(lines[q8 + 1], '<!-- What the organisation did about what they raised last time: on-call load: in progress, Platform leads. -->');
    } finally {
      await removeVocabulary(vocabularyUri);
      if (created) await remove(created);
    }
  });

  it('reads the vocabulary: problems in the file, aliases merged in the report, the org response in the Themes view', async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'growth-themes.yaml');
    const { themes } = (await api()).views;
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('themes:\n  - name: ci speed\n    aliases: [onboarding]\n  - name: onboarding\n'));
      const problems = await waitFor('the vocabulary problems', () => {
        const found = vscode.languages.getDiagnostics(uri);
        return found.length > 0 ? found : undefined;
      });
      assert.deepEqual(problems.map(d => [d.range.start.line, codeOf(d), d.message]), [[2, 'vocabulary-alias-is-theme', '"onboarding" is itself a theme ("onboarding"). Remove the alias, or merge the two themes.']]);
      // Each code links to the page that explains it.
      assert.equal(codeTarget(problems[0]), 'https://github.com/growth-conversations/growth-conversations/blob/main/docs/problems/vocabulary-alias-is-theme.md');

      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(
        'themes:\n  - name: ci speed\n    aliases: [ci-speed, onboarding]\n    response:\n      status: in-progress\n      owner: Developer experience\n      note: Build cache in January.\n'));
      const ci = await waitFor('the org response in the Themes view', async () => {
        const roots = await themes.getChildren();
        const item = roots.map(root => themes.getTreeItem(root)).find(i => String(i.description).includes('org:'));
        return item;
      });
      assert.equal(ci.label, 'ci speed');
      assert.equal(ci.description, '3 people · 5 conversations · pattern · org: in progress');
      assert.equal((ci.iconPath as vscode.ThemeIcon).id, 'sync');
      // The org's words are plain text in the tooltip (spaces kept as &nbsp;), so nothing in them can load.
      assert.match((ci.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '), /\*\*Org response:\*\* in progress, Developer experience\n\nBuild cache in January\./);
      assert.equal(vscode.languages.getDiagnostics(uri).length, 0);

      // In a note: the alias gets the hint and a quick fix to the agreed name, and completion offers agreed names first.
      const note = await vscode.workspace.openTextDocument(noteUri('priya-shah/2025-12-02.md'));
      await vscode.window.showTextDocument(note);
      const line = note.getText().split('\n').findIndex(l => l.startsWith('themes:'));
      // Notes are checked again when a growth setting changes (here, pointing at the same vocabulary file).
      const hint = await withSetting('themes.vocabularyPath', 'growth-themes.yaml', () =>
        waitFor('the spelling hint', () => vscode.languages.getDiagnostics(note.uri).find(d => (typeof d.code === 'object' ? d.code.value : d.code) === 'theme-spelling')));
      assert.equal(hint.message, '"ci-speed" is written "ci speed" in most notes.');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', note.uri, hint.range);
      assert.ok(actions.some(a => a.title === 'Write it "ci speed", as most notes do'), actions.map(a => a.title).join());
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', note.uri, new vscode.Position(line, 'themes: ['.length));
      const themeItems = list.items.filter(i => i.kind === vscode.CompletionItemKind.Keyword).sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
      assert.equal(themeItems[0]?.label, 'ci speed');

      // An inline tag written as an alias: a hint on the tag, and a quick fix that writes the agreed theme.
      const edited = new vscode.WorkspaceEdit();
      edited.insert(note.uri, new vscode.Position(note.lineCount, 0), '\nMore about #onboarding here.\n');
      assert.ok(await vscode.workspace.applyEdit(edited));
      const tagHint = await waitFor('the alias hint on the tag', () => vscode.languages.getDiagnostics(note.uri).find(d => codeOf(d) === 'theme-alias'));
      assert.equal(tagHint.message, '#onboarding is an alias of the agreed theme "ci speed": write #ci-speed.');
      assert.equal(note.getText(tagHint.range), '#onboarding');
      const tagFixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', note.uri, tagHint.range);
      const fix = tagFixes.find(a => a.title === 'Write #ci-speed');
      const [change] = fix?.edit?.get(note.uri) ?? [];
      assert.deepEqual([change?.newText, change?.range.isEqual(tagHint.range)], ['#ci-speed', true]);
      await vscode.window.showTextDocument(note);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await removeVocabulary(uri);
    }
  });
});
