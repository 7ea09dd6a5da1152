import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { PersonTreeItem } from '../../src/vscode/people/peopleView';
import { api, closeAllEditors, diagnosticsSummary, growthLogText, readFile, themeRow, waitFor, waitForLogLine, workspaceRoot } from './helpers';

const notesFolder = () => join(workspaceRoot().fsPath, 'growth-notes');

function note(person: string, date: string, theme: string): string {
  return `---\ntype: growth-conversation\nperson: ${person}\ndate: ${date}\nthemes: [${theme}]\n---\n\n## Next steps\n- [ ] Follow up @me due:2027-01-01\n`;
}

async function peopleRows(): Promise<string[]> {
  const { people } = (await api()).views;
  return (await people.getChildren()).map(p => String(people.getTreeItem(p).label));
}

describe('Odd files and odd workspaces', () => {
  before(async () => (await api()).notes.ready);
  afterEach(closeAllEditors);

  it('leaves a 50 MB Markdown file out of the index with a visible reason, and it still opens', async function () {
    this.timeout(120_000);
    const { notes } = await api();
    const folder = join(notesFolder(), 'huge-note');
    const path = join(folder, '2026-01-01.md');
    const uri = vscode.Uri.file(path);
    const line = 'A line of notes repeated to make a very large file. #huge-theme\n';
    mkdirSync(folder, { recursive: true });
    writeFileSync(path, note('Huge Note', '2026-01-01', 'huge-theme') + line.repeat(Math.ceil(50_000_000 / line.length)));
    try {
      const reason = await waitFor('the file to be left out', () => notes.skipped.get(uri.toString()), 30_000);
      assert.equal(reason, 'larger than 4 MB');
      await waitForLogLine(/\[warning\] Not indexed: growth-notes\/huge-note\/2026-01-01\.md \(larger than 4 MB\)/);
      assert.ok(!notes.index.all().some(n => n.person === 'Huge Note'));
      assert.equal(await themeRow('huge-theme'), undefined);

      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      assert.ok(document.lineCount > 700_000);
      // Checked once opened: the frontmatter is, the body is too large to analyse, and that is said.
      await waitFor('the note\'s warning', () => (diagnosticsSummary(uri).some(d => d.endsWith('body-too-complex')) ? true : undefined), 30_000);
      const { questionGuide } = await api();
      await questionGuide.refresh();
      assert.ok(questionGuide.snapshot, 'the guide still answers');
    } finally {
      await closeAllEditors();
      rmSync(folder, { recursive: true, force: true });
    }
    await waitFor('the skipped file to be forgotten once deleted', () => (notes.skipped.has(uri.toString()) ? undefined : true), 15_000);
  });

  it('follows 1,000 notes arriving at once, as a branch switch does, and their removal', async function () {
    this.timeout(180_000);
    const { notes } = await api();
    const before = notes.index.size;
    const peopleBefore = await peopleRows();
    const branch = join(notesFolder(), 'branch');
    for (let person = 0; person < 100; person++) {
      const folder = join(branch, `person-${person}`);
      mkdirSync(folder, { recursive: true });
      for (let month = 1; month <= 10; month++) {
        const date = `2026-${String(month).padStart(2, '0')}-15`;
        writeFileSync(join(folder, `${date}.md`), note(`Branch Person ${person}`, date, 'branch-switch'));
      }
    }
    try {
      await waitFor('1,000 more notes in the index', () => (notes.index.size === before + 1000 ? true : undefined), 120_000)
        .catch(async error => {
          const listed = (await vscode.workspace.findFiles('growth-notes/branch/**/*.md')).length;
          const log = (await growthLogText()).split('\n').filter(l => /Indexed|Re-read/.test(l)).slice(-6).join(' // ');
          throw new Error(`${error.message}: ${notes.index.size - before} arrived, ${listed} listed; ${log}`);
        });
      await waitFor('the Themes view to count them', async () => ((await themeRow('branch-switch')) === 'branch-switch | 100 people · 1000 conversations · pattern' ? true : undefined), 10_000);
      assert.equal((await peopleRows()).length, peopleBefore.length + 100);
    } finally {
      rmSync(branch, { recursive: true, force: true });
    }
    await waitFor('the index back as it was', () => (notes.index.size === before ? true : undefined), 120_000);
    assert.equal(await themeRow('branch-switch'), undefined);
    assert.deepEqual(await peopleRows(), peopleBefore);
  });

  it('ends up as on disk when notes are deleted or rewritten while the index is rebuilt', async function () {
    this.timeout(120_000);
    const { notes } = await api();
    const folder = join(notesFolder(), 'churn');
    const paths = Array.from({ length: 200 }, (_, i) => join(folder, `person-${i}`, '2026-02-02.md'));
    paths.forEach((path, i) => {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, note(`Churn ${i}`, '2026-02-02', 'before-churn'));
    });
    const churned = () => notes.index.all().filter(n => n.person?.startsWith('Churn '));
    try {
      await waitFor('the 200 notes', () => (churned().length === 200 ? true : undefined), 60_000)
        .catch(error => { throw new Error(`${error.message}: ${churned().length} arrived`); });
      const rebuilding = notes.rebuild();
      paths.forEach((path, i) => (i % 2 === 0 ? rmSync(path) : writeFileSync(path, note(`Churn ${i}`, '2026-02-02', 'after-churn'))));
      await rebuilding;
      await waitFor('the index to match the disk', () => {
        const left = churned();
        return left.length === 100 && left.every(n => n.themes.includes('after-churn')) ? true : undefined;
      }, 60_000);
      assert.equal(await themeRow('before-churn'), undefined);
      assert.match(await themeRow('after-churn') ?? '', /^after-churn \| 100 people · 100 conversations/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    await waitFor('the churn notes to leave', () => (churned().length === 0 ? true : undefined), 60_000);
  });

  it('a second workspace folder on a read-only file system: one person across folders, nothing written there', async function () {
    this.timeout(120_000);
    const archivePath = process.env.GROWTH_TEST_ARCHIVE;
    assert.ok(archivePath, 'the harness provides a read-only archive folder');
    assert.throws(() => writeFileSync(join(archivePath, 'probe.md'), 'x'), /EROFS|EACCES/, 'the archive folder is read-only');
    const alexConversations = async () => (await (await api()).views.people.getChildren() as PersonTreeItem[])
      .filter(p => p.kind === 'person' && p.person.person === 'Alex Morgan').map(p => (p.kind === 'person' ? p.person.conversations.length : 0));
    const [alexBefore] = await alexConversations();
    const count = vscode.workspace.workspaceFolders?.length ?? 0;
    assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: vscode.Uri.file(archivePath), name: 'archive' }));
    const archive = await waitFor('the archive folder', () => vscode.workspace.workspaceFolders?.find(f => f.name === 'archive'));
    try {
      await waitFor('Casey Ng from the archive', async () => ((await peopleRows()).includes('Casey Ng') ? true : undefined), 30_000);
      assert.deepEqual(await alexConversations(), [alexBefore + 1], 'Alex Morgan is one person across both folders');
      assert.equal(await themeRow('on-call-load'), 'on-call-load | 2 people · 4 conversations · pattern');
      assert.equal(await themeRow('onboarding'), 'onboarding | 3 people · 4 conversations · pattern');

      const created = await vscode.commands.executeCommand('growth.conversation.new', { folder: archive, person: 'Casey Ng', date: '2026-11-26' });
      assert.equal(created, undefined, 'no note can be created on a read-only file system');
      await waitForLogLine(/Refused: Creating a note in archive\/growth-notes\/casey-ng\/2026-11-26\.md/);
      await assert.rejects(readFile(vscode.Uri.file(join(archivePath, 'growth-notes/casey-ng/2026-11-26.md'))));
    } finally {
      vscode.workspace.updateWorkspaceFolders(archive.index, 1);
    }
    await waitFor('the archive to leave the views', async () => ((await peopleRows()).includes('Casey Ng') ? undefined : true), 30_000);
    assert.equal(await themeRow('on-call-load'), 'on-call-load | 2 people · 3 conversations · pattern');
  });
});
