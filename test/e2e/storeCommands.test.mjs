// Hand Over to a New Manager in the packaged extension, driven through the VS Code UI as a manager
// would: the person picker, the folder dialog, the message, the note. Screenshots:
// test-output/screenshots/handover-*.png.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workbenchSession } from './workbenchSession.mjs';
import { workbenchUi } from './workbenchUi.mjs';

const session = workbenchSession();
const { screenshot } = session;
const page = () => session.page();
const { runCommand } = workbenchUi(page);

describe('Hand Over to a New Manager in the VS Code UI', function () {
  before(async function () {
    this.timeout(600_000);
    await session.open({ name: 'handover', prefix: 'gce-handover-' });
    await page().setViewportSize({ width: 1400, height: 900 });
  });

  afterEach(async function () {
    await session.screenshotIfFailed(this.currentTest, 'handover-failed');
  });

  after(() => session.close());

  it('picks the person and the new manager\'s folder, says what it did, and opens the note (screenshots)', async function () {
    this.timeout(300_000);
    const target = join(session.parts.sandbox, 'lee-novak-notes');
    mkdirSync(target);
    await runCommand('Growth: Hand Over to a New Manager');
    const row = page().locator('.quick-input-list .monaco-list-row', { hasText: 'Alex Morgan' }).first();
    await row.waitFor({ timeout: 30_000 });
    await screenshot('handover-pick');
    await row.click();
    // VS Code's own folder dialog in the browser: a path typed into the quick input.
    const input = page().locator('.quick-input-widget input');
    await page().locator('.quick-input-widget', { hasText: 'Hand Over Here' }).waitFor({ timeout: 30_000 });
    // The dialog puts the workspace's path into its input once it has listed it: on a loaded machine that
    // can come after a path typed early, and the two run together. Type once it is there, and check.
    for (let waited = 0; (await input.inputValue()) === '' && waited < 30_000; waited += 250) await page().waitForTimeout(250);
    for (let attempt = 1; ; attempt++) {
      await input.fill(`${target}/`);
      await page().waitForTimeout(500);
      if ((await input.inputValue()) === `${target}/`) break;
      assert.ok(attempt < 5, `the folder input reads ${await input.inputValue()}`);
    }
    await screenshot('handover-folder');
    await page().locator('.quick-input-widget .monaco-button', { hasText: 'Hand Over Here' }).first().click();
    const toast = page().locator('.notification-toast', { hasText: 'The handover note for Alex Morgan' });
    await toast.waitFor({ timeout: 120_000 });
    await screenshot('handover-done');
    const folder = join(target, 'alex-morgan');
    assert.ok(existsSync(folder));
    const [name] = readdirSync(folder);
    const text = readFileSync(join(folder, name), 'utf8');
    assert.match(text, /^personId: p-[0-9a-f]{16}$/m);
    assert.ok(!text.includes('flightRisk: medium'));
    await toast.locator('.monaco-button', { hasText: 'Open Note' }).click();
    await page().locator('.tab.active', { hasText: name }).waitFor({ timeout: 30_000 });
    await page().locator('.editor-group-container.active .view-lines', { hasText: 'Handover: Alex Morgan' }).first().waitFor({ timeout: 30_000 });
    await screenshot('handover-note');
  });
});
