// One workbench for an e2e file: a fresh sandbox with the packaged .vsix installed, code-server on a
// copy of the sample workspace, and headless Chromium on it; screenshots to test-output/screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  copyWorkspace, ensureCodeServer, freePort, installVsix, makeSandbox, openBrowser, OUTPUT, removeSandbox, ROOT, startServer, stopServer, workbenchUrl,
} from '../../scripts/vscode-server.mjs';

export const SHOTS = join(OUTPUT, 'screenshots');

/** The session's parts, filled by `open`; `page()` is what the UI helpers act on. */
export function workbenchSession() {
  const parts = { sandbox: undefined, server: undefined, browser: undefined, page: undefined, workspace: undefined, port: undefined };

  /**
   * Opens the workbench. `installed(sandbox)` runs once the .vsix is installed (to change the installed
   * copy), `copied(workspace)` once the sample workspace is copied (to add notes to it); `arrived(page,
   * url)` replaces the default arrival (go to the workbench, wait for the Growth icon).
   */
  async function open({ name, prefix, serverOptions = {}, installed, copied, arrived }) {
    mkdirSync(SHOTS, { recursive: true });
    const entry = ensureCodeServer();
    parts.sandbox = makeSandbox(prefix);
    installVsix(entry, parts.sandbox, join(ROOT, 'growth-conversations.vsix'));
    installed?.(parts.sandbox);
    parts.workspace = copyWorkspace(parts.sandbox);
    copied?.(parts.workspace);
    parts.port = await freePort();
    parts.server = await startServer({ entry, sandbox: parts.sandbox, port: parts.port, logName: `${name}-server`, ...serverOptions });
    parts.browser = await openBrowser(parts.sandbox, name);
    parts.page = parts.browser.pages()[0] ?? await parts.browser.newPage();
    const url = workbenchUrl(parts.port, parts.workspace);
    if (arrived) await arrived(parts.page, url);
    else {
      await parts.page.goto(url);
      await parts.page.locator('.activitybar [aria-label^="Growth Conversations"]').first().waitFor({ timeout: 90_000 });
    }
    return parts.workspace;
  }

  async function close() {
    await parts.browser?.close().catch(() => {});
    await stopServer(parts.server);
    if (parts.sandbox) removeSandbox(parts.sandbox);
  }

  async function screenshot(name) {
    await parts.page.screenshot({ path: join(SHOTS, `${name}.png`) });
  }

  /** A failed test leaves a picture of the screen, named for it. */
  async function screenshotIfFailed(test, prefix = 'failed') {
    if (test?.state === 'failed') await screenshot(`${prefix}-${test.title.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => {});
  }

  return { parts, page: () => parts.page, open, close, screenshot, screenshotIfFailed };
}
