// The packaged extension (.vsix), installed into a real VS Code (code-server 1.100.3) and driven
// through its UI in headless Chromium, as a manager would use it. Screenshots: test-output/screenshots.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workbenchSession } from './workbenchSession.mjs';
import { workbenchUi } from './workbenchUi.mjs';

const session = workbenchSession();
const { screenshot, screenshotIfFailed } = session;
let page;
const { runCommand, openFile, showGrowthContainer, showOverviewContainer, setPaneExpanded, card, guideRow } = workbenchUi(() => page);
let workspace;

/** The line the editor's cursor is on, from the status bar ("Ln 12, Col 1"). */
async function cursorLine() {
  const text = await page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText();
  return Number(/Ln (\d+)/.exec(text)[1]);
}

/** Types text at the cursor, as a manager would during the conversation. */
async function typeAnswer(text) {
  await page.keyboard.type(text, { delay: 5 });
}

/** The note files in a person's folder, so a test can name the one it wrote whatever the clock says. */
function notesOf(person) {
  const folder = join(workspace, 'growth-notes', person);
  return existsSync(folder) ? readdirSync(folder).filter(name => name.endsWith('.md')) : [];
}

/** The file name of Alex's note written through the UI in this run (set when it is written). */
let alexNote = '';

/** A fresh sandbox with the packaged extension installed, code-server on the sample workspace, and the workbench open. */
async function openWorkbench(name, serverOptions) {
  const opened = await session.open({ name, prefix: 'gce-', serverOptions });
  page = session.page();
  return opened;
}

const closeWorkbench = session.close;

