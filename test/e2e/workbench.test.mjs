// The packaged extension (.vsix), installed into a real VS Code (code-server 1.100.3) and driven
// through its UI in headless Chromium, as a manager would use it. Screenshots: test-output/screenshots.
import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  copyWorkspace, ensureCodeServer, freePort, installVsix, makeSandbox, openBrowser, OUTPUT, removeSandbox, ROOT, startServer, stopServer, workbenchUrl,
} from '../../scripts/vscode-server.mjs';

const SHOTS = join(OUTPUT, 'screenshots');
let sandbox;
let server;
let browser;
let page;

async function screenshot(name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Runs a command through the command palette, retrying while contributions are still loading. */
async function runCommand(title) {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await input.waitFor({ timeout: 15000 });
    await input.fill(`>${title}`);
    try {
      await row.waitFor({ timeout: 4000 });
      break;
    } catch (error) {
      if (attempt >= 8) throw error;
    }
  }
  await page.keyboard.press('Enter');
}

async function openFile(name) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10000 });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name.split('/').pop() }).waitFor({ timeout: 10000 });
}

/** Opens the Growth container unless it is already showing (a second click would hide the sidebar). */
async function showGrowthContainer() {
  const header = page.locator('.pane-header', { hasText: 'Question Guide' }).first();
  if (!(await header.isVisible())) await page.locator('.activitybar [aria-label^="Growth Conversations"]').first().click();
  await header.waitFor({ timeout: 20000 });
}

/** Expands or collapses one view of the Growth container by its title. */
async function setPaneExpanded(title, expanded) {
  const header = page.locator('.pane-header', { hasText: title }).first();
  await header.waitFor({ timeout: 20000 });
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
}

function guideRow(text) {
  return page.locator('.monaco-list-row[aria-label^="Question "]', { hasText: text }).first();
}

/** A fresh sandbox with the packaged extension installed, code-server on the sample workspace, and the workbench open. */
async function openWorkbench(name, serverOptions) {
  const entry = ensureCodeServer();
  sandbox = makeSandbox('gce-');
  installVsix(entry, sandbox, join(ROOT, 'growth-conversations.vsix'));
  const workspace = copyWorkspace(sandbox);
  const port = await freePort();
  server = await startServer({ entry, sandbox, port, logName: `${name}-server`, ...serverOptions });
  browser = await openBrowser(sandbox, name);
  page = browser.pages()[0] ?? await browser.newPage();
  await page.goto(workbenchUrl(port, workspace));
  await page.locator('.activitybar [aria-label^="Growth Conversations"]').first().waitFor({ timeout: 90_000 });
  return workspace;
}

async function closeWorkbench() {
  await browser?.close().catch(() => {});
  await stopServer(server);
  if (sandbox) removeSandbox(sandbox);
}

async function screenshotIfFailed(test) {
  if (test?.state === 'failed') await screenshot(`failed-${test.title.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => {});
}

describe('the packaged extension in the VS Code UI', function () {
  before(async function () {
    this.timeout(600_000);
    mkdirSync(SHOTS, { recursive: true });
    await openWorkbench('e2e', { settings: { 'growth.manager': 'Dana Reyes' } });
  });

  afterEach(async function () {
    await screenshotIfFailed(this.currentTest);
  });

  after(closeWorkbench);

  it('runs the build installed from the .vsix, not the source folder', async () => {
    const installed = readdirSync(join(sandbox, 'extensions'));
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
    await page.locator('.quick-input-widget input').fill('>Growth:');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'New Growth Conversation' }).first().waitFor({ timeout: 15000 });
    const labels = await rows.allInnerTexts();
    assert.ok(labels.some(label => label.includes('Growth: New Growth Conversation')), labels.join(' | '));
    await screenshot('command-palette');
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

  it('the guide follows an open note: progress, current question, and a click moves the editor', async () => {
    await openFile('alex-morgan/2026-05-12.md');
    await showGrowthContainer();
    for (const title of ['Themes', 'Action Items', 'People']) await setPaneExpanded(title, false);
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
    await showGrowthContainer();
    await setPaneExpanded('Question Guide', false);
    for (const title of ['Themes', 'Action Items', 'People']) await setPaneExpanded(title, true);
    await page.locator('.monaco-list-row', { hasText: 'ci-speed' }).first().waitFor({ timeout: 30000 });
    await page.locator('.monaco-list-row', { hasText: '2 people' }).first().waitFor();
    await page.locator('.monaco-list-row', { hasText: 'Propose an on-call rota change' }).first().waitFor({ timeout: 20000 });
    await page.locator('.monaco-list-row', { hasText: 'days ago' }).first().waitFor({ timeout: 20000 });
    await screenshot('cross-note-views');
    await page.locator('.monaco-list-row', { hasText: 'ci-speed' }).first().click();
    await page.locator('.monaco-list-row', { hasText: 'Priya Shah' }).first().waitFor();
    await screenshot('themes-expanded');
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
