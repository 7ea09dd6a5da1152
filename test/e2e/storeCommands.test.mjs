// Hand Over to a New Manager in the packaged extension, driven through the VS Code UI as a manager
// would: the person picker, the folder dialog, the message, the note. Screenshots:
// test-output/screenshots/handover-*.png.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  copyWorkspace, ensureCodeServer, freePort, installVsix, makeSandbox, openBrowser, OUTPUT, removeSandbox, ROOT, startServer, stopServer, workbenchUrl,
} from '../../scripts/vscode-server.mjs';
import { workbenchUi } from './workbenchUi.mjs';

const SHOTS = join(OUTPUT, 'screenshots');
let sandbox;
let server;
let browser;
let page;
const { runCommand } = workbenchUi(() => page);

describe('Hand Over to a New Manager in the VS Code UI', function () {
  before(async function () {
    this.timeout(600_000);
    mkdirSync(SHOTS, { recursive: true });
    const entry = ensureCodeServer();
    sandbox = makeSandbox('gce-handover-');
    installVsix(entry, sandbox, join(ROOT, 'growth-conversations.vsix'));
    const workspace = copyWorkspace(sandbox);
    const port = await freePort();
    server = await startServer({ entry, sandbox, port, logName: 'handover-server' });
    browser = await openBrowser(sandbox, 'handover');
    page = browser.pages()[0] ?? await browser.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(workbenchUrl(port, workspace));
    await page.locator('.activitybar [aria-label^="Growth Conversations"]').first().waitFor({ timeout: 90_000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await page.screenshot({ path: join(SHOTS, 'handover-failed.png') }).catch(() => {});
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await stopServer(server);
    if (sandbox) removeSandbox(sandbox);
  });

  it('picks the person and the new manager\'s folder, says what it did, and opens the note (screenshots)', async function () {
    this.timeout(300_000);
    const target = join(sandbox, 'lee-novak-notes');
    mkdirSync(target);
    await runCommand('Growth: Hand Over to a New Manager');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Alex Morgan' }).first();
    await row.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'handover-pick.png') });
    await row.click();
    // VS Code's own folder dialog in the browser: a path typed into the quick input.
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget', { hasText: 'Hand Over Here' }).waitFor({ timeout: 30_000 });
    await input.fill(`${target}/`);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, 'handover-folder.png') });
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'Hand Over Here' }).first().click();
    const toast = page.locator('.notification-toast', { hasText: 'The handover note for Alex Morgan' });
    await toast.waitFor({ timeout: 120_000 });
    await page.screenshot({ path: join(SHOTS, 'handover-done.png') });
    const folder = join(target, 'alex-morgan');
    assert.ok(existsSync(folder));
    const [name] = readdirSync(folder);
    const text = readFileSync(join(folder, name), 'utf8');
    assert.match(text, /^personId: p-[0-9a-f]{16}$/m);
    assert.ok(!text.includes('flightRisk: medium'));
    await toast.locator('.monaco-button', { hasText: 'Open Note' }).click();
    await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(SHOTS, 'handover-note.png') });
  });
});
