// Writes test/fixtures/vscode-default-keys/<os>.txt: every key VS Code 1.100.3 binds by default on Linux,
// macOS and Windows, one per line with modifiers sorted, so a unit test can check that the extension's
// keybindings shadow none. The workbench in the browser binds keys for the system its user agent names,
// so one code-server opened three times, as three systems, gives all three lists.
// Run after moving to a new VS Code: node scripts/default-keybindings.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { copyWorkspace, ensureCodeServer, freePort, makeSandbox, removeSandbox, ROOT, startServer, stopServer, workbenchUrl } from './vscode-server.mjs';

const AGENTS = {
  linux: undefined,
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  windows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
};
// Runs in the extension host: opens the default keybindings and saves their text.
const PROBE = `const vscode = require('vscode');
exports.run = async () => {
  await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
  for (let i = 0; i < 100; i++) {
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString().includes('keybindings'));
    if (doc && doc.getText().length > 1000) return require('fs').writeFileSync(process.env.KEYS_OUT, doc.getText());
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error('The default keybindings did not open.');
};`;

const sortKey = key => key.split(' ').map(part => part.split('+').sort().join('+')).join(' ');
const entry = ensureCodeServer();
const target = join(ROOT, 'test/fixtures/vscode-default-keys');
mkdirSync(target, { recursive: true });
for (const [os, userAgent] of Object.entries(AGENTS)) {
  const sandbox = makeSandbox('gkb-');
  const probe = join(sandbox, 'probe');
  mkdirSync(probe);
  writeFileSync(join(probe, 'index.js'), PROBE);
  const out = join(sandbox, `${os}.json`);
  const port = await freePort();
  const server = await startServer({ entry, sandbox, port, env: { KEYS_OUT: out }, logName: 'default-keybindings' });
  const browser = await chromium.launchPersistentContext(join(sandbox, 'chrome'), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, userAgent,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    let finish;
    const exited = new Promise(resolve => { finish = resolve; });
    await browser.exposeFunction('codeAutomationExit', code => finish(code));
    await browser.exposeFunction('codeAutomationLog', () => {});
    const page = browser.pages()[0] ?? await browser.newPage();
    await page.goto(workbenchUrl(port, copyWorkspace(sandbox), [['extensionDevelopmentPath', ROOT], ['extensionTestsPath', probe]]));
    if (await Promise.race([exited, new Promise(resolve => setTimeout(() => resolve('timeout'), 90_000))]) !== 0) throw new Error(`No keybindings for ${os}`);
    const keys = new Set([...readFileSync(out, 'utf8').matchAll(/\{ "key": "([^"]+)",\s+"command": "([^"]+)"/g)]
      .filter(([, , command]) => !command.startsWith('growth.') && !command.startsWith('-')).map(([, key]) => sortKey(key)));
    writeFileSync(join(target, `${os}.txt`), `${[...keys].sort().join('\n')}\n`);
    console.log(`${os}: ${keys.size} default keys`);
  } finally {
    await browser.close();
    await stopServer(server);
    removeSandbox(sandbox);
  }
}
