import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ProtectOutcome } from '../../src/vscode/notes/protectNotesCommand';
import { api, closeAllEditors, waitFor } from './helpers';

// Hand Over and Export Everything in the editor run the command line's own code (the store program).
describe('Store commands for one person: Hand Over and Export Everything', () => {
  let base: string;
  before(async () => {
    await (await api()).notes.ready;
    base = mkdtempSync(join(tmpdir(), 'growth-store-person-'));
  });
  after(() => rmSync(base, { recursive: true, force: true }));
  afterEach(closeAllEditors);

  it('Hand Over writes one first note for the new manager through the gate, and never replaces it', async function () {
    this.timeout(120_000);
    const target = vscode.Uri.file(join(base, 'new-manager', 'growth-notes'));
    const outcome = await vscode.commands.executeCommand<ProtectOutcome & { note?: vscode.Uri; idAdded?: vscode.Uri }>('growth.people.handOver', { person: 'Alex Morgan', target, addPersonId: true });
    assert.equal(outcome?.ok, true, outcome?.output);
    const [day] = readdirSync(join(target.fsPath, 'alex-morgan'));
    assert.match(day, /^\d{4}-\d{2}-\d{2}\.md$/);
    assert.equal(outcome?.note?.fsPath, join(target.fsPath, 'alex-morgan', day));
    const text = readFileSync(join(target.fsPath, 'alex-morgan', day), 'utf8');
    for (const kept of ['Lead the architecture guild', 'Architect for the platform group', 'Draft an architect track for the career ladder @dana due:2026-06-30 <!-- from: 2026-05-12 -->',
      'careerPath: architect-consultant', 'flightRisk: not-assessed']) {
      assert.ok(text.includes(kept), `${kept} missing:\n${text}`);
    }
    const id = /^personId: (p-[0-9a-f]{16})$/m.exec(text)?.[1];
    assert.ok(id, text);
    // Alex's notes had no id: the same one goes into the latest note, as an unsaved edit the manager can undo.
    const latest = vscode.workspace.textDocuments.find(doc => doc.uri.path.endsWith('/growth-notes/alex-morgan/2026-05-12.md'));
    assert.equal(outcome?.idAdded?.toString(), latest?.uri.toString());
    assert.ok(latest?.isDirty);
    assert.match(latest.getText(), new RegExp(`^personId: ${id}$`, 'm'));
    assert.ok(!readFileSync(latest.uri.fsPath, 'utf8').includes('personId'), 'nothing is saved without the manager');
    await vscode.window.showTextDocument(latest);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    for (const never of ['flightRisk: medium', 'talk to the director', 'salary band', 'another company offered', 'Frustrated']) {
      assert.ok(!text.includes(never), `${never} was carried:\n${text}`);
    }
    const again = await vscode.commands.executeCommand<ProtectOutcome>('growth.people.handOver', { person: 'Alex Morgan', target, addPersonId: false });
    assert.equal(again?.ok, false);
    assert.equal(readFileSync(join(target.fsPath, 'alex-morgan', day), 'utf8'), text);
  });

  it('Export Everything writes the person\'s request into an empty folder, with an index', async function () {
    this.timeout(120_000);
    const target = vscode.Uri.file(join(base, 'priya-request'));
    const outcome = await vscode.commands.executeCommand<ProtectOutcome>('growth.people.exportEverything', { person: 'Priya Shah', target });
    assert.equal(outcome?.ok, true, outcome?.output);
    assert.ok(existsSync(join(target.fsPath, 'index.md')));
    assert.deepEqual(readdirSync(join(target.fsPath, 'notes')).sort(), ['2025-12-02.md', '2026-06-03.md']);
    assert.match(readFileSync(join(target.fsPath, 'index.md'), 'utf8'), /^# Everything the growth notes hold about Priya Shah$/m);
    assert.equal(readFileSync(join(target.fsPath, 'notes', '2026-06-03.md'), 'utf8'),
      // In full, her own name kept; every @handle is replaced, as in every export.
      readFileSync(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'growth-notes/priya-shah/2026-06-03.md').fsPath, 'utf8').replace('@priya', '[name]'));
    // A folder that holds files already is refused, and left as it was.
    const before = readdirSync(target.fsPath).sort();
    const again = await vscode.commands.executeCommand<ProtectOutcome>('growth.people.exportEverything', { person: 'Priya Shah', target });
    assert.equal(again?.ok, false);
    assert.deepEqual(readdirSync(target.fsPath).sort(), before);
  });

  it('with pseudonymous folders, New Growth Conversation and Hand Over name the folder by the stable id; the People view still shows the name', async function () {
    this.timeout(120_000);
    const growth = await api();
    const folder = vscode.workspace.workspaceFolders![0];
    const config = vscode.Uri.joinPath(folder.uri, 'growth.config.json');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "store": { "folderNames": "pseudonymous" } }\n'));
    let created: vscode.Uri | undefined;
    try {
      await waitFor('the editor to read store.folderNames', () => (growth.rules.forFolder(folder).rules.store.folderNames === 'pseudonymous' ? true : undefined), 10_000);
      created = await vscode.commands.executeCommand<vscode.Uri>('growth.conversation.new', { person: 'Quinn Ashby', date: '2026-11-20' });
      assert.ok(created);
      const match = /\/growth-notes\/(p-[0-9a-f]{16})\/2026-11-20\.md$/.exec(created.path);
      assert.ok(match, created.path);
      const id = match[1];
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
      assert.match(text, new RegExp(`^personId: ${id}$`, 'm'));
      assert.match(text, /^person: Quinn Ashby$/m);
      const row = await waitFor('Quinn Ashby in the People view', async () => {
        for (const item of await growth.views.people.getChildren() ?? []) {
          const tree = await growth.views.people.getTreeItem(item);
          const label = typeof tree.label === 'string' ? tree.label : tree.label?.label;
          if (label === 'Quinn Ashby') return label;
        }
        return undefined;
      }, 10_000);
      assert.equal(row, 'Quinn Ashby');
      const target = vscode.Uri.file(join(base, 'pseudonymous', 'growth-notes'));
      const outcome = await vscode.commands.executeCommand<ProtectOutcome>('growth.people.handOver', { person: 'Quinn Ashby', target, addPersonId: false });
      assert.equal(outcome?.ok, true, outcome?.output);
      assert.deepEqual(readdirSync(target.fsPath), [id]);
      assert.match(readFileSync(join(target.fsPath, id, readdirSync(join(target.fsPath, id))[0]), 'utf8'), new RegExp(`^personId: ${id}$`, 'm'));
    } finally {
      await vscode.workspace.fs.delete(config).then(undefined, () => undefined);
      if (created) await vscode.workspace.fs.delete(vscode.Uri.joinPath(created, '..'), { recursive: true }).then(undefined, () => undefined);
      await waitFor('the editor to drop store.folderNames', () => (growth.rules.forFolder(folder).rules.store.folderNames === 'names' ? true : undefined), 10_000);
    }
  });
});
