// Issue 23, item 1: an edit from a view or a command lands where it was meant or not at all. Each
// command runs while keys are typed into the open note above, below and on the line it edits; the
// saved text then holds the right item ticked (or the field set), or the command said no and changed
// nothing. Never a wrong line. No assertion depends on how fast anything ran.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseDocument } from 'yaml';
import { ActionItem } from '../../src/core/workspace';
import { api, closeAllEditors, readFile, workspaceRoot } from './helpers';

const TICK_ROUNDS = 100;
const FIELD_ROUNDS = 12;

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const label = (n: number) => `Item ${String(n).padStart(3, '0')}`;

/** Types at a place in the editor that has the keyboard, as the keyboard does. */
async function typeAt(editor: vscode.TextEditor, line: number, character: number | 'end', text: string): Promise<void> {
  const at = new vscode.Position(line, character === 'end' ? editor.document.lineAt(line).text.length : character);
  editor.selection = new vscode.Selection(at, at);
  await vscode.commands.executeCommand('type', { text });
}

/** The lines of the document holding `needle`. */
function linesWith(text: string, needle: string): string[] {
  return text.split('\n').filter(line => line.includes(needle));
}

/** The frontmatter as YAML, failing the test on any YAML error (a stale edit would break it). */
function frontmatter(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  assert.ok(match, 'the frontmatter still closes');
  const parsed = parseDocument(match[1]);
  assert.deepEqual(parsed.errors.map(e => e.message), [], 'the frontmatter still parses');
  return parsed.toJS() as Record<string, unknown>;
}

