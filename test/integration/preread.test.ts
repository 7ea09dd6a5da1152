import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { analyzeNote, BUILT_IN_SCRIPT, theirWordsIn } from '../../src/core/note';
import type { ImportPrereadResult } from '../../src/vscode/preread/importPrereadCommand';
import type { SendPrereadResult } from '../../src/vscode/preread/sendPrereadCommand';
import { api, closeAllEditors, exists, noteUri, readFile, waitFor } from './helpers';

const NOTE = 'priya-shah/2026-06-03.md';
/** Outside the workspace: returned files are not notes, and nothing here should reach the index. */
const scratch = mkdtempSync(join(tmpdir(), 'growth-preread-'));

function scratchUri(name: string): vscode.Uri {
  return vscode.Uri.file(join(scratch, name));
}

async function sendPreread(name: string): Promise<string> {
  const result = await vscode.commands.executeCommand<SendPrereadResult>('growth.preread.send', { person: 'Priya Shah', saveTo: scratchUri(name) });
  assert.ok(result, 'the pre-read was saved');
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(result.saved));
}

/** The pre-read with answers typed under the questions given by id, as the person would. */
function answered(sent: string, answers: Record<string, string>): string {
  let out = sent;
  for (const [id, answer] of Object.entries(answers)) {
    const heading = out.split('\n').find(line => line.includes(`<!-- growth:${id} -->`));
    assert.ok(heading, id);
    out = out.replace(`${heading}\n`, `${heading}\n\n${answer}\n`);
  }
  return out;
}

