// Issue 23, audit of its examples: a pipe named like a note, made in the notes folder while VS Code
// runs, is named and left out, never opened (opening a pipe waits for a writer forever), and notes
// written after it are still indexed, by the watcher and by a full listing.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, waitFor, workspaceRoot } from './helpers';

describe('a pipe named like a note while VS Code runs (issue 23 audit)', function () {
  // Generous for a loaded machine; nothing is asserted about speed.
  this.timeout(180_000);
  const folder = () => join(workspaceRoot().fsPath, 'growth-notes', 'pipe-test');
  before(async () => (await api()).notes.ready);
  after(() => rmSync(folder(), { recursive: true, force: true }));

  it('is left out with its reason, and the notes written after it are indexed', async () => {
    const { notes } = await api();
    mkdirSync(folder(), { recursive: true });
    execFileSync('mkfifo', [join(folder(), 'stuck.md')]);
    const pipeKey = vscode.Uri.file(join(folder(), 'stuck.md')).toString();
    const noteKey = (day: string) => vscode.Uri.file(join(folder(), `${day}.md`)).toString();
    const write = (day: string) => writeFileSync(join(folder(), `${day}.md`),
      `---\ntype: growth-conversation\nperson: Pipe Test\ndate: ${day}\n---\n## 1. How are you? <!-- growth:checkin -->\nFine. #pipes\n`);

    write('2026-09-01');
    await waitFor('the note after the pipe', () => notes.index.get(noteKey('2026-09-01')), 60_000);
    const reason = await waitFor('the pipe left out with its reason', () => notes.skipped.get(pipeKey), 60_000);
    assert.match(reason, /not a regular file/);

    // A full listing (as after a branch switch) walks past the pipe too.
    write('2026-09-02');
    await notes.rebuild();
    assert.ok(notes.index.get(noteKey('2026-09-01')) && notes.index.get(noteKey('2026-09-02')), 'both notes are in the index after a full listing');
    assert.match(notes.skipped.get(pipeKey) ?? '', /not a regular file/);
    assert.equal(notes.index.get(pipeKey), undefined);
  });
});