describe('edits land where they were meant or not at all (issue 23, item 1)', function () {
  // Generous for a loaded machine; nothing is asserted about speed.
  this.timeout(600_000);
  const folder = () => vscode.Uri.joinPath(workspaceRoot(), 'growth-notes', 'race-test');
  before(api);
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(folder(), { recursive: true }).then(undefined, () => undefined);
  });

  it(`ticks the item it was given or refuses, while keys land above, below and on its line (${TICK_ROUNDS} rounds)`, async () => {
    const uri = vscode.Uri.joinPath(folder(), '2026-10-01.md');
    const items = Array.from({ length: TICK_ROUNDS + 1 }, (_, i) => `- [ ] ${label(i)}`).join('\n');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(
      `---\ntype: growth-conversation\nperson: Race Test\ndate: 2026-10-01\n---\n# Race Test, 2026-10-01\n\n## Next steps <!-- growth:next-steps -->\n${items}\n`));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const key = uri.toString();
    const results: boolean[] = [];
    for (let round = 0; round < TICK_ROUNDS; round++) {
      const text = editor.document.getText();
      const line = text.split('\n').findIndex(l => l.endsWith(`] ${label(round)}`));
      // The item as a view a moment behind would hold it: its words, and a line that may have moved since.
      const item: ActionItem = { text: label(round), person: 'Race Test', overdue: false, path: key, line: Math.max(0, line - (round % 3)) };
      let answered = '';
      const ticking = Promise.resolve(vscode.commands.executeCommand<boolean>('growth.actions.complete', item)).then(result => {
        answered = `answered ${result} at version ${editor.document.version}: ${JSON.stringify(linesWith(editor.document.getText(), label(round)))}`;
        return result;
      });
      // Meanwhile, one key each (a line break above, a line break below, a space at the start of the
      // item's own line): every key moves the box, and few keys keep 100 rounds short on a slow machine.
      if (round % 4 !== 3) await pause(round % 5);
      await typeAt(editor, line, 0, '\n');
      await typeAt(editor, line + 2, 0, '\n');
      await typeAt(editor, line + 1, 0, ' ');
      results.push(await ticking);
      const now = linesWith(editor.document.getText(), label(round));
      assert.equal(now.length, 1, `round ${round}: ${now.join(' / ')}`);
      // Right after the answer: ticked exactly when the command said so, and no typed line holds a box.
      assert.equal(now[0].includes('[x]'), results[round], `round ${round}: ${answered}; now ${now[0]}`);
      assert.deepEqual(editor.document.getText().split('\n').filter(l => l.includes('[x]') && !/^ ?- \[x\] Item \d{3}$/.test(l)), [], `round ${round}: a box landed where it was not meant`);
    }
    // The last item, with no typing at all: ticked.
    const last = editor.document.getText().split('\n').findIndex(l => l.endsWith(`] ${label(TICK_ROUNDS)}`));
    assert.equal(await vscode.commands.executeCommand('growth.actions.complete',
      { text: label(TICK_ROUNDS), person: 'Race Test', overdue: false, path: key, line: last } satisfies ActionItem), true);
    results.push(true);
    assert.equal(await editor.document.save(), true);

    const saved = await readFile(uri);
    assert.equal(saved, editor.document.getText().replace(/\r\n/g, '\n'));
    for (const [round, ticked] of results.entries()) {
      // Every item typed around got its space; the last was left alone.
      const indent = round < TICK_ROUNDS ? ' ' : '';
      assert.deepEqual(linesWith(saved, label(round)), [`${indent}- [${ticked ? 'x' : ' '}] ${label(round)}`], `round ${round}: ${ticked ? 'ticked' : 'refused'}`);
    }
    // Every other line is a blank line typed between the items: each key landed, and nothing else.
    const body = saved.slice(saved.indexOf('<!-- growth:next-steps -->\n') + '<!-- growth:next-steps -->\n'.length).split('\n');
    assert.deepEqual(body.filter(l => l !== '' && !/^ ?- \[[ x]\] Item \d{3}$/.test(l)), [], 'no line but the items and the typed line breaks');
    assert.equal(body.filter(l => l === '').length, 2 * TICK_ROUNDS + 1, 'every line break typed is there (and the file\'s last)');
    assert.equal(saved.split('[x]').length - 1, results.filter(Boolean).length, 'no other box was ticked');
    console.log(`      ticked ${results.filter(Boolean).length - 1} of ${TICK_ROUNDS} while typing; the others refused`);
  });

  /** A frontmatter field set by a command while keys land on the lines around it and on its own line. */
  async function raceFrontmatter(field: string, values: readonly string[], run: (value: string, uri: vscode.Uri) => Thenable<boolean | undefined>) {
    const uri = vscode.Uri.joinPath(folder(), `2026-10-0${2 + ['careerPath', 'flightRisk', 'sharedOn', 'hint'].indexOf(field)}.md`);
    const key = field === 'hint' ? 'flightRisk' : field;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(
      `---\ntype: growth-conversation\nperson: Race Test\ndate: 2026-10-01\n${key}: ${values[0]}\nteam: Platform\n---\n# Race Test\n\n## 1. How are you? <!-- growth:checkin -->\nFine.\n`));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    let expected = values[0];
    let refused = 0;
    for (let round = 1; round <= FIELD_ROUNDS; round++) {
      const value = values[round % values.length];
      const line = editor.document.getText().split('\n').findIndex(l => l.startsWith(`${key}:`));
      const setting = Promise.resolve(run(value, uri));
      if (round % 3 !== 0) await pause(round % 4);
      // A YAML comment above, one below, and one at the end of the field's own line.
      await typeAt(editor, line, 0, `# above ${round}.\n`);
      await typeAt(editor, line + 2, 0, `# below ${round}.\n`);
      await typeAt(editor, line + 1, 'end', ` # on ${round}.`);
      const applied = await setting;
      if (applied) expected = value;
      else refused++;
      const data = frontmatter(editor.document.getText());
      assert.equal(String(data[key]), expected, `round ${round}: ${applied ? 'set' : 'refused'}`);
      assert.equal(data.team, 'Platform', `round ${round}: the next field is untouched`);
    }
    assert.equal(await editor.document.save(), true);
    const saved = await readFile(uri);
    assert.equal(String(frontmatter(saved)[key]), expected);
    for (let round = 1; round <= FIELD_ROUNDS; round++) {
      for (const where of ['above', 'below', 'on']) assert.equal(linesWith(saved, `# ${where} ${round}.`).length, 1, `${field}, round ${round}: the keys ${where} are whole`);
    }
    console.log(`      ${field}: ${FIELD_ROUNDS - refused} of ${FIELD_ROUNDS} set while typing; the others refused`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  }

  it(`sets the career path or refuses, never on a wrong line (${FIELD_ROUNDS} rounds)`, async () => {
    await raceFrontmatter('careerPath', ['undecided', 'architect-consultant', 'people-management'],
      value => vscode.commands.executeCommand<boolean>('growth.guide.setCareerPath', value));
  });

  it(`sets the flight risk or refuses, never on a wrong line (${FIELD_ROUNDS} rounds)`, async () => {
    await raceFrontmatter('flightRisk', ['low', 'medium', 'high'], value => vscode.commands.executeCommand<boolean>('growth.guide.setFlightRisk', value));
  });

  it(`applies a hint's suggestion or refuses, never on a wrong line (${FIELD_ROUNDS} rounds)`, async () => {
    await raceFrontmatter('hint', ['not-assessed', 'medium', 'high'],
      value => vscode.commands.executeCommand<boolean>('growth.guide.applyHint', { kind: 'setFlightRisk', value }));
  });

  it(`marks the note shared or refuses, never on a wrong line (${FIELD_ROUNDS} rounds)`, async () => {
    await raceFrontmatter('sharedOn', ['2026-10-01', '2026-10-02', '2026-10-03'],
      (value, uri) => vscode.commands.executeCommand<boolean>('growth.share.markShared', uri, value));
  });
});
