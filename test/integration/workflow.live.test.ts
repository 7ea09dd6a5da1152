// A live conversation, as a manager has it (issue 17): runs after the other suites, since it adds notes.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { LiveHint } from '../../src/core/live';
import type { ActionTreeItem } from '../../src/vscode/actions/actionItemsView';
import type { KnownPerson } from '../../src/vscode/people/personPicker';
import { cardHtml } from '../../src/vscode/guide/currentQuestionView';
import { personPickItems } from '../../src/vscode/people/personPicker';
import type { PersonTreeItem } from '../../src/vscode/people/peopleView';
import type { ThemeItem } from '../../src/vscode/themes/themesView';
import { api, closeAllEditors, EXTENSION_ID, exists, growthLogText, noteUri, openNote, readFile, waitFor, withSetting, workspaceRoot } from './helpers';

const DAY = '2026-11-30';

/** Runs a command as a button would; any picker or message it opens is closed, as a user pressing Escape. */
async function runDismissing(command: string, ...args: unknown[]): Promise<unknown> {
  let failure: unknown;
  const running = Promise.resolve(vscode.commands.executeCommand(command, ...args)).catch(error => {
    failure = error;
    return undefined;
  });
  const settled = await Promise.race([running.then(() => true), new Promise(resolve => setTimeout(() => resolve(false), 1200))]);
  if (!settled) {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('notifications.clearAll');
  }
  const result = await running;
  assert.equal(failure, undefined, `${command} threw: ${String(failure)}`);
  return result;
}

async function cursorLine(): Promise<number> {
  return vscode.window.activeTextEditor?.selection.active.line ?? -1;
}

describe('live conversation: the people picker', () => {
  before(async () => (await api()).notes.ready);
  afterEach(closeAllEditors);

  it('orders the rows so Enter on a partial name picks the existing person, "New person" last', async () => {
    const people: KnownPerson[] = ['Alex Morgan', 'Chloé Martin'].map(person => ({ person, lastDate: '2026-05-12', lastNote: noteUri('x.md'), slug: 'x' }));
    assert.deepEqual(personPickItems('alex', people).map(i => `${i.label} ${i.description ?? ''}`.trim()), ['Alex Morgan', '$(add) New person "alex"']);
    assert.deepEqual(personPickItems('chloe', people).map(i => i.label), ['Chloé Martin', '$(add) New person']);
    assert.deepEqual(personPickItems('', people).map(i => i.label), ['Alex Morgan', 'Chloé Martin']);
  });

  it('a partial name, or the same name in other case and spacing, is the existing person', async () => {
    const partial = await vscode.commands.executeCommand<vscode.Uri>('growth.conversation.new', { typed: 'alex', date: DAY });
    assert.equal(partial?.toString(), noteUri(`alex-morgan/${DAY}.md`).toString());
    assert.ok((await readFile(partial)).includes('person: Alex Morgan\n'));
    const spaced = await vscode.commands.executeCommand<vscode.Uri>('growth.conversation.new', { typed: '  PRIYA   shah ', date: DAY });
    assert.equal(spaced?.toString(), noteUri(`priya-shah/${DAY}.md`).toString());
    assert.equal(await exists(noteUri(`alex/${DAY}.md`)), false, 'no second Alex');
  });

  it('a name close to someone\'s asks first: "Use Alex Morgan" or a new person', async () => {
    const kept = await vscode.commands.executeCommand<vscode.Uri>('growth.conversation.new', { typed: 'Sam Leigh', date: DAY, confirmNewPerson: false });
    assert.equal(kept?.toString(), noteUri(`sam-lee/${DAY}.md`).toString());
    const added = await vscode.commands.executeCommand<vscode.Uri>('growth.conversation.new', { typed: 'Jordan Kimm', date: DAY, confirmNewPerson: true });
    assert.equal(added?.toString(), noteUri(`jordan-kimm/${DAY}.md`).toString());
  });
});

