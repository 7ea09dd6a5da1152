// The packaged extension in a documentation repository of 2,000 ordinary Markdown files and no growth
// notes, driven through the UI: it must stay out of the way until asked. Screenshots: test-output/screenshots.
import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureCodeServer, freePort, installVsix, makeSandbox, markdownOnlyWorkspace, openBrowser, OUTPUT, removeSandbox, ROOT, startServer, stopServer, workbenchUrl,
} from '../../scripts/vscode-server.mjs';
import { workbenchUi } from './workbenchUi.mjs';

const SHOTS = join(OUTPUT, 'screenshots');
const EXTENSION = 'growth-conversations.growth-conversations';
let sandbox;
let server;
let browser;
let page;
const { runCommand } = workbenchUi(() => page);
let workspace;

/** Every line of VS Code's own logs in the sandbox (the extension host logs each activation). */
function logLines() {
  const lines = [];
  const walk = folder => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.log') && statSync(full).size < 20_000_000) lines.push(...readFileSync(full, 'utf8').split('\n'));
    }
  };
  walk(join(sandbox, 'user-data', 'logs'));
  return lines;
}

const activated = () => logLines().filter(line => line.includes(EXTENSION) && /activat/i.test(line));

describe('the packaged extension in a Markdown repository without growth notes', function () {
  before(async function () {
    this.timeout(600_000);
    mkdirSync(SHOTS, { recursive: true });
    const entry = ensureCodeServer();
    sandbox = makeSandbox('gce-quiet-');
    installVsix(entry, sandbox, join(ROOT, 'growth-conversations.vsix'));
    workspace = markdownOnlyWorkspace(sandbox, 2000);
    const port = await freePort();
    server = await startServer({ entry, sandbox, port, logName: 'e2e-quiet-server' });
    browser = await openBrowser(sandbox, 'quiet');
    page = browser.pages()[0] ?? await browser.newPage();
    await page.goto(workbenchUrl(port, workspace));
    await page.locator('.activitybar [aria-label^="Explorer"]').first().waitFor({ timeout: 90_000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await page.screenshot({ path: join(SHOTS, `failed-quiet-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}.png`) }).catch(() => {});
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await stopServer(server);
    if (sandbox) removeSandbox(sandbox);
  });

  it('opens the README and stays out of the way: no Growth icon, status item or notification, never activated', async () => {
    // From the Explorer, as a reader would (Quick Open would first search 2,000 files).
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'README.md' }).first().click({ timeout: 30000 });
    await page.locator('.view-lines', { hasText: 'A documentation repository' }).first().waitFor({ timeout: 20000 });
    // Markdown is open and its own extension has started; give ours every chance to start too.
    await page.locator('.statusbar-item', { hasText: 'Markdown' }).first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(5000);
    await page.screenshot({ path: join(SHOTS, 'quiet-markdown-repository.png') });
    assert.equal(await page.locator('.activitybar [aria-label^="Growth"]').count(), 0, 'no Growth container in the activity bar');
    const statusItems = await page.locator('.statusbar-item').allInnerTexts();
    assert.ok(!statusItems.some(text => /growth|notes? not indexed|not indexed/i.test(text)), statusItems.join(' | '));
    const toasts = await page.locator('.notifications-toasts .notification-toast').allInnerTexts();
    assert.ok(!toasts.some(text => /growth/i.test(text)), toasts.join(' | '));
    assert.deepEqual(activated(), [], 'the extension host never activated the extension');
  });

  it('creating a first note from the command palette brings the Growth views', async () => {
    await runCommand('Growth: New Growth Conversation');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15000 });
    await input.fill('Robin Park');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New person' }).first().waitFor({ timeout: 20000 });
    await page.keyboard.press('Enter');
    await page.locator('.view-lines', { hasText: 'person: Robin Park' }).first().waitFor({ timeout: 30000 });
    await page.locator('.activitybar [aria-label^="Growth Conversations"]').first().waitFor({ timeout: 30000 });
    await page.locator('.activitybar [aria-label^="Growth Overview"]').first().waitFor({ timeout: 30000 });
    assert.ok(activated().length > 0, 'activated by the command');
    await page.screenshot({ path: join(SHOTS, 'quiet-first-note.png') });
  });
});
