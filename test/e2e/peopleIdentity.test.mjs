// The packaged extension's People view and Prepare pick on a person written two ways in their own
// folder (the sample's "Sam Lee", two more notes, the last "Samuel Lee"): one row, under the latest name,
// as reports count them.
// Screenshots: test-output/screenshots.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
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
const { runCommand, showOverviewContainer, setPaneExpanded } = workbenchUi(() => page);

/** A growth note for `person` on `date`, with one answer and one open action. */
function note(person, date, previous) {
  return ['---', 'type: growth-conversation', `person: ${person}`, `date: ${date}`, 'manager: Dana Reyes', 'team: Payments',
    ...(previous ? [`previous: ${previous}`] : []), '---', '', `# Growth conversation: ${person}`, '',
    '## 1. How are you doing? How is work? <!-- growth:checkin -->', 'Busy but fine.', '',
    '## Next steps <!-- growth:next-steps -->', `- [ ] Book the course (${date}) @dana due:2099-01-01`, ''].join('\n');
}

describe('the People view and Prepare count a person as reports do', function () {
  before(async function () {
    this.timeout(600_000);
    mkdirSync(SHOTS, { recursive: true });
    const entry = ensureCodeServer();
    sandbox = makeSandbox('gce-people-');
    installVsix(entry, sandbox, join(ROOT, 'growth-conversations.vsix'));
    const workspace = copyWorkspace(sandbox);
    const folder = join(workspace, 'growth-notes', 'sam-lee');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '2026-01-12.md'), note('Sam Lee', '2026-01-12'));
    writeFileSync(join(folder, '2026-06-03.md'), note('Samuel Lee', '2026-06-03', '2026-01-12.md'));
    const port = await freePort();
    server = await startServer({ entry, sandbox, port, logName: 'e2e-people-server', settings: { 'growth.manager': 'Dana Reyes' } });
    browser = await openBrowser(sandbox, 'people');
    page = browser.pages()[0] ?? await browser.newPage();
    await page.goto(workbenchUrl(port, workspace));
    await page.locator('.activitybar [aria-label^="Growth Conversations"]').first().waitFor({ timeout: 90_000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await page.screenshot({ path: join(SHOTS, `failed-people-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}.png`) }).catch(() => {});
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await stopServer(server);
    if (sandbox) removeSandbox(sandbox);
  });

  it('shows "Sam Lee" and "Samuel Lee" of one folder as one People row under the latest name', async () => {
    await showOverviewContainer();
    for (const title of ['Themes', 'Action Items']) await setPaneExpanded(title, false);
    await setPaneExpanded('People', true);
    const people = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'People' }) });
    await people.locator('.monaco-list-row', { hasText: 'Samuel Lee' }).first().waitFor({ timeout: 30000 });
    await people.locator('.monaco-list-row', { hasText: 'Alex Morgan' }).first().waitFor({ timeout: 20000 });
    const rows = await people.locator('.monaco-list-row').allInnerTexts();
    assert.equal(rows.filter(text => /Sam(?:uel)? Lee/.test(text)).length, 1, rows.join(' | '));
    await page.screenshot({ path: join(SHOTS, 'people-one-identity.png') });
  });

  it('offers one "Samuel Lee" in the Prepare pick', async () => {
    await runCommand('Growth: Prepare');
    const list = page.locator('.quick-input-list');
    await list.locator('.monaco-list-row', { hasText: 'Samuel Lee' }).first().waitFor({ timeout: 15000 });
    const rows = await list.locator('.monaco-list-row').allInnerTexts();
    assert.equal(rows.filter(text => /Sam(?:uel)? Lee/.test(text)).length, 1, rows.join(' | '));
    await page.screenshot({ path: join(SHOTS, 'prepare-one-identity.png') });
    await list.locator('.monaco-list-row', { hasText: 'Samuel Lee' }).first().click();
    await page.locator('.view-lines', { hasText: '3 conversations in all' }).first().waitFor({ timeout: 20000 });
    await page.screenshot({ path: join(SHOTS, 'prepare-brief-both-names.png') });
  });
});
