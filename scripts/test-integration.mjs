// Runs the integration suite (test/integration) inside a real VS Code extension host, offline:
// code-server serves VS Code 1.100.3, headless Chromium opens the workbench with a payload naming the
// extension under development and the compiled tests. The extension host's exit code and mocha's
// counts come back here; any failure or a timeout exits non-zero.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import {
  copyWorkspace, ensureCodeServer, freePort, makeSandbox, markdownOnlyWorkspace, openBrowser, removeSandbox, ROOT, startServer, stopServer, workbenchUrl,
} from './vscode-server.mjs';

// The sandbox has its own empty HOME, so git needs an identity for the Commit Notes test.
const GIT_IDENTITY = { GIT_AUTHOR_NAME: 'Growth Test', GIT_AUTHOR_EMAIL: 'test@localhost', GIT_COMMITTER_NAME: 'Growth Test', GIT_COMMITTER_EMAIL: 'test@localhost' };
const ARCHIVE_WORKSPACE = join(ROOT, 'test/fixtures/archive-workspace');
// A guard against a hung host, not a target: the trusted suite types at a person's pace for about a minute.
const TIMEOUT_MS = Number(process.env.GROWTH_TEST_TIMEOUT_MS || 900_000);
const started = Date.now();
const say = text => console.log(`[integration +${((Date.now() - started) / 1000).toFixed(1)}s] ${text}`);

/**
 * A copy of the archive fixture on a read-only file system: a read-only bind mount where the machine
 * allows it (root ignores file modes), else read-only file modes. Returns the folder and how to undo it.
 */
function readOnlyArchive(sandbox) {
  const folder = join(sandbox, 'archive');
  cpSync(ARCHIVE_WORKSPACE, folder, { recursive: true });
  try {
    execFileSync('mount', ['--bind', folder, folder], { stdio: 'ignore' });
    execFileSync('mount', ['-o', 'remount,bind,ro', folder], { stdio: 'ignore' });
    return { folder, release: () => execFileSync('umount', [folder], { stdio: 'ignore' }) };
  } catch {
    try { execFileSync('umount', [folder], { stdio: 'ignore' }); } catch { /* was not mounted */ }
    const setModes = (path, writable) => {
      if (statSync(path).isDirectory()) readdirSync(path).forEach(name => setModes(join(path, name), writable));
      chmodSync(path, statSync(path).isDirectory() ? (writable ? 0o755 : 0o555) : (writable ? 0o644 : 0o444));
    };
    setModes(folder, false);
    return { folder, release: () => setModes(folder, true) };
  }
}

/**
 * The extension as shipped (manifest, bundles, media) copied into the sandbox with its pseudo-localised
 * bundles beside it (made by scripts/l10n.mjs, never committed), and a language pack for qps-ploc
 * registered the way VS Code's server looks for one: languagepacks.json in the user-data folder. The
 * pack's own translations are empty, so the workbench stays English; what matters is that VS Code
 * then runs in qps-ploc and hands that language to the extension host. (code-server 4.100.3 takes the
 * locale from --locale, else User/argv.json, else a cookie; without a language pack it falls back to en.)
 */
function pseudoLocalised(sandbox) {
  const extension = join(sandbox, 'extension');
  for (const part of ['package.json', 'package.nls.json', 'LICENSE', 'README.md', 'dist', 'media', 'schemas', 'snippets', 'l10n']) {
    cpSync(join(ROOT, part), join(extension, part), { recursive: true });
  }
  execFileSync(process.execPath, [join(ROOT, 'scripts/l10n.mjs'), '--pseudo', extension], { stdio: 'inherit' });
  const translations = join(sandbox, 'qps-ploc.i18n.json');
  writeFileSync(translations, JSON.stringify({ contents: {} }));
  writeFileSync(join(sandbox, 'user-data/languagepacks.json'), JSON.stringify({
    'qps-ploc': {
      hash: 'growth-pseudo', label: 'Pseudo', translations: { vscode: translations },
      // VS Code reads the pack's extension id from here (it fails on an empty list).
      extensions: [{ extensionIdentifier: { id: 'growth-conversations.pseudo-language-pack' }, version: '1.0.0' }],
    },
  }));
  // The display language, as the Configure Display Language command would write it (argv.json in User).
  writeFileSync(join(sandbox, 'user-data/User/argv.json'), JSON.stringify({ locale: 'qps-ploc' }));
  return extension;
}