describe('live conversation: the note and the guide', () => {
  before(async () => (await api()).notes.ready);
  afterEach(closeAllEditors);

  it('carries items with the date they were first written, and manager, team and level from the last note', async () => {
    const text = await readFile(noteUri(`alex-morgan/${DAY}.md`));
    assert.ok(text.includes('manager: Dana Reyes\nteam: Platform\nlevel: senior\n'), text.slice(0, 300));
    assert.ok(text.includes('- [ ] Propose an on-call rota change @dana due:2025-12-15 <!-- from: 2025-11-10 -->'), 'first written in November 2025');
  });

  it('guidance comments follow the setting; without them the note is only questions and answers', async () => {
    const plain = await readFile(noteUri(`priya-shah/${DAY}.md`));
    assert.ok(!plain.includes('<!-- Opens the conversation'), 'none by default');
    assert.ok(plain.includes('<!-- growth:checkin -->\n\n\n## 2.'), 'a fresh answer line and a blank line before the next heading');
    await withSetting('scaffold.guidance', 'comments', async () => {
      const created = await vscode.commands.executeCommand<vscode.Uri>('growth.conversation.new', { person: 'Kai Sato', date: DAY });
      assert.ok(created);
      const text = await readFile(created);
      assert.ok(text.includes('<!-- growth:checkin -->\n<!-- Opens the conversation'), text.slice(0, 500));
      assert.equal(vscode.window.activeTextEditor?.document.lineAt((await cursorLine()) - 1).text.startsWith('<!-- Opens'), true, 'below the comment');
    });
  });

  it('the Current Question card follows the cursor; Next goes on to Next steps and Private notes, on fresh lines', async function () {
    this.timeout(40000);
    const { currentQuestion, questionGuide } = await api();
    const editor = await openNote(`priya-shah/${DAY}.md`);
    const lines = () => editor.document.getText().split('\n');
    const q1 = lines().findIndex(l => l.includes('growth:checkin'));
    editor.selection = new vscode.Selection(q1 + 1, 0, q1 + 1, 0);
    await waitFor('question 1 on the card', async () => (await questionGuide.refresh(), currentQuestion.card?.title.startsWith('How are you doing') ? true : undefined));
    assert.equal(currentQuestion.card?.position, 'Question 1 of 9');
    assert.deepEqual(currentQuestion.card?.sections.map(s => s.label), ['Why', 'Listen for', 'Capture']);
    for (let n = 2; n <= 9; n++) {
      await vscode.commands.executeCommand('growth.guide.nextQuestion');
      assert.equal(currentQuestion.card?.position, `Question ${n} of 9`);
    }
    await vscode.commands.executeCommand('growth.guide.revealQuestion', 'anything-else');
    await vscode.commands.executeCommand('growth.guide.nextQuestion');
    assert.equal(currentQuestion.card?.title, 'Next steps');
    const nextSteps = lines().findIndex(l => l.includes('growth:next-steps'));
    assert.ok((await cursorLine()) > nextSteps);
    assert.equal(lines()[await cursorLine()], '');
    await vscode.commands.executeCommand('growth.guide.nextQuestion');
    assert.equal(currentQuestion.card?.title, 'Private notes');
    await vscode.commands.executeCommand('growth.guide.nextQuestion');
    assert.equal(currentQuestion.card?.title, 'Private notes', 'the last stop stays put');
    await vscode.commands.executeCommand('growth.guide.previousQuestion');
    assert.equal(currentQuestion.card?.title, 'Next steps');
    assert.equal(editor.document.isDirty, false, 'a fresh scaffold needs no edit to land well');
  });

  it('in question 4 the cursor lands below the carried goals, a blank line kept before question 5', async () => {
    const editor = await openNote('alex-morgan/2026-11-20.md');
    const lines = editor.document.getText().split('\n');
    const q4 = lines.findIndex(l => l.includes('growth:current-role'));
    assert.deepEqual(lines.slice(q4 + 1, q4 + 6), [
      '- [ ] Lead the architecture guild <!-- from: 2026-05-12 -->',
      '- [ ] Present tracing at the engineering all-hands <!-- from: 2026-05-12 -->',
      '', '', '## 5. What do you want your role to look like in six months? <!-- growth:role-6-months -->',
    ]);
    await vscode.commands.executeCommand('growth.guide.revealQuestion', 'current-role');
    assert.equal(await cursorLine(), q4 + 3);
    assert.equal(editor.document.isDirty, false);
  });

  it('Next and Previous work with focus in the guide: the keybinding says so, and the commands take a row', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON;
    for (const binding of pkg.contributes.keybindings) {
      assert.match(binding.when, /focusedView == growth\.guide/);
      assert.match(binding.when, /focusedView == growth\.currentQuestion/);
    }
    const editor = await openNote(`priya-shah/${DAY}.md`);
    const guide = (await api()).questionGuide;
    await guide.refresh();
    const row = guide.getChildren()[0];
    await vscode.commands.executeCommand('growth.guide.revealQuestion', 'checkin');
    await vscode.commands.executeCommand('growth.guide.nextQuestion', row);
    assert.equal(guide.snapshot?.stop, 'last-six-months');
    await vscode.commands.executeCommand('growth.guide.previousQuestion', row);
    assert.equal(guide.snapshot?.stop, 'checkin');
    assert.equal(vscode.window.activeTextEditor?.document, editor.document);
  });

  it('hints: a flight risk suggested from the answer is set only by its click; "you spoke N weeks ago"; pay last time', async function () {
    this.timeout(30000);
    const { questionGuide, currentQuestion } = await api();
    const editor = await openNote(`priya-shah/${DAY}.md`);
    await vscode.commands.executeCommand('growth.guide.revealQuestion', 'leave-reason');
    await editor.edit(edit => edit.insert(editor.selection.active, 'If another company offered me a staff role.'));
    const hint = await waitFor('the flight-risk hint', async () => {
      await questionGuide.refresh();
      return questionGuide.snapshot?.hints.find((h: LiveHint) => h.id === 'flight-risk');
    });
    assert.equal(hint.text, 'The answer reads as medium flight risk (the reason is another job or offer).');
    assert.ok(editor.document.getText().includes('flightRisk: not-assessed'), 'never set silently');
    assert.deepEqual(currentQuestion.card?.hints.map(h => h.action?.label), ['Set flight risk to medium']);
    assert.equal(await vscode.commands.executeCommand('growth.guide.applyHint', hint.action?.run), true);
    assert.ok(editor.document.getText().includes('flightRisk: medium\n'));
    const pay = questionGuide.snapshot?.hints.find(h => h.id === 'pay-last-time');
    assert.equal(pay, undefined, 'nothing about pay in Priya\'s last note');
  });

  it('hints: "you spoke N weeks ago" and pay or promotion last time, for a conversation soon after the last one', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri>('growth.conversation.new', { person: 'Alex Morgan', date: '2026-06-20', whenExists: 'createAnother' });
    assert.ok(created);
    const { questionGuide } = await api();
    await questionGuide.refresh();
    const hints = questionGuide.snapshot?.hints ?? [];
    const recent = hints.find(h => h.id === 'recent-conversation');
    assert.equal(recent?.text, 'You spoke 6 weeks ago (2026-05-12): you may skip this question.');
    assert.equal(hints.find(h => h.id === 'pay-last-time')?.text, 'Pay or promotion came up last time (2026-05-12): be ready for it.');
    assert.equal(await vscode.commands.executeCommand('growth.guide.applyHint', recent?.action?.run), true);
    const text = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.ok(text.includes('<!-- growth:last-six-months -->\nSkipped: we spoke 6 weeks ago.\n\n## 3.'), text.slice(300, 700));
  });

  it('hints: a career path with no achievement that points to it', async () => {
    const editor = await openNote('sam-lee/2026-04-20.md');
    const { questionGuide } = await api();
    assert.equal(await vscode.commands.executeCommand('growth.guide.setCareerPath', 'product-strategy'), true);
    await questionGuide.refresh();
    const hint = questionGuide.snapshot?.hints.find(h => h.id === 'path-without-achievement');
    assert.equal(hint?.text, 'The path is product and strategy, and none of the achievements points that way: worth talking about.');
    assert.ok(editor.document.isDirty);
  });
});

