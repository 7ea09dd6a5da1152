import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ProtectOutcome } from '../../src/vscode/notes/protectNotesCommand';
import { api, closeAllEditors, themeRow, waitFor } from './helpers';

const PERSON = 'Robin Vale';
const TOKEN = 'TOKEN-ROBIN-PROTECTED-5521';
const NOTE = 'growth-notes/robin-vale/2026-02-03.md';
const TEXT = `---\ntype: growth-conversation\nperson: ${PERSON}\ndate: 2026-02-03\n---\n\n# Growth conversation: ${PERSON}, 2026-02-03\n\n`
  + `## 1. How are you doing? How is work? <!-- growth:checkin -->\nBusy. #vault-theme ${TOKEN}\n\n## Next steps <!-- growth:next-steps -->\n- [ ] Write the vault runbook @Robin\n`;

const GIT_ENV = { GIT_AUTHOR_NAME: 'Manager', GIT_AUTHOR_EMAIL: 'm@example.invalid', GIT_COMMITTER_NAME: 'Manager', GIT_COMMITTER_EMAIL: 'm@example.invalid' };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
}

function folderOf(path: string, name: string): vscode.WorkspaceFolder {
  return { uri: vscode.Uri.file(path), name, index: 0 };
}

async function labels(): Promise<string[]> {
  const { views } = await api();
  const rows: string[] = [];
  for (const provider of [views.people, views.themes, views.actions] as vscode.TreeDataProvider<unknown>[]) {
    for (const item of await provider.getChildren() ?? []) {
      const tree = await provider.getTreeItem(item);
      rows.push(`${typeof tree.label === 'string' ? tree.label : tree.label?.label ?? ''} ${String(tree.description ?? '')} ${String(tree.tooltip ?? '')}`);
    }
  }
  return rows;
}

describe('Protected notes repository', () => {
  before(async () => (await api()).notes.ready);
  afterEach(closeAllEditors);

  it('works unchanged on a protected, checked-out repository; a clone without the key shows no ciphertext', async function () {
    // Every commit and checkout starts the store's filter, a Node process: generous on a loaded machine.
    this.timeout(600_000);
    const base = mkdtempSync(join(tmpdir(), 'growth-protected-'));
    // The extension host's environment is what the store's program and git's filter inherit.
    const identityBefore = process.env.GROWTH_IDENTITY_FILE;
    process.env.GROWTH_IDENTITY_FILE = join(base, 'key', 'identity');
    const added: string[] = [];
    try {
      const origin = join(base, 'origin');
      mkdirSync(origin);
      git(origin, 'init', '-q');
      writeFileSync(join(origin, 'README.md'), 'Notes\n');
      git(origin, 'add', 'README.md');
      git(origin, 'commit', '-qm', 'Start');
      const protectedOrigin = await vscode.commands.executeCommand<ProtectOutcome>('growth.notes.protect', { folder: folderOf(origin, 'origin') });
      assert.equal(protectedOrigin?.ok, true, protectedOrigin?.output);
      // Git runs the program from its lasting copy, not from this version's folder, which an update removes.
      const filter = git(origin, 'config', '--local', 'filter.growth.process');
      assert.match(filter, /store\.js'? filter process\n$/);
      assert.doesNotMatch(filter, /[/\\]dist[/\\]store\.js/);
      mkdirSync(join(origin, 'growth-notes/robin-vale'), { recursive: true });
      writeFileSync(join(origin, NOTE), TEXT);
      git(origin, 'add', '-A');
      git(origin, 'commit', '-qm', 'Growth notes: 1 conversation');
      assert.match(git(origin, 'cat-file', 'blob', `HEAD:${NOTE}`), /^-----BEGIN AGE ENCRYPTED FILE-----/);

      // A clone with the key, set up by the same command: readable on disk and in every view.
      const withKey = join(base, 'with-key');
      git(base, 'clone', '-q', origin, withKey);
      const protectedClone = await vscode.commands.executeCommand<ProtectOutcome>('growth.notes.protect', { folder: folderOf(withKey, 'with-key') });
      assert.equal(protectedClone?.ok, true, protectedClone?.output);
      assert.equal(readFileSync(join(withKey, NOTE), 'utf8'), TEXT);
      assert.equal(git(withKey, 'status', '--porcelain'), '');

      // A clone without the key: the notes stay encrypted there.
      const withoutKey = join(base, 'without-key');
      git(base, 'clone', '-q', origin, withoutKey);
      assert.match(readFileSync(join(withoutKey, NOTE), 'utf8'), /^-----BEGIN AGE ENCRYPTED FILE-----/);

      // Both folders in one change: VS Code refuses a second change before the first has landed.
      const count = vscode.workspace.workspaceFolders?.length ?? 0;
      assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0,
        { uri: vscode.Uri.file(withKey), name: 'protected-with-key' }, { uri: vscode.Uri.file(withoutKey), name: 'protected-without-key' }));
      added.push('protected-with-key', 'protected-without-key');
      await waitFor('the two clones in the workspace', () => (added.every(name => vscode.workspace.workspaceFolders?.some(f => f.name === name)) ? true : undefined), 60_000);
      const notes = (await api()).notes;
      await waitFor('Robin Vale in the People view', async () => ((await labels()).some(row => row.startsWith(PERSON)) ? true : undefined), 120_000);
      await waitFor('the encrypted copy left out, with its reason', () =>
        ([...notes.skipped].some(([key, reason]) => key.includes('without-key') && key.endsWith('robin-vale/2026-02-03.md') && /encrypted/.test(reason)) ? true : undefined), 120_000);
      assert.match(await themeRow('vault-theme') ?? '', /^vault-theme \| 1 person · 1 conversation/);
      const rows = await labels();
      assert.deepEqual(rows.filter(row => /BEGIN AGE|-----|YWdl/.test(row)), []);
      const { people } = (await api()).views;
      const peopleRows = (await people.getChildren()).map(row => String(people.getTreeItem(row).label));
      assert.equal(peopleRows.filter(row => row === PERSON).length, 1, 'the encrypted copy is not a second Robin Vale');

      const editor = await vscode.window.showTextDocument(vscode.Uri.file(join(withKey, NOTE)));
      assert.equal(editor.document.getText(), TEXT);
    } finally {
      const first = vscode.workspace.workspaceFolders?.find(f => added.includes(f.name));
      if (first) vscode.workspace.updateWorkspaceFolders(first.index, vscode.workspace.workspaceFolders?.filter(f => added.includes(f.name)).length ?? 0);
      // Deleted only once the folders have left: the git extension still runs git in them until then.
      await waitFor('the clones to leave the workspace', () => (vscode.workspace.workspaceFolders?.some(f => added.includes(f.name)) ? undefined : true), 60_000)
        .catch(() => undefined);
      if (identityBefore === undefined) delete process.env.GROWTH_IDENTITY_FILE;
      else process.env.GROWTH_IDENTITY_FILE = identityBefore;
      rmSync(base, { recursive: true, force: true });
    }
  });
});
