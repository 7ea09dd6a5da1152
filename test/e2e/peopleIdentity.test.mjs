// The packaged extension's People view and Prepare pick on a person written two ways in their own
// folder (the sample's "Sam Lee", two more notes, the last "Samuel Lee"): one row, under the latest name,
// as reports count them.
// Screenshots: test-output/screenshots.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workbenchSession } from './workbenchSession.mjs';
import { workbenchUi } from './workbenchUi.mjs';

const session = workbenchSession();
const { screenshot } = session;
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
    await session.open({
      name: 'people', prefix: 'gce-people-', serverOptions: { settings: { 'growth.manager': 'Dana Reyes' } },
      copied: workspace => {
        const folder = join(workspace, 'growth-notes', 'sam-lee');
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, '2026-01-12.md'), note('Sam Lee', '2026-01-12'));
        writeFileSync(join(folder, '2026-06-03.md'), note('Samuel Lee', '2026-06-03', '2026-01-12.md'));
      },
    });
    page = session.page();
  });

  afterEach(async function () {
    await session.screenshotIfFailed(this.currentTest, 'failed-people');
  });

  after(session.close);

  it('shows "Sam Lee" and "Samuel Lee" of one folder as one People row under the latest name', async () => {
    await showOverviewContainer();
    for (const title of ['Themes', 'Action Items']) await setPaneExpanded(title, false);
    await setPaneExpanded('People', true);
    const people = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'People' }) });
    await people.locator('.monaco-list-row', { hasText: 'Samuel Lee' }).first().waitFor({ timeout: 30000 });
    await people.locator('.monaco-list-row', { hasText: 'Alex Morgan' }).first().waitFor({ timeout: 20000 });
    const rows = await people.locator('.monaco-list-row').allInnerTexts();
    assert.equal(rows.filter(text => /Sam(?:uel)? Lee/.test(text)).length, 1, rows.join(' | '));
    await screenshot('people-one-identity');
  });

  it('offers one "Samuel Lee" in the Prepare pick', async () => {
    await runCommand('Growth: Prepare');
    const list = page.locator('.quick-input-list');
    await list.locator('.monaco-list-row', { hasText: 'Samuel Lee' }).first().waitFor({ timeout: 15000 });
    const rows = await list.locator('.monaco-list-row').allInnerTexts();
    assert.equal(rows.filter(text => /Sam(?:uel)? Lee/.test(text)).length, 1, rows.join(' | '));
    await screenshot('prepare-one-identity');
    await list.locator('.monaco-list-row', { hasText: 'Samuel Lee' }).first().click();
    await page.locator('.view-lines', { hasText: '3 conversations in all' }).first().waitFor({ timeout: 20000 });
    await screenshot('prepare-brief-both-names');
  });
});