describe('live conversation: the card\'s page', () => {
  it('allows only its own nonce-marked script and style, loads nothing remote, and escapes what a note says', () => {
    const html = cardHtml({ position: 'Question 1 of 9', title: '<img src=x onerror=alert(1)>', optional: false, sections: [{ label: 'Why', text: 'a & b' }], checks: [], hints: [] }, 'n0nce');
    assert.match(html, /content="default-src 'none'; style-src 'nonce-n0nce'; script-src 'nonce-n0nce';"/);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes('a &amp; b'));
    assert.doesNotMatch(html, /https?:|<img|<link|@import/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(html.includes('<script nonce="n0nce">'));
    assert.match(html, /<button data-go="next"/, 'real buttons: reachable with Tab');
  });
});

describe('live conversation: every view command with and without a selected row', () => {
  before(async () => (await api()).notes.ready);
  afterEach(async () => {
    await vscode.commands.executeCommand('growth.themes.clearFilters');
    await closeAllEditors();
  });

  it('Themes title buttons ignore the selected row they are given and keep the filters clean', async () => {
    const { themes } = (await api()).views;
    const [row] = await themes.getChildren() as ThemeItem[];
    for (const command of ['growth.themes.filterPeriod', 'growth.themes.filterTeam', 'growth.themes.filterQuestion', 'growth.themes.filterManager']) {
      for (const args of [[row], []]) {
        await runDismissing(command, ...args);
        assert.deepEqual(themes.filters, {}, `${command} with ${args.length ? 'a row' : 'nothing'}`);
      }
    }
    await runDismissing('growth.themes.clearFilters', row);
    assert.ok((await themes.getChildren()).length > 0, 'the tree still builds');
    const report = await runDismissing('growth.report.themes', row);
    assert.equal(report === undefined || typeof report === 'object', true);
  });

  it('Action Items: grouping from the title with a row, ticking with no row uses nothing silently', async () => {
    const { actions } = (await api()).views;
    const [group] = await actions.getChildren() as ActionTreeItem[];
    await runDismissing('growth.actions.groupByOwner', group);
    assert.ok((await actions.getChildren()).every(g => String(actions.getTreeItem(g).label).startsWith('@') || actions.getTreeItem(g).label === '(no owner)'));
    await runDismissing('growth.actions.groupByPerson', group);
    assert.equal(await runDismissing('growth.actions.complete'), false, 'no row, no tick');
    assert.equal(await runDismissing('growth.actions.complete', group), false, 'a group row is not an item');
  });

  it('People: New conversation and Prepare, from a row and with none', async () => {
    const { people } = (await api()).views;
    // Someone spoken to today reads "today", not "0 days ago".
    const todays = await vscode.commands.executeCommand<vscode.Uri>('growth.conversation.new', { person: 'Noor Haddad' });
    assert.ok(todays);
    const rows = await waitFor('today\'s conversation in People', async () => {
      const all = await people.getChildren() as PersonTreeItem[];
      return all.some(r => r.kind === 'person' && r.person.person === 'Noor Haddad') ? all : undefined;
    }, 15000);
    const alex = rows.find(r => r.kind === 'person' && r.person.person === 'Alex Morgan');
    assert.ok(alex);
    const brief = await runDismissing('growth.people.prepare', alex) as vscode.Uri;
    assert.equal(brief?.scheme, 'growth-brief');
    assert.equal(await runDismissing('growth.people.prepare'), undefined, 'no row: a pick, dismissed');
    assert.equal(await runDismissing('growth.people.newConversation'), undefined, 'no row: the picker, dismissed');
    assert.equal(await runDismissing('growth.conversation.new', alex), undefined, 'the title button with a row: the picker, dismissed');
    const days = rows.map(r => people.getTreeItem(r).description).join(' | ');
    assert.match(days, /(^| )today( |$)/, days);
    assert.doesNotMatch(days, /\b0 days ago/);
  });

  it('Guide title buttons with a question row: set path and risk, new conversation, commit', async () => {
    const logBefore = (await growthLogText()).length;
    await openNote('sam-lee/2026-04-20.md');
    const guide = (await api()).questionGuide;
    await guide.refresh();
    const row = guide.getChildren()[6];
    assert.equal(await runDismissing('growth.guide.setFlightRisk', row), false);
    assert.equal(await runDismissing('growth.guide.setCareerPath', row), false);
    assert.equal(await runDismissing('growth.conversation.new', row), undefined);
    const committed = await runDismissing('growth.notes.commit', row);
    assert.ok(committed === undefined || (typeof committed === 'string' && committed.startsWith('Growth notes: ')), String(committed));
    assert.ok(!(await growthLogText()).slice(logBefore).includes('failed:'), 'nothing failed');
  });
});