/**
 * Runs the suite once in a fresh code-server; `restricted` leaves the workspace untrusted, `pseudo`
 * runs VS Code in the pseudo locale (qps-ploc) with only the *.pseudo.test suites, `quiet` opens a
 * documentation repository without notes with only the *.quiet.test suites.
 */
async function runSuite(entry, testsPath, restricted, pseudo = false, quiet = false) {
  const label = restricted ? 'integration (Restricted Mode)' : pseudo ? 'integration (pseudo-localised, qps-ploc)'
    : quiet ? 'integration (a Markdown workspace without notes)' : 'integration';
  const sandbox = makeSandbox('gci-');
  const extensionPath = pseudo ? pseudoLocalised(sandbox) : ROOT;
  const workspace = quiet ? markdownOnlyWorkspace(sandbox) : copyWorkspace(sandbox);
  const resultFile = join(sandbox, 'result.json');
  const port = await freePort();
  // The trusted run opens a workspace file, so tests can add a second folder without restarting the host.
  const withFile = !restricted && !quiet;
  const archive = withFile ? readOnlyArchive(sandbox) : undefined;
  const opened = withFile ? join(sandbox, 'growth.code-workspace') : workspace;
  if (withFile) writeFileSync(opened, JSON.stringify({ folders: [{ path: workspace }] }));
  let server;
  let browser;
  try {
    server = await startServer({
      entry, sandbox, port, trust: restricted, logName: restricted ? 'integration-restricted-server' : pseudo ? 'integration-pseudo-server' : quiet ? 'integration-quiet-server' : 'integration-server',
      env: {
        GROWTH_TEST_RESULT: resultFile, GROWTH_TEST_WORKSPACE: workspace, GROWTH_TEST_RESTRICTED: restricted ? '1' : '0', GROWTH_TEST_PSEUDO: pseudo ? '1' : '0',
        GROWTH_TEST_QUIET: quiet ? '1' : '0',
        GROWTH_TEST_ARCHIVE: archive?.folder ?? '', ...GIT_IDENTITY,
      },
      settings: restricted ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' } : {},
    });
    say(`VS Code 1.100.3 (code-server) on 127.0.0.1:${port}${restricted ? ', workspace not trusted' : ''}`);
    browser = await openBrowser(sandbox, 'integration');
    let finish;
    const exited = new Promise(r => { finish = r; });
    await browser.exposeFunction('codeAutomationExit', code => finish(code));
    await browser.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...args);
      if (!/ENOTFOUND open-vsx\.org/.test(line)) console.log(`  ${line}`);
    });
    const page = browser.pages()[0] ?? await browser.newPage();
    await page.goto(workbenchUrl(port, opened, [['extensionDevelopmentPath', extensionPath], ['extensionTestsPath', testsPath]]));
    say('workbench open; running the suite in the extension host');
    const code = await Promise.race([exited, new Promise(r => setTimeout(() => r('timeout'), TIMEOUT_MS))]);
    const stats = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
    say(`extension host exited with ${code}`);
    console.log(`${label}: ${stats?.passes ?? 0} passed, ${stats?.failures ?? (code === 0 ? 0 : 1)} failed${stats ? ` (${stats.duration} ms in the extension host)` : ''}`);
    // A run that passed nothing is a failure, unless a grep chose tests that live in the other suite.
    const ranEnough = stats?.passes > 0 || Boolean(process.env.GROWTH_TEST_GREP);
    return code === 0 && stats && stats.failures === 0 && ranEnough ? 0 : 1;
  } finally {
    await browser?.close().catch(() => {});
    await stopServer(server);
    archive?.release();
    removeSandbox(sandbox);
  }
}

async function main() {
  const entry = ensureCodeServer();
  const testsPath = join(ROOT, 'out/test/integration');
  if (!existsSync(join(testsPath, 'index.js'))) throw new Error('Build the tests first: node scripts/build.mjs --tests');
  if (process.argv.includes('--pseudo')) return runSuite(entry, testsPath, false, true);
  const trusted = await runSuite(entry, testsPath, false);
  const restricted = await runSuite(entry, testsPath, true);
  const quiet = await runSuite(entry, testsPath, false, false, true);
  return trusted || restricted || quiet;
}

main().then(code => process.exit(code), error => {
  console.error(error);
  console.log('integration: 0 passed, 1 failed');
  process.exit(1);
});
