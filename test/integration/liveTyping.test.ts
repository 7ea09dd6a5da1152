// Issue 23, item 8: during a live conversation no keystroke is lost or lands in the wrong question.
// The notes are untitled documents, so nothing is written to the workspace the other suites read.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { renderNewNote } from '../../src/core/live';
import { BUILT_IN_SCRIPT } from '../../src/core/note';
import { api, closeAllEditors, waitFor } from './helpers';

/** A quick typist: one key every 30 ms. */
const KEY_MS = 30;
/** Enough rounds for a race between the cursor move and the first keys to show (a round is about a second). */
const ROUNDS = 20;

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Types one key at a time, each handled by the editor that has the keyboard (as the keyboard does). */
async function typeSlowly(text: string): Promise<void> {
  for (const key of text) {
    await pause(KEY_MS);
    await vscode.commands.executeCommand('type', { text: key });
  }
}

/**
 * A new note, unsaved, in an editor that has the keyboard, the cursor at the very top (in the
 * frontmatter). `cramped`: question 2's heading has no line below it, so Next must make room.
 */
async function openScaffold(cramped = false): Promise<{ editor: vscode.TextEditor; text: string }> {
  const scaffold = renderNewNote({ person: 'Robin Keys', date: '2026-11-30', script: BUILT_IN_SCRIPT, guidance: 'none' });
  const text = cramped ? scaffold.replace('<!-- growth:last-six-months -->\n\n\n', '<!-- growth:last-six-months -->\n') : scaffold;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  return { editor, text };
}

async function closeScaffold(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** Each growth section's lines (blank lines at its end left out), by marker id; and what comes before the first one. */
function sectionsOf(text: string): Record<string, string[]> {
  const sections: Record<string, string[]> = { top: [] };
  let current = sections.top;
  for (const line of text.split('\n')) {
    const marker = /^## .*<!-- growth:([\w-]+) -->$/.exec(line);
    if (marker) sections[marker[1]] = current = [];
    else current.push(line);
  }
  for (const lines of Object.values(sections)) while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return sections;
}

/** The scaffold's sections with the answers written into them. */
function expectedSections(scaffold: string, answers: Record<string, string[]>): Record<string, string[]> {
  const sections = sectionsOf(scaffold);
  for (const [id, lines] of Object.entries(answers)) {
    sections[id] = [...sections[id].filter(line => !/^\d\. $/.test(line)), ...lines];
  }
  return sections;
}

describe('live conversation: no keystroke lost', () => {
  before(async () => (await api()).notes.ready);
  afterEach(closeAllEditors);

  it(`typing at ${KEY_MS} ms a key right after Next, Previous and a guide row lands every word in its question (${ROUNDS} rounds)`, async function () {
    this.timeout(ROUNDS * 15_000);
    for (let round = 1; round <= ROUNDS; round++) {
      // Every other round, question 2 has no room: the cursor lands in the same edit that makes it.
      const { editor, text } = await openScaffold(round % 2 === 1);
      // Short words, told apart by round: a key lost, or typed in the wrong place, shows in the text.
      const word = (name: string) => `${name}${round}`;
      // Every press is sent without waiting for it, as a key press is; the typing starts one key later.
      const presses: Thenable<unknown>[] = [];
      const press = (command: string, ...args: unknown[]) => presses.push(vscode.commands.executeCommand(command, ...args));
      press('growth.guide.nextQuestion'); // from the frontmatter: question 1
      await typeSlowly(word('a'));
      press('growth.guide.nextQuestion'); // question 2
      await typeSlowly(word('b'));
      press('growth.guide.nextQuestion'); // question 3: the first empty achievement
      await typeSlowly(word('c'));
      press('growth.guide.nextQuestion');
      await typeSlowly(word('d'));
      press('growth.guide.previousQuestion'); // back to question 3: the next empty achievement
      await typeSlowly(word('m'));
      for (let n = 0; n < 5; n++) press('growth.guide.nextQuestion'); // five quick presses: question 8
      await typeSlowly(word('h'));
      press('growth.guide.revealQuestion', 'checkin'); // a guide row: the end of question 1's answer
      await typeSlowly(` ${word('z')}`);
      await Promise.all(presses);
      const expected = expectedSections(text, {
        checkin: [`${word('a')} ${word('z')}`],
        'last-six-months': [word('b')],
        achievements: [`1. ${word('c')}`, `2. ${word('m')}`, '3. '],
        'current-role': [word('d')],
        'change-anything': [word('h')],
      });
      assert.deepEqual(sectionsOf(editor.document.getText()), expected, `round ${round}:\n${editor.document.getText()}`);
      await closeScaffold();
    }
  });

  it('in a note with nothing but its frontmatter, Next puts the words below it, never in it', async () => {
    const frontmatter = '---\ntype: growth-conversation\nperson: Robin Keys\ndate: 2026-11-30\n---';
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: frontmatter });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const moving = vscode.commands.executeCommand('growth.guide.nextQuestion');
    await typeSlowly('Talked about the move.');
    await moving;
    assert.equal(document.getText(), `${frontmatter}\nTalked about the move.`);
    await closeScaffold();
  });

  it('after a card button ("Set flight risk to medium", Next), the next words land in the note where the cursor was', async function () {
    this.timeout(60_000);
    const { questionGuide, currentQuestion } = await api();
    const { editor } = await openScaffold();
    await vscode.commands.executeCommand('growth.guide.revealQuestion', 'leave-reason');
    await vscode.commands.executeCommand('type', { text: 'If another company offered me a staff role.' });
    const hints = await waitFor('the flight-risk suggestion on the card', async () => {
      await questionGuide.refresh();
      const labels = currentQuestion.card?.hints.map(h => h.action?.label);
      return labels?.includes('Set flight risk to medium') ? labels : undefined;
    }, 15_000);
    // A click leaves the keyboard in the card: typed there, a key reaches no editor.
    await vscode.commands.executeCommand('growth.currentQuestion.focus');
    const before = editor.document.getText();
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.equal(editor.document.getText(), before, 'the card has the keyboard');
    await currentQuestion.handleMessage({ type: 'hint', index: hints.indexOf('Set flight risk to medium') });
    await typeSlowly(' They said it calmly.');
    const lines = editor.document.getText().split('\n');
    assert.ok(lines.includes('flightRisk: medium'), lines.slice(0, 8).join('\n'));
    assert.equal(sectionsOf(editor.document.getText())['leave-reason'].join('\n'), 'If another company offered me a staff role. They said it calmly.');
    await vscode.commands.executeCommand('growth.currentQuestion.focus');
    await currentQuestion.handleMessage({ type: 'next' });
    await typeSlowly('More budget for tooling.');
    assert.equal(sectionsOf(editor.document.getText())['change-anything'].join('\n'), 'More budget for tooling.');
    await closeScaffold();
  });
});