describe('live conversation: Prepare, git and the small items', () => {
  before(async () => (await api()).notes.ready);
  afterEach(closeAllEditors);

  it('Prepare opens a read-only brief, from the palette argument and from a new note\'s first line', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('growth.people.prepare', 'alex morgan');
    const document = vscode.window.activeTextEditor?.document;
    assert.equal(document?.uri.toString(), uri?.toString());
    const text = document?.getText() ?? '';
    assert.ok(text.startsWith('# Prepare: Alex Morgan\n'), text.slice(0, 100));
    for (const heading of ['## Six-month goals from last time', '## Open actions, oldest first', '## Career path and flight risk', '## Themes they raised']) assert.ok(text.includes(heading), heading);
    assert.ok(text.indexOf(': written 2025-11-10') < text.indexOf(': written 2026-05-12'), 'oldest first');
    assert.equal(document?.languageId, 'markdown');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', noteUri(`jordan-kimm/${DAY}.md`));
    assert.deepEqual(lenses.filter(l => l.command?.command === 'growth.people.prepare').map(l => [l.range.start.line, l.command?.title, l.command?.arguments]), [[0, 'Prepare: brief on Jordan Kimm', ['Jordan Kimm']]]);
  });

  it('commits a .gitignore it wrote together with the notes', function () {
    const root = workspaceRoot().fsPath;
    const tracked = execFileSync('git', ['-C', root, 'ls-files', '.gitignore'], { encoding: 'utf8' }).trim();
    assert.equal(tracked, '.gitignore');
  });

  it('the action snippet leaves the due date to type, Markdown settings are left as VS Code has them, the walkthrough ticks on actions', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON;
    const snippets = JSON.parse(await readFile(vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'snippets/growth.code-snippets')));
    assert.deepEqual(snippets['Growth: action item'].body, ['- [ ] ${1:what} @${2:owner} due:${3:YYYY-MM-DD}']);
    // The extension changes no setting of Markdown (issue 25): its key completions rank first by their sort text instead.
    const snippetOrder = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).inspect('snippetSuggestions');
    assert.deepEqual([snippetOrder?.defaultLanguageValue, snippetOrder?.defaultValue], [undefined, 'inline']);
    const events: string[] = pkg.contributes.walkthroughs[0].steps.flatMap((s: { completionEvents: string[] }) => s.completionEvents);
    assert.deepEqual(events.filter(e => e.startsWith('onView:')), []);
  });
});
