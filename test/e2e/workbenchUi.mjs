// What the e2e tests do in the workbench as a person would, shared by every e2e file: each passes a
// function giving its current page (a test file opens its own browser).

/** The UI actions on the page `currentPage()` gives. */
export function workbenchUi(currentPage) {
  const page = () => currentPage();

  /** Runs a command through the command palette, retrying while contributions are still loading. */
  async function runCommand(title) {
    const input = page().locator('.quick-input-widget input');
    const row = page().locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    for (let attempt = 1; ; attempt++) {
      await page().keyboard.press('Escape');
      await page().keyboard.press('F1');
      await input.waitFor({ timeout: 15000 });
      await input.fill(`>${title}`);
      try {
        await row.waitFor({ timeout: 4000 });
        break;
      } catch (error) {
        if (attempt >= 8) throw error;
      }
    }
    await page().keyboard.press('Enter');
  }

  /** Opens a workspace file by name through Quick Open. */
  async function openFile(name) {
    await page().keyboard.press('Escape');
    await page().keyboard.press('F1');
    const input = page().locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10000 });
    await input.fill(name);
    await page().locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10000 });
    await page().keyboard.press('Enter');
    await page().locator('.tab.active', { hasText: name.split('/').pop() }).waitFor({ timeout: 10000 });
  }

  /** Opens the Growth container unless it is already showing (a second click would hide the sidebar). */
  async function showGrowthContainer() {
    const header = page().locator('.pane-header', { hasText: 'Question Guide' }).first();
    if (!(await header.isVisible())) await page().locator('.activitybar [aria-label^="Growth Conversations"]').first().click();
    await header.waitFor({ timeout: 20000 });
  }

  /** Opens the Growth Overview container (Themes, Action Items, People). */
  async function showOverviewContainer() {
    const header = page().locator('.pane-header', { hasText: 'Action Items' }).first();
    if (!(await header.isVisible())) await page().locator('.activitybar [aria-label^="Growth Overview"]').first().click();
    await header.waitFor({ timeout: 20000 });
  }

  /** Expands or collapses one view of a container by its title. */
  async function setPaneExpanded(title, expanded) {
    const header = page().locator('.pane-header', { hasText: title }).first();
    await header.waitFor({ timeout: 20000 });
    if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
  }

  /** The Current Question card's page (a webview: an iframe inside an iframe). */
  function card() {
    return page().frameLocator('iframe.webview.ready >> nth=0').frameLocator('#active-frame');
  }

  /** A row of the Question Guide by its text. */
  function guideRow(text) {
    return page().locator('.monaco-list-row[aria-label^="Question "]', { hasText: text }).first();
  }

  return { runCommand, openFile, showGrowthContainer, showOverviewContainer, setPaneExpanded, card, guideRow };
}