describe('the packaged extension in the VS Code UI', function () {
  before(async function () {
    this.timeout(600_000);
    workspace = await openWorkbench('e2e', { settings: { 'growth.manager': 'Dana Reyes' } });
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest);
  });

  after(closeWorkbench);

  it('runs the build installed from the .vsix, not the source folder', async () => {
    const installed = readdirSync(join(session.parts.sandbox, 'extensions'));
    assert.ok(installed.some(name => name.startsWith('growth-conversations.growth-conversations-')), installed.join(', '));
    await page.locator('.activitybar [aria-label^="Growth Conversations"]').first().waitFor();
  });

  it('opens the Growth container, whose guide welcomes with a New Growth Conversation link', async () => {
    await page.locator('.activitybar [aria-label^="Growth Conversations"]').first().click();
    await page.locator('.welcome-view-content', { hasText: 'Open a growth note' }).waitFor({ timeout: 20000 });
    await page.locator('.welcome-view-content a', { hasText: 'New Growth Conversation' }).first().waitFor();
    await screenshot('guide-welcome');
  });

  it('the command palette finds the Growth commands', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>Growth:');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    // The list shows the first rows only (there are more Growth commands than fit): each is then asked for by name.
    await rows.filter({ hasText: 'Growth: Collate Digests' }).first().waitFor({ timeout: 15000 });
    await screenshot('command-palette');
    for (const title of ['New Growth Conversation', 'Themes Report', 'Prepare', 'Send Pre-read']) {
      await input.fill(`>Growth: ${title}`);
      await rows.filter({ hasText: `Growth: ${title}` }).first().waitFor({ timeout: 15000 });
    }
    await page.keyboard.press('Escape');
  });

  it('New Growth Conversation: type a person, the new note opens with the guide beside it', async () => {
    await runCommand('Growth: New Growth Conversation');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Priya Shah' }).first().waitFor({ timeout: 15000 });
    await input.fill('Riley Quinn');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New person' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.view-lines', { hasText: 'person: Riley Quinn' }).first().waitFor({ timeout: 20000 });
    await page.locator('.view-lines', { hasText: 'manager: Dana Reyes' }).first().waitFor();
    await guideRow('1. How are you doing? How is work?').waitFor({ timeout: 20000 });
    await guideRow('you are here').waitFor({ timeout: 10000 });
    await screenshot('new-conversation');
  });

  it('partial name + Enter: "alex" is Alex Morgan, never a second person', async () => {
    await runCommand('Growth: New Growth Conversation');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Priya Shah' }).first().waitFor({ timeout: 15000 });
    await input.fill('alex');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New person' }).first().waitFor();
    const rows = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
    assert.ok(rows[0].includes('Alex Morgan'), rows.join(' | '));
    await screenshot('live-01-partial-name');
    const before = new Set(notesOf('alex-morgan'));
    await page.keyboard.press('Enter');
    await page.locator('.view-lines', { hasText: 'person: Alex Morgan' }).first().waitFor({ timeout: 20000 });
    for (let i = 0; i < 100 && !alexNote; i++) {
      alexNote = notesOf('alex-morgan').find(name => !before.has(name)) ?? '';
      if (!alexNote) await page.waitForTimeout(100);
    }
    assert.match(alexNote, /^\d{4}-\d{2}-\d{2}\.md$/, 'a new note named by its day');
    await page.locator('.tab.active', { hasText: alexNote }).waitFor({ timeout: 20000 });
    assert.ok(!existsSync(join(workspace, 'growth-notes/alex')), 'no second Alex');
    await showGrowthContainer();
    await card().locator('h2', { hasText: 'How are you doing?' }).waitFor({ timeout: 20000 });
    await screenshot('live-02-new-note-card');
    // The notes folder already existed and this workspace has no git repository: still no git prompt mid-conversation.
    await page.waitForTimeout(1500);
    assert.equal(await page.locator('.notification-toast', { hasText: /git repository/i }).count(), 0, 'no git prompt when a note opens');
  });

  it('a whole conversation typed through the UI: the card follows, Next from the guide and the card, a hint applied', async function () {
    this.timeout(240_000);
    const line = async () => cursorLine();
    // Question 1: the cursor is already on its fresh answer line.
    await page.locator('.monaco-editor textarea').first().focus();
    await typeAnswer('Busy, tired of the pager. #on-call-load');
    await screenshot('live-03-q1-typed');
    // Next Question from the editor.
    await page.keyboard.press('Control+Alt+]');
    await card().locator('.position', { hasText: 'Question 2 of 9' }).waitFor({ timeout: 10000 });
    await typeAnswer('Good half year; the tracing launch went well.');
    await page.keyboard.press('Control+Alt+]');
    await card().locator('.position', { hasText: 'Question 3 of 9' }).waitFor({ timeout: 10000 });
    await typeAnswer('Ran the architecture guild');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await typeAnswer('Mentored two new joiners');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await typeAnswer('Cut build times by a third');
    await screenshot('live-04-q3-achievements');
    await page.keyboard.press('Control+Alt+]');
    await card().locator('.position', { hasText: 'Question 4 of 9' }).waitFor({ timeout: 10000 });
    const q4Line = await line();
    await screenshot('live-05-q4-below-carried-goals');
    await typeAnswer('Mostly guild work now, less on-call.');
    await page.locator('.view-line', { hasText: 'Mostly guild work now' }).first().waitFor();
    // The guide refreshes a moment after typing stops; a row clicked while VS Code swaps the rows can
    // lose its command (VS Code then says "Actual command not found"), so the click waits for that.
    await page.waitForTimeout(1000);
    // Focus the Question Guide, then Next Question from there: the keybinding works with focus in the guide.
    await guideRow('4. How would you describe').click();
    await page.waitForTimeout(500);
    await page.keyboard.press('Control+Alt+]');
    await card().locator('.position', { hasText: 'Question 5 of 9' }).waitFor({ timeout: 10000 });
    assert.ok((await line()) > q4Line);
    await screenshot('live-06-next-from-guide');
    await typeAnswer('- Lead the platform design reviews');
    // Next from the card's own button.
    await card().locator('button', { hasText: 'Next' }).click();
    await card().locator('.position', { hasText: 'Question 6 of 9' }).waitFor({ timeout: 10000 });
    await typeAnswer('Architect for the platform group.');
    // With the focus in the card itself, the key still moves on.
    await card().locator('h2').click();
    await page.keyboard.press('Control+Alt+]');
    await card().locator('.position', { hasText: 'Question 7 of 9' }).waitFor({ timeout: 10000 });
    await page.locator('.monaco-editor textarea').first().focus();
    await typeAnswer('If another company offered me a real architect role.');
    const apply = card().locator('button', { hasText: 'Set flight risk to medium' });
    await apply.waitFor({ timeout: 15000 });
    await screenshot('live-07-flight-risk-hint');
    await page.locator('.monaco-list-row[aria-label^="Question 7:"][aria-label*="risk: not-assessed"]').first().waitFor({ timeout: 10000 });
    await apply.click();
    // Set in the frontmatter by the click: the guide's question 7 row says so.
    await page.locator('.monaco-list-row[aria-label^="Question 7:"][aria-label*="risk: medium"]').first().waitFor({ timeout: 10000 });
    await card().locator('button', { hasText: 'Set flight risk to medium' }).waitFor({ state: 'detached', timeout: 10000 });
    await screenshot('live-08-hint-applied');
    await page.locator('.monaco-editor textarea').first().focus();
    for (const [n, answer] of [[8, 'Fund a build cache. #ci-speed'], [9, 'The architect band, again.']]) {
      await page.keyboard.press('Control+Alt+]');
      await card().locator('.position', { hasText: `Question ${n} of 9` }).waitFor({ timeout: 10000 });
      await typeAnswer(answer);
    }
    await screenshot('live-09-q9');
    await page.keyboard.press('Control+Alt+]');
    await card().locator('h2', { hasText: 'Next steps' }).waitFor({ timeout: 10000 });
    await typeAnswer('- [ ] Draft the architect band with HR @dana due:2026-12-20');
    await screenshot('live-10-next-steps');
    await page.keyboard.press('Control+Alt+]');
    await card().locator('h2', { hasText: 'Private notes' }).waitFor({ timeout: 10000 });
    await typeAnswer('Medium risk: raise the architect band with the director.');
    await page.keyboard.press('Control+S');
    await page.locator('.tab.active:not(.dirty)').first().waitFor({ timeout: 10000 });
    await screenshot('live-11-private-notes-saved');
    const notePath = join(workspace, 'growth-notes/alex-morgan', alexNote);
    // The tab turns clean as the save starts; the file follows a moment later.
    for (let i = 0; i < 50 && !readFileSync(notePath, 'utf8').includes('Medium risk: raise'); i++) await page.waitForTimeout(100);
    const saved = readFileSync(notePath, 'utf8');
    for (const text of ['Busy, tired of the pager.', '1. Ran the architecture guild', 'flightRisk: medium', '- [ ] Draft the architect band', 'Medium risk: raise']) assert.ok(saved.includes(text), text);
    assert.match(saved, /Mostly guild work now, less on-call\.\n\n## 5\./, 'the answer keeps a blank line before the next heading');
    assert.ok(saved.endsWith('Medium risk: raise the architect band with the director.\n'), 'the note still ends with a line break');
    assert.equal(await page.locator('.notification-toast', { hasText: /not found|failed|error/i }).count(), 0, 'no error on the way');
  });

  it('Prepare: a read-only brief of the person from the palette', async () => {
    await runCommand('Growth: Prepare');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Priya Shah' }).first();
    await row.waitFor({ timeout: 15000 });
    await row.click();
    await page.locator('.view-lines', { hasText: '# Prepare: Priya Shah' }).first().waitFor({ timeout: 20000 });
    await page.locator('.view-lines', { hasText: 'Open actions, oldest first' }).first().waitFor();
    await screenshot('live-12-prepare');
  });

  it('the guide follows an open note: progress, current question, and a click moves the editor', async () => {
    await openFile('alex-morgan/2026-05-12.md');
    await showGrowthContainer();
    await page.locator('.pane-header', { hasText: 'Question Guide' }).first().locator('.description', { hasText: '9 of 9 answered' }).waitFor({ timeout: 20000 });
    // Every question of this fully answered note shows as answered (the row's accessible label says so).
    await page.locator('.monaco-list-row[aria-label^="Question 9:"][aria-label*="answered"]').first().waitFor({ timeout: 20000 });
    const labels = await page.locator('.monaco-list-row[aria-label^="Question "]').evaluateAll(rows => rows.map(r => r.getAttribute('aria-label')));
    assert.equal(labels.length, 9, labels.join(' | '));
    assert.ok(labels.every(label => / answered/.test(label ?? '')), labels.join(' | '));
    await guideRow('7. If you were to leave').click();
    await page.locator('.statusbar-item', { hasText: /Ln 4[0-9],/ }).first().waitFor({ timeout: 10000 });
    await guideRow('you are here').waitFor({ timeout: 10000 });
    const current = await guideRow('you are here').innerText();
    assert.ok(current.includes('7. If you were to leave'), current);
    await screenshot('guide-current-question');
  });

  it('the Themes, Action Items and People views show the sample workspace', async () => {
    await showOverviewContainer();
    for (const title of ['Themes', 'Action Items', 'People']) await setPaneExpanded(title, true);
    await page.locator('.monaco-list-row', { hasText: 'ci-speed' }).first().waitFor({ timeout: 30000 });
    await page.locator('.monaco-list-row', { hasText: '2 people' }).first().waitFor();
    await page.locator('.monaco-list-row', { hasText: 'Propose an on-call rota change' }).first().waitFor({ timeout: 20000 });
    // Alex's note written earlier in this run is "today" in People ("yesterday" when the run crosses midnight);
    // other views hold rows with "today" too, some of them hidden, so the row is looked for in People only.
    const people = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'People' }) });
    await people.locator('.monaco-list-row', { hasText: 'Alex Morgan' }).filter({ hasText: /today|yesterday/, visible: true }).first().waitFor({ timeout: 20000 });
    await screenshot('cross-note-views');
    await page.locator('.monaco-list-row', { hasText: 'ci-speed' }).first().click();
    await page.locator('.monaco-list-row', { hasText: 'Priya Shah' }).first().waitFor();
    await screenshot('themes-expanded');
  });

  it('an action a later note left out without ticking shows as dropped in People and leaves Action Items (screenshot)', async () => {
    const folder = join(workspace, 'growth-notes', 'noor-haddad');
    mkdirSync(folder, { recursive: true });
    const note = (date, ...items) => `---\ntype: growth-conversation\nperson: Noor Haddad\ndate: ${date}\n---\n## Next steps\n${items.join('\n')}\n`;
    writeFileSync(join(folder, '2026-01-10.md'), note('2026-01-10', '- [ ] Book the course @dana due:2026-02-01', '- [ ] Write the ADR'));
    writeFileSync(join(folder, '2026-02-10.md'), note('2026-02-10', '- [ ] Book the course <!-- from: 2026-01-10 -->'));
    try {
      await showOverviewContainer();
      for (const title of ['Action Items', 'People']) await setPaneExpanded(title, true);
      const pane = title => page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) });
      await pane('People').locator('.monaco-list-row', { hasText: 'Noor Haddad' }).filter({ hasText: '1 dropped' }).first().waitFor({ timeout: 30000 });
      // Only the carried action is open: the group says one, and the dropped one is not among its rows.
      const group = pane('Action Items').locator('.monaco-list-row', { hasText: 'Noor Haddad' }).first();
      await group.waitFor({ timeout: 20000 });
      await group.scrollIntoViewIfNeeded();
      await screenshot('dropped-action');
      assert.match(await group.innerText(), /1 open/);
      assert.equal(await pane('Action Items').locator('.monaco-list-row', { hasText: 'Write the ADR' }).count(), 0);
      assert.match(await pane('People').locator('.monaco-list-row', { hasText: 'Noor Haddad' }).first().innerText(), /1 open/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('the Themes Report opens with its bar charts, anonymised', async () => {
    await runCommand('Growth: Themes Report');
    const pick = async label => {
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
      await row.waitFor({ timeout: 15000 });
      await row.click();
    };
    await pick('All time');
    await pick('Anonymised');
    await page.locator('.view-lines', { hasText: '# Themes report' }).first().waitFor({ timeout: 20000 });
    await page.locator('.tab', { hasText: 'Preview' }).first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(2000); // let the preview render its tables
    await screenshot('themes-report');
    const source = await page.locator('.view-lines').first().innerText();
    assert.ok(!/Alex|Priya|Jordan/.test(source), 'no names in the anonymised report');
  });

  it('the lightbulb quick fix replaces a misspelt value', async () => {
    await openFile('jordan-kim/2026-03-15.md');
    const value = page.locator('.view-line', { hasText: 'flightRisk: hgih' }).first();
    await value.waitFor({ timeout: 15000 });
    await page.locator('.squiggly-error').first().waitFor({ timeout: 20000 });
    const box = await value.boundingBox();
    await page.mouse.click(box.x + 120, box.y + box.height / 2); // inside "hgih"
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Change to "high"' }).first();
    await fix.waitFor({ timeout: 15000 });
    await screenshot('quick-fix-menu');
    await page.keyboard.press('Enter'); // the only fix is already selected
    await page.locator('.view-line', { hasText: 'flightRisk: high' }).first().waitFor({ timeout: 10000 });
    await screenshot('quick-fix-applied');
  });

  it('the Problems panel lists a fixture note\'s problems', async () => {
    await runCommand('View: Toggle Problems');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'mid-level' }).first().waitFor({ timeout: 30000 });
    await page.locator('.markers-panel .monaco-list-row', { hasText: '"mood" is not a known field' }).first().waitFor();
    await screenshot('problems-panel');
  });

  it('a shareable copy of a note with frontmatter errors is refused in a modal that says why', async () => {
    await openFile('jordan-kim/2026-03-15.md');
    await runCommand('Growth: Create Shareable Copy');
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'No copy was made' }).first();
    await dialog.waitFor({ timeout: 15000 });
    assert.match(await dialog.innerText(), /The frontmatter has a problem on line \d+/);
    await screenshot('share-refused');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: 10000 });
    assert.equal(await page.locator('.tab', { hasText: '-shared' }).count(), 0, 'no copy was opened');
  });
});

