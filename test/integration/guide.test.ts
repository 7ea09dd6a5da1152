import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GuideItem } from '../../src/vscode/guide/questionGuide';
import { api, closeAllEditors, openNote, waitFor, withSetting } from './helpers';

async function questionRows() {
  const guide = (await api()).questionGuide;
  await guide.refresh();
  return guide.getChildren().map(item => guide.getTreeItem(item)).map(item => `${item.label} | ${item.description}`);
}

describe('question guide', () => {
  before(api);
  afterEach(closeAllEditors);

  it('shows every question with its answered state and the progress', async () => {
    const editor = await openNote('priya-shah/2026-06-03.md');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const rows = await questionRows();
    assert.deepEqual(rows, [
      '1. How are you doing? How is work? | answered',
      '2. How have the last six months gone? | no section',
      '3. Which three achievements from the last 6 to 12 months are you most proud of? | answered',
      '4. How would you describe your current role? | answered',
      '5. What do you want your role to look like in six months? | answered',
      '6. What do you want your role to look like in two years, if you are still here? | no section · path: technical-specialist',
      '7. If you were to leave, what would be the number one reason? | answered · risk: low',
      '8. With unlimited money and the job of the CTO, what would you change? | answered',
      '9. What have we not talked about that we should have? | no section',
    ]);
    const guide = (await api()).questionGuide;
    assert.equal(guide.snapshot?.state.answeredCount, 6);
  });

  it('keeps the list compact and shows the current question\'s guidance and checks in full on the card', async () => {
    const editor = await openNote('sam-lee/2026-04-20.md');
    const { questionGuide: guide, currentQuestion } = await api();
    await guide.refresh();
    const leave = guide.getChildren().find(i => i.kind === 'question' && i.entry.question.id === 'leave-reason') as GuideItem;
    assert.deepEqual(guide.getChildren(leave), [], 'one row per question');
    assert.equal(guide.getTreeItem(leave).collapsibleState, vscode.TreeItemCollapsibleState.None);
    const q3 = editor.document.getText().split('\n').findIndex(l => l.includes('growth:achievements'));
    editor.selection = new vscode.Selection(q3 + 1, 0, q3 + 1, 0);
    await guide.refresh();
    assert.equal(currentQuestion.card?.position, 'Question 3 of 9');
    assert.deepEqual(currentQuestion.card?.sections.map(s => s.label), ['Why', 'Listen for', 'Capture']);
    assert.deepEqual(currentQuestion.card?.checks, ['Only 1 of 3 achievements: worth a gentle follow-up.']);
    if (leave.kind === 'question') assert.deepEqual(guide.detailsOf(leave.entry).map(i => (i.kind === 'detail' ? i.label : '')), ['Why', 'Listen for', 'Capture']);
  });

  it('follows the cursor, and Next / Previous Question move it', async () => {
    const editor = await openNote('alex-morgan/2026-05-12.md');
    const guide = (await api()).questionGuide;
    const lines = editor.document.getText().split('\n');
    const q3 = lines.findIndex(l => l.includes('<!-- growth:achievements -->'));
    editor.selection = new vscode.Selection(q3 + 1, 0, q3 + 1, 0);
    await waitFor('the current question', async () => {
      await guide.refresh();
      return guide.snapshot?.state.currentIndex === 2 ? true : undefined;
    });
    await vscode.commands.executeCommand('growth.guide.nextQuestion');
    const q4 = lines.findIndex(l => l.includes('<!-- growth:current-role -->'));
    // Question 4 already holds the review of the goals: the cursor goes to the end of it, to go on.
    assert.deepEqual(vscode.window.activeTextEditor?.selection.active, new vscode.Position(q4 + 3, lines[q4 + 3].length));
    assert.equal(editor.document.isDirty, false);
    assert.equal(guide.snapshot?.state.currentIndex, 3);
    await vscode.commands.executeCommand('growth.guide.previousQuestion');
    await vscode.commands.executeCommand('growth.guide.previousQuestion');
    const q2 = lines.findIndex(l => l.includes('<!-- growth:last-six-months -->'));
    assert.deepEqual(vscode.window.activeTextEditor?.selection.active, new vscode.Position(q2 + 1, lines[q2 + 1].length), 'at the end of the answer already there');
  });

  it('puts a deleted section back when its question is clicked', async () => {
    const editor = await openNote('sam-lee/2026-04-20.md');
    await vscode.commands.executeCommand('growth.guide.revealQuestion', 'role-6-months');
    const text = editor.document.getText();
    const heading = '## 5. What do you want your role to look like in six months? <!-- growth:role-6-months -->';
    assert.ok(text.indexOf(heading) > text.indexOf('<!-- growth:achievements -->'));
    assert.ok(text.indexOf(heading) < text.indexOf('<!-- growth:role-2-years -->'));
    assert.equal(editor.document.lineAt(editor.selection.active.line - 1).text, heading);
  });

  it('records the flight risk in the frontmatter, keeping the rest, and undo restores it', async () => {
    const editor = await openNote('priya-shah/2025-12-02.md');
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('growth.guide.setFlightRisk', 'medium'), true);
    const after = editor.document.getText();
    assert.equal(after, before.replace('flightRisk: low', 'flightRisk: medium'));
    assert.ok(editor.document.isDirty, 'edited in the buffer, not behind it on disk');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });

  it('records the career path into unsaved edits', async () => {
    const editor = await openNote('sam-lee/2026-04-20.md');
    await editor.edit(edit => edit.insert(new vscode.Position(editor.document.lineCount, 0), 'Unsaved line.\n'));
    assert.equal(await vscode.commands.executeCommand('growth.guide.setCareerPath', 'people-management'), true);
    const text = editor.document.getText();
    assert.ok(text.includes('careerPath: people-management\n'));
    assert.ok(text.endsWith('Unsaved line.\n'));
  });

  it('shows the welcome state for a Markdown file that is not a growth note', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'README.md'));
    await vscode.window.showTextDocument(document);
    const guide = (await api()).questionGuide;
    await guide.refresh();
    assert.deepEqual(guide.getChildren(), []);
    assert.equal(guide.snapshot, undefined);
  });

  it('follows the senior-leader setting in question 8', async () => {
    await openNote('priya-shah/2026-06-03.md');
    await withSetting('seniorLeaderTitle', 'VP Engineering', async () => {
      const rows = await questionRows();
      assert.equal(rows[7], '8. With unlimited money and the job of the VP Engineering, what would you change? | answered');
    });
  });
});
