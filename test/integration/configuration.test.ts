import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { BUILT_IN_SCRIPT } from '../../src/core/note';
import { api, closeAllEditors, EXTENSION_ID, noteUri, waitFor, workspaceRoot } from './helpers';

/** The team's own script: the built-in questions without the ninth, so the script visibly changes what is read. */
const TEAM_SCRIPT = {
  name: 'Team script',
  questions: BUILT_IN_SCRIPT.questions.filter(q => q.id !== 'anything-else')
    .map(q => ({ id: q.id, title: q.title, optional: q.optional, ...(q.records ? { records: q.records } : {}) })),
};

const CONFIG = {
  questionScriptPath: 'team-script.json',
  share: { privateFields: ['team', 'level'], privateSections: ['leave-reason'] },
  report: { minimumGroupSize: 3 },
};

function write(uri: vscode.Uri, text: string) {
  return vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** Runs the packaged CLI (dist/cli.js) as a process, as a terminal or CI would. */
function cli(args: string[]): { status: number | null; stderr: string } {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const result = spawnSync(process.execPath, [join(extension.extensionPath, 'dist', 'cli.js'), ...args], {
    encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr };
}

/** Waits until the editor reads the workspace with (or without) the configuration's script. */
async function rulesInForce(scriptPath: string) {
  const growth = await api();
  const folder = vscode.workspace.workspaceFolders?.[0];
  await waitFor(`the editor to read growth.config.json (script "${scriptPath}")`, () => (growth.rules.forFolder(folder).rules.questionScriptPath === scriptPath ? true : undefined), 10_000);
  await growth.notes.rebuild();
}

describe('growth.config.json: the CLI makes exactly what the editor makes', () => {
  const configUri = () => vscode.Uri.joinPath(workspaceRoot(), 'growth.config.json');
  const scriptUri = () => vscode.Uri.joinPath(workspaceRoot(), 'team-script.json');
  let out: string;

  before(async () => {
    await (await api()).notes.ready;
    out = mkdtempSync(join(tmpdir(), 'growth-parity-'));
    await write(scriptUri(), JSON.stringify(TEAM_SCRIPT, null, 2));
    await write(configUri(), JSON.stringify(CONFIG, null, 2));
    await rulesInForce('team-script.json');
  });

  after(async () => {
    await vscode.workspace.fs.delete(configUri()).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(scriptUri()).then(undefined, () => undefined);
    await rulesInForce('');
    rmSync(out, { recursive: true, force: true });
  });

  afterEach(closeAllEditors);

  it('share: the same bytes, without the private fields, the private section and the question the script does not ask', async () => {
    const note = noteUri('alex-morgan/2026-05-12.md');
    const copy = await vscode.commands.executeCommand<vscode.TextDocument>('growth.share.create', { uri: note, acceptSensitiveWords: true });
    assert.ok(copy);
    const target = join(out, 'copy.md');
    const run = cli(['share', note.fsPath, '--out', target]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(readFileSync(target, 'utf8'), copy.getText());
    // What the configuration changed, so the two are not equal by both ignoring it.
    assert.doesNotMatch(copy.getText(), /^team:|^level:|number one reason|salary band/m);
    assert.match(copy.getText(), /^manager: Dana Reyes$/m);
    // Both read the earlier note for what was agreed: the editor from its index, the CLI from the notes folder.
    assert.match(copy.getText(), /\n## What we agreed last time\n\n- Propose an on-call rota change \(@dana\): written 2025-11-10, open for 183 days\.\n/);
  });

  it('report: the same bytes, under the file\'s group size and script', async () => {
    const report = await vscode.commands.executeCommand<vscode.TextDocument>('growth.report.themes', { months: 0, includeNames: false });
    assert.ok(report);
    const target = join(out, 'report.md');
    const run = cli(['report', workspaceRoot().fsPath, '--out', target]);
    assert.equal(run.status, 0, run.stderr);
    // Both were made today: the date in the report is the same unless the test runs across midnight.
    assert.equal(readFileSync(target, 'utf8'), report.getText());
    assert.match(report.getText(), /^# Themes report/);
  });

  it('digest: the same bytes, seal included', async () => {
    const editorFile = vscode.Uri.file(join(out, 'editor-digest.json'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('growth.digest.export', { label: 'Parity', saveTo: editorFile, confirmed: true });
    assert.equal(written?.toString(), editorFile.toString());
    const target = join(out, 'cli-digest.json');
    const run = cli(['digest', workspaceRoot().fsPath, '--label', 'Parity', '--out', target]);
    assert.equal(run.status, 0, run.stderr);
    const editorText = readFileSync(editorFile.fsPath, 'utf8');
    assert.equal(readFileSync(target, 'utf8'), editorText);
    assert.equal(JSON.parse(editorText).minGroupSize, 3);
  });

  it('shows the file\'s problems in it, and refuses to make a copy until they are fixed', async () => {
    await write(configUri(), '{\n  "share": { "privateFields": ["levle"] }\n}\n');
    try {
      const growth = await api();
      await waitFor('the problem in growth.config.json', () => (growth.rules.forFolder(vscode.workspace.workspaceFolders?.[0]).problems.length > 0 ? true : undefined), 10_000);
      const shown = await waitFor('the diagnostic', () => {
        const found = vscode.languages.getDiagnostics(configUri()).filter(d => d.source === 'growth');
        return found.length > 0 ? found : undefined;
      });
      assert.deepEqual(shown.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`),
        ['2:32 config-schema share.privateFields[0] must be one of: person, date, manager, team, level, careerPath, nextConversation.']);
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('growth.share.create', { uri: noteUri('alex-morgan/2026-05-12.md'), acceptSensitiveWords: true })),
        /refused to show dialog in tests. Contents: No copy was made. growth.config.json has problems/);
      assert.equal(cli(['share', noteUri('alex-morgan/2026-05-12.md').fsPath]).status, 2);
    } finally {
      await write(configUri(), JSON.stringify(CONFIG, null, 2));
      await rulesInForce('team-script.json');
    }
  });
});