describe('Restricted Mode in the VS Code UI, then trust granted without a reload', function () {
  let workspace;
  before(async function () {
    this.timeout(600_000);
    workspace = await openWorkbench('e2e-restricted', {
      trust: true, settings: { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'always' },
    });
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest);
  });

  after(closeWorkbench);

  it('a command that would write says that trust is needed, and writes nothing', async () => {
    const before = readdirSync(join(workspace, 'growth-notes')).join(',');
    await runCommand('Growth: New Growth Conversation');
    await page.locator('.notification-toast', { hasText: 'needs a trusted workspace' }).first().waitFor({ timeout: 20000 });
    await screenshot('restricted-mode-refusal');
    assert.equal(readdirSync(join(workspace, 'growth-notes')).join(','), before);
  });

  it('trusting the folder in the trust editor enables writing at once', async () => {
    await page.locator('.notification-toast .monaco-button', { hasText: 'Manage Workspace Trust' }).first().click();
    const trust = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust/ }).first();
    await trust.waitFor({ timeout: 20000 });
    await screenshot('trust-editor');
    await trust.click();
    await runCommand('Growth: New Growth Conversation');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Priya Shah' }).first().waitFor({ timeout: 15000 });
    await input.fill('Robin Trusted');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New person' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.view-lines', { hasText: 'person: Robin Trusted' }).first().waitFor({ timeout: 20000 });
    assert.ok(readdirSync(join(workspace, 'growth-notes')).includes('robin-trusted'));
    await screenshot('trusted-without-reload');
  });
});