/** Imports `bytes` into the note, checks that every character already there is still there in order, and reverts the note. */
async function importInto(bytes: Uint8Array, name: string, check: (result: ImportPrereadResult, after: string) => void | Promise<void>): Promise<void> {
  const file = scratchUri(name);
  await vscode.workspace.fs.writeFile(file, bytes);
  const document = await vscode.workspace.openTextDocument(noteUri(NOTE));
  await vscode.window.showTextDocument(document);
  const before = document.getText();
  const onDisk = await readFile(noteUri(NOTE));
  try {
    const result = await vscode.commands.executeCommand<ImportPrereadResult>('growth.preread.import', { file, note: document.uri });
    assert.ok(result, 'the import ran');
    const after = document.getText();
    assertSubsequence(before, after);
    await check(result, after);
    assert.equal(await readFile(noteUri(NOTE)), onDisk, 'the edit is in the editor, unsaved: the file is as it was');
  } finally {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}

function theirWords(after: string): Record<string, string> {
  return Object.fromEntries([...theirWordsIn(analyzeNote(after, BUILT_IN_SCRIPT))].map(([id, words]) => [id, words.text]));
}

/** Every character of `before`, in order, is in `after`: nothing already typed was changed or removed. */
function assertSubsequence(before: string, after: string) {
  let at = 0;
  for (const c of after) if (at < before.length && c === before[at]) at++;
  assert.equal(at, before.length, `the note's text stops being found at ${at}: ${JSON.stringify(before.slice(at, at + 40))}`);
}

const ANSWERS = {
  checkin: 'Busy but fine. The on-call weeks are heavy. #on-call',
  achievements: '- Shipped the ledger design\n- Mentored two new joiners',
  'leave-reason': 'Nothing right now.',
  'change-anything': 'Fewer meetings on Mondays.',
};

describe('person pre-read: send and import', function () {
  // Each test saves and imports several files: a loaded machine gets room, no test measures speed.
  this.timeout(120_000);
  before(api);
  afterEach(closeAllEditors);

  it('saves a pre-read with the questions, last time\'s goals and the open actions, and nothing manager-only', async () => {
    const sent = await sendPreread('pre-read.md');
    for (const [i, q] of BUILT_IN_SCRIPT.questions.entries()) assert.ok(sent.includes(`## ${i + 1}. `) && sent.includes(`<!-- growth:${q.id} -->`), q.id);
    assert.ok(sent.includes('- Design the next ledger service'));
    assert.ok(sent.includes('- Ask the platform team about build caching (@priya, due 2026-07-01)'));
    assert.ok(sent.includes('What happens to your answers'));
    for (const secret of ['flightRisk', 'technical-specialist', 'hard technical problems']) assert.ok(!sent.includes(secret), secret);
    const page = await vscode.commands.executeCommand<SendPrereadResult>('growth.preread.send', { person: 'Priya Shah', saveTo: scratchUri('pre-read.html') });
    assert.ok(page);
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(page.saved));
    assert.ok(html.startsWith('<!doctype html>') && html.includes('Design the next ledger service') && !html.includes('<!--'));
  });

  it('never replaces a file without asking', async () => {
    const target = scratchUri('already-there.md');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('mine'));
    // The test host refuses modal dialogs: the question was asked, and nothing was written.
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('growth.preread.send', { person: 'Priya Shah', saveTo: target })), /refused to show dialog in tests/);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), 'mine');
    assert.ok(!(await exists(vscode.Uri.joinPath(target, '..', 'already-there-2.md'))));
  });

  it('imports answers under reworded, reordered headings, above the manager\'s notes, changing nothing already there', async () => {
    const returned = [
      '# Priya\'s answers', '',
      '## What I would change', '', ANSWERS['change-anything'], '',
      '### Q1 how I am', '', ANSWERS.checkin, '',
      '**My proudest achievements**', '', ANSWERS.achievements, '',
      '## A reason I might leave', '', ANSWERS['leave-reason'], '',
      '## About the coffee machine', '', 'It is broken.', '',
    ].join('\n');
    await importInto(new TextEncoder().encode(returned), 'reworded.md', (result, after) => {
      assert.equal(result.inserted, 4);
      assert.deepEqual(result.notes, ['Could not place "About the coffee machine" (line 20 of the file): no question matches it.']);
      assert.deepEqual(theirWords(after), {
        checkin: 'Busy but fine. The on-call weeks are heavy. #on-call',
        achievements: 'Shipped the ledger design\nMentored two new joiners',
        'leave-reason': 'Nothing right now.',
        'change-anything': 'Fewer meetings on Mondays.',
      });
      assert.ok(after.includes('<!-- growth:checkin -->\n<!-- growth:their-words -->\n> Busy but fine. The on-call weeks are heavy. \\#on-call\n\nGood. The new joiners'));
    });
  });

  it('imports a pre-read pasted into a mail, every line quoted with ">"', async () => {
    const sent = await sendPreread('for-mail.md');
    const quoted = answered(sent, ANSWERS).split('\n').map(line => (line ? `> ${line}` : '>')).join('\n');
    const mail = `Hi Dana,\n\nhere are my answers.\n\nOn Monday, Dana Reyes wrote:\n${quoted}\n`;
    await importInto(new TextEncoder().encode(mail), 'mail.txt', (result, after) => {
      assert.equal(result.inserted, 4);
      assert.deepEqual(result.notes, []);
      assert.deepEqual(Object.keys(theirWords(after)), ['checkin', 'achievements', 'leave-reason', 'change-anything']);
    });
  });

  it('imports a pre-read saved as UTF-16 with a byte-order mark, and one saved as Windows-1252', async () => {
    const sent = await sendPreread('encodings.md');
    const text = answered(sent, { checkin: 'Très bien, “busy” — as always.', 'change-anything': 'Café in the office.' }).replace(/\n/g, '\r\n');
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map(c => c.charCodeAt(0))).buffer)]);
    await importInto(utf16, 'utf16.md', (result, after) => {
      assert.equal(result.encoding, 'utf-16le');
      assert.equal(theirWords(after).checkin, 'Très bien, “busy” — as always.');
    });
    const cp1252Bytes: Record<string, number> = { '“': 0x93, '”': 0x94, '—': 0x97 };
    const cp1252 = new Uint8Array([...text].map(c => cp1252Bytes[c] ?? c.charCodeAt(0)));
    await importInto(cp1252, 'cp1252.md', (result, after) => {
      assert.equal(result.encoding, 'windows-1252');
      assert.deepEqual(theirWords(after), { checkin: 'Très bien, “busy” — as always.', 'change-anything': 'Café in the office.' });
    });
  });

  it('imports a pre-read with half the answers left empty, and says which questions the note has no place for', async () => {
    const sent = await sendPreread('half.md');
    const returned = answered(sent, { checkin: 'Fine.', 'last-six-months': 'Good months.', 'role-6-months': 'Lead the ledger work.', 'anything-else': 'Pay.' });
    await importInto(new TextEncoder().encode(returned), 'half.md', (result, after) => {
      assert.equal(result.found, 4);
      assert.equal(result.inserted, 2);
      assert.deepEqual(result.notes, [
        'The note has no section for "How have the last six months gone?": its answer was not placed.',
        'The note has no section for "What have we not talked about that we should have?": its answer was not placed.',
      ]);
      assert.deepEqual(theirWords(after), { checkin: 'Fine.', 'role-6-months': 'Lead the ledger work.' });
    });
  });

  it('shows their answer on the Current Question card, and adds nothing twice', async () => {
    const sent = await sendPreread('card.md');
    const bytes = new TextEncoder().encode(answered(sent, ANSWERS));
    await importInto(bytes, 'card-returned.md', async (result, after) => {
      assert.equal(result.inserted, 4);
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      const line = after.split('\n').findIndex(l => l.startsWith('Good. The new joiners'));
      editor.selection = new vscode.Selection(line, 0, line, 0);
      const { questionGuide, currentQuestion } = await api();
      const card = await waitFor('their words on the card', async () => {
        await questionGuide.refresh();
        return currentQuestion.card?.theirWords ? currentQuestion.card : undefined;
      }, 10000);
      assert.equal(card.title, 'How are you doing? How is work?');
      assert.equal(card.theirWords, 'Busy but fine. The on-call weeks are heavy. #on-call');
      const again = await vscode.commands.executeCommand<ImportPrereadResult>('growth.preread.import', { file: scratchUri('card-returned.md'), note: editor.document.uri });
      assert.equal(again?.inserted, 0);
      assert.equal(editor.document.getText(), after);
    });
  });
});
