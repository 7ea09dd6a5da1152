// The person's side, the whole loop in the packaged extension's UI (code-server + headless Chromium):
// send a pre-read, the person fills it in (rewording and reordering as people do), import it into a new
// conversation, see their words in the Current Question card, and share the copy with "What we agreed
// last time". Screenshots at the default window size: test-output/screenshots/person-*.png (the docs'
// pictures come from them through `npm run readme-images`). Nothing here depends on today's date: the
// files written today are found by listing the folders.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workbenchSession } from './workbenchSession.mjs';
import { workbenchUi } from './workbenchUi.mjs';

const session = workbenchSession();
const { screenshot } = session;
let page;
let workspace;
const { runCommand, showGrowthContainer, card, guideRow } = workbenchUi(() => page);

/** Waits (polling the disk, never a fixed sleep) until `find` returns something, or fails after `timeout` ms. */
async function eventually(find, what, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Still waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

function filesIn(folder, pattern) {
  return existsSync(folder) ? readdirSync(folder).filter(name => pattern.test(name)) : [];
}

/** The active editor's visible text as one line: the editor wraps long lines and draws spaces as no-break spaces. */
async function activeEditorText() {
  return (await page.locator('.editor-group-container.active .view-lines').first().innerText()).replace(/[\s\u00a0]+/g, ' ');
}

/** Waits until the input's value passes `test`, reading it again and again (no fixed sleep). */
async function inputValue(input, test, what, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await input.inputValue();
    if (test(value)) return value;
    if (Date.now() > deadline) throw new Error(`The input still holds "${value}", waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

/** Accepts a file dialog (the web build's own, a quick input holding a path) with the path given, or as offered. */
async function answerFileDialog(path) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 20000 });
  // The dialog fills in its folder and lists it first; the path is typed over it once it is there.
  await inputValue(input, value => value.startsWith('/'), 'the file dialog\'s folder');
  if (path) {
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20000 });
    // Typed again should the dialog, still settling, put its folder back.
    for (let attempt = 1; ; attempt++) {
      await input.fill(path);
      try {
        await inputValue(input, value => value === path, path, 3000);
        await page.locator('.quick-input-list .monaco-list-row', { hasText: path.split('/').pop() }).first().waitFor({ timeout: 5000 });
        if ((await input.inputValue()) === path) break;
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
  }
  await page.keyboard.press('Enter');
  // A first export asks to create the export folder: the manager says OK.
  const create = page.locator('.quick-input-widget', { hasText: 'does not exist' });
  const closed = page.locator('.quick-input-widget').first();
  await Promise.race([create.waitFor({ timeout: 20000 }), closed.waitFor({ state: 'hidden', timeout: 20000 })]);
  if (await create.isVisible()) {
    await screenshot('person-01b-create-export-folder');
    await create.locator('.monaco-button', { hasText: 'OK' }).first().click();
  }
}

/**
 * What a person does with the file: answers some questions and leaves others empty, rewords one
 * heading and loses its marker, turns another into a bold line, and moves their favourite question first.
 */
function fillInAsThePerson(sent) {
  const sections = sent.split(/\n(?=## )/);
  const head = sections.shift();
  const byId = new Map(sections.map(section => [/<!-- growth:([a-z0-9-]+) -->/.exec(section)?.[1], section]));
  const answered = {
    checkin: '## 1. How are you doing? How is work? <!-- growth:checkin -->\n\nBetter since the rota trial started. Release weeks still wear me out.\n',
    achievements: '## My proudest achievements\n\n- Ran the architecture guild every month\n- Gave the tracing talk at the all-hands\n- Halved the alert noise\n',
    'role-6-months': '**5. Six months from now**\n\nLead the platform design reviews, and write down how we choose architectures.\n',
    'current-role': byId.get('current-role').replace(/\n+$/, '\n\nHalf guild and design work, half platform features. The guild went well; the all-hands talk happened in July.\n'),
  };
  const order = ['role-6-months', 'checkin', 'achievements', 'current-role', 'last-six-months', 'role-2-years', 'leave-reason', 'change-anything', 'anything-else'];
  const kept = sections.filter(section => !/<!-- growth:[a-z0-9-]+ -->/.test(section) || !order.includes(/<!-- growth:([a-z0-9-]+) -->/.exec(section)[1]));
  return [head, ...kept, ...order.map(id => answered[id] ?? byId.get(id))].join('\n');
}

describe('the person\'s side in the VS Code UI: pre-read, their words, What we agreed', function () {
  let prereadPath = '';
  let returnedPath = '';
  let notePath = '';

  before(async function () {
    this.timeout(600_000);
    workspace = await session.open({ name: 'e2e-person', prefix: 'gcp-', serverOptions: { settings: { 'growth.manager': 'Dana Reyes' } } });
    page = session.page();
  });

  afterEach(async function () {
    await session.screenshotIfFailed(this.currentTest, 'failed-person');
  });

  after(session.close);

  it('Send Pre-read: pick the person, save the file in the export folder, nothing manager-only in it', async function () {
    this.timeout(180_000);
    await runCommand('Growth: Send Pre-read');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Alex Morgan' }).first();
    await row.waitFor({ timeout: 20000 });
    await screenshot('person-01-send-pick');
    await row.click();
    await answerFileDialog();
    const exports = join(workspace, 'growth-exports');
    const name = await eventually(() => filesIn(exports, /^pre-read-alex-morgan-\d{4}-\d{2}-\d{2}\.md$/)[0], 'the pre-read file');
    prereadPath = join(exports, name);
    await page.locator('.notification-toast', { hasText: `Pre-read saved as ${name}` }).first().waitFor({ timeout: 20000 });
    const sent = readFileSync(prereadPath, 'utf8');
    for (const text of ['# Before our conversation: Alex Morgan', 'What happens to your answers', 'Lead the architecture guild', 'Propose an on-call rota change', '## 7. If you were to leave']) {
      assert.ok(sent.includes(text), text);
    }
    for (const secret of ['flight', 'Medium flight risk', 'director', 'Private notes', 'staff promotion']) assert.ok(!sent.toLowerCase().includes(secret.toLowerCase()), secret);
    // The manager looks at what goes out before sending it.
    // A click while the message is still sliding in can miss: clicked again until the file opens.
    const open = page.locator('.notification-toast', { hasText: name }).locator('.monaco-button', { hasText: 'Open' }).first();
    for (let attempt = 1; ; attempt++) {
      if (await open.isVisible()) await open.click().catch(() => {});
      try {
        await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 5000 });
        break;
      } catch (error) {
        if (attempt >= 6) throw error;
      }
    }
    await page.locator('.editor-group-container.active .view-lines', { hasText: 'Before our conversation' }).first().waitFor({ timeout: 20000 });
    await screenshot('person-02-preread-sent');
  });

  it('the person fills it in: answers some questions, rewords and reorders headings, leaves others empty', async function () {
    this.timeout(120_000);
    const returned = fillInAsThePerson(readFileSync(prereadPath, 'utf8'));
    returnedPath = join(workspace, 'growth-exports', 'alex-answers.md');
    writeFileSync(returnedPath, returned);
    await runCommand('Go to File');
    const input = page.locator('.quick-input-widget input');
    await input.fill('alex-answers.md');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'alex-answers.md' }).first().waitFor({ timeout: 20000 });
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: 'alex-answers.md' }).waitFor({ timeout: 20000 });
    await page.locator('.editor-group-container.active .view-lines', { hasText: 'Six months from now' }).first().waitFor({ timeout: 20000 });
    await screenshot('person-03-answers-returned');
  });

  it('Import Pre-read: their answers go into a new note under each question, marked as their words', async function () {
    this.timeout(180_000);
    const folder = join(workspace, 'growth-notes/alex-morgan');
    const before = new Set(filesIn(folder, /\.md$/));
    await runCommand('Growth: New Growth Conversation');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Alex Morgan' }).first().waitFor({ timeout: 20000 });
    await input.fill('Alex Morgan');
    // The known Alex Morgan (with their last conversation) is picked, not "New person".
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Last conversation' }).first().click();
    const name = await eventually(() => filesIn(folder, /^\d{4}-\d{2}-\d{2}\.md$/).find(file => !before.has(file)), 'the new note');
    notePath = join(folder, name);
    await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 20000 });
    await page.locator('.editor-group-container.active .view-lines', { hasText: 'person: Alex Morgan' }).first().waitFor({ timeout: 20000 });
    const scaffold = readFileSync(notePath, 'utf8');

    await runCommand('Growth: Import Pre-read');
    await answerFileDialog(returnedPath);
    await page.locator('.notification-toast', { hasText: '4 of 4 answers placed in the note.' }).first().waitFor({ timeout: 30000 });
    await page.locator('.tab.active.dirty', { hasText: name }).waitFor({ timeout: 20000 });
    await page.keyboard.press('Control+Home');
    await page.locator('.editor-group-container.active .view-lines', { hasText: 'Release weeks still wear me out' }).first().waitFor({ timeout: 20000 });
    await screenshot('person-04-imported');
    await page.keyboard.press('Control+S');
    await page.locator('.tab.active:not(.dirty)', { hasText: name }).waitFor({ timeout: 20000 });
    const saved = await eventually(() => { const text = readFileSync(notePath, 'utf8'); return text.includes('Halved the alert noise') ? text : undefined; }, 'the saved note');
    // Only added: every line of the scaffold is still there, in order.
    let at = 0;
    for (const line of scaffold.split('\n').filter(l => l.trim() !== '')) {
      at = saved.indexOf(line, at);
      assert.ok(at >= 0, `kept: ${line}`);
    }
    assert.match(saved, /<!-- growth:checkin -->\n<!-- growth:their-words -->\n> Better since the rota trial started\./);
    assert.match(saved, /<!-- growth:their-words -->\n> - Ran the architecture guild every month\n> - Gave the tracing talk/);
    assert.match(saved, /<!-- growth:their-words -->\n> Lead the platform design reviews/);
  });

  it('the Current Question card shows "In their words" beside the guidance for the question chosen in the guide', async function () {
    this.timeout(120_000);
    await showGrowthContainer();
    const row = guideRow('3. Which three achievements');
    await row.waitFor({ timeout: 20000 });
    await row.click();
    await card().locator('.position', { hasText: 'Question 3 of 9' }).waitFor({ timeout: 20000 });
    await card().locator('h3', { hasText: 'In their words' }).waitFor({ timeout: 20000 });
    const words = card().locator('blockquote.their-words');
    await words.waitFor({ timeout: 20000 });
    assert.match(await words.innerText(), /Ran the architecture guild every month[\s\S]*Halved the alert noise/);
    await screenshot('person-05-card-their-words');
  });

  it('Create Shareable Copy: their words marked as theirs, and What we agreed last time', async function () {
    this.timeout(180_000);
    await page.locator('.tab', { hasText: notePath.split('/').pop() }).first().click();
    await page.mouse.move(24, 600); // off the tab, so its tooltip does not cover the copy
    await page.locator('.monaco-editor textarea').first().focus();
    await runCommand('Growth: Create Shareable Copy');
    const readFirst = page.locator('.monaco-dialog-box', { hasText: 'Read it before you share it' }).first();
    const copy = page.locator('.editor-group-container.active .view-lines', { hasText: 'growth-shared-copy' }).first();
    await Promise.race([readFirst.waitFor({ timeout: 30000 }), copy.waitFor({ timeout: 30000 })]);
    if (await readFirst.isVisible()) await readFirst.locator('.monaco-button', { hasText: 'Open the Copy' }).click();
    await copy.waitFor({ timeout: 30000 });
    await page.locator('.editor-group-container.active .view-lines', { hasText: 'In your words' }).first().waitFor({ timeout: 20000 });
    const top = await activeEditorText();
    assert.match(top, /type: growth-shared-copy/);
    assert.doesNotMatch(top, /flightRisk|Private notes/);
    await screenshot('person-06-copy-their-words');
    // The end of the copy on its own, as the person will read it: the message put away, the copy in one column.
    await runCommand('Notifications: Clear All Notifications');
    await page.locator('.notification-toast').first().waitFor({ state: 'hidden', timeout: 20000 });
    await runCommand('View: Single Column Editor Layout');
    await page.locator('.editor-group-container').nth(1).waitFor({ state: 'detached', timeout: 20000 });
    await page.locator('.tab.active', { hasText: 'Untitled' }).waitFor({ timeout: 20000 });
    await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+End');
    const agreed = page.locator('.editor-group-container.active .view-lines', { hasText: 'What we agreed last time' }).first();
    await agreed.waitFor({ timeout: 20000 });
    const end = await activeEditorText();
    assert.match(end, /Share the observability budget \(@dana\): written 2025-11-10, done on 2025-11-10\./);
    assert.match(end, /Propose an on-call rota change \(@dana\): written 2025-11-10, open for \d+ days?\./);
    assert.doesNotMatch(end, /Medium flight risk|director/);
    await screenshot('person-07-copy-what-we-agreed');
  });
});
