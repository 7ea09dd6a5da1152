// A real VS Code (code-server 4.100.3 = VS Code 1.100.3) on 127.0.0.1, and headless Debian Chromium to
// drive its workbench. Shared by the integration runner, the e2e suite and `npm start`.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = join(ROOT, 'test-output');
export const SAMPLE_WORKSPACE = join(ROOT, 'test/fixtures/sample-workspace');

/** Installs the Debian packages and code-server when missing; returns code-server's entry script. */
export function ensureCodeServer() {
  // Say plainly why this step cannot run here, and what runs instead, rather than failing inside an install.
  if (process.platform !== 'linux') {
    throw new Error(`The offline VS Code host (code-server with Debian's Chromium) runs on Linux only. On ${process.platform}, run the same integration suite with npm run test:desktop (VS Code desktop through @vscode/test-electron).`);
  }
  if (process.versions.node.split('.')[0] !== '20') {
    throw new Error(`code-server 4.100.3 runs only on Node 20, and this is Node ${process.versions.node}. Switch with nvm use (see .nvmrc), or run npm run test:desktop.`);
  }
  const entry = execFileSync('bash', [join(ROOT, 'scripts/ensure-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return entry.trim().split('\n').pop();
}

/** A short temp folder: the extension host puts sockets in TMPDIR, whose paths must stay under 108 characters. */
export function makeSandbox(prefix) {
  const sandbox = mkdtempSync(join(tmpdir(), prefix));
  for (const sub of ['home', 't', 'user-data/User', 'extensions']) mkdirSync(join(sandbox, sub), { recursive: true });
  return sandbox;
}

/** Copies a fixture workspace, so tests can write to it freely. */
export function copyWorkspace(sandbox, source = SAMPLE_WORKSPACE) {
  const target = join(sandbox, 'workspace');
  cpSync(source, target, { recursive: true });
  return target;
}

/**
 * A documentation repository with no growth notes: `count` ordinary Markdown files (some with their own
 * frontmatter) in nested folders and a README. The extension must leave it alone.
 */
export function markdownOnlyWorkspace(sandbox, count = 2000) {
  const target = join(sandbox, 'docs-workspace');
  for (let i = 0; i < count; i++) {
    const folder = join(target, 'docs', `part-${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    const head = i % 3 === 0 ? `---\ntitle: Page ${i}\ntags: [docs]\n---\n` : '';
    writeFileSync(join(folder, `page-${i}.md`), `${head}# Page ${i}\n\nSome text about #topic-${i % 7}, with a [link](page-${i + 1}.md).\n`);
  }
  writeFileSync(join(target, 'README.md'), '# A documentation repository\n\nNo growth notes here.\n');
  return target;
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

function serverEnvironment(sandbox, extra) {
  return {
    ...process.env,
    HOME: join(sandbox, 'home'), TMPDIR: join(sandbox, 't'),
    XDG_DATA_HOME: join(sandbox, 'xdg-data'), XDG_CONFIG_HOME: join(sandbox, 'xdg-config'),
    ...extra,
  };
}

/** Installs a packaged .vsix into the sandbox's extensions folder, as a user would. */
export function installVsix(entry, sandbox, vsix) {
  execFileSync(process.execPath, [entry, '--extensions-dir', join(sandbox, 'extensions'), '--user-data-dir', join(sandbox, 'user-data'),
    '--install-extension', vsix], { env: serverEnvironment(sandbox, {}), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts code-server and resolves once /healthz answers. `settings` go into the user settings. */
export async function startServer({ entry, sandbox, port, env = {}, settings = {}, trust = false, logName = 'server' }) {
  writeFileSync(join(sandbox, 'user-data/User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none',
    'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'workbench.enableExperiments': false,
    'workbench.tips.enabled': false, 'git.openRepositoryInParentFolders': 'never', 'chat.commandCenter.enabled': false,
    // The web build saves after a delay by default; desktop VS Code does not. The tests check what an
    // edit leaves unsaved, so they run with the desktop's default, and a slow machine cannot save in between.
    'files.autoSave': 'off',
    'security.workspace.trust.enabled': trust, ...settings,
  }, null, 2));
  writeFileSync(join(sandbox, 'config.yaml'), 'auth: none\ncert: false\n');
  const args = [entry, '--config', join(sandbox, 'config.yaml'), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', join(sandbox, 'user-data'), '--extensions-dir', join(sandbox, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', '--ignore-last-opened', '--disable-proxy'];
  if (!trust) args.push('--disable-workspace-trust');
  mkdirSync(OUTPUT, { recursive: true });
  const server = spawn(process.execPath, args, { env: serverEnvironment(sandbox, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(join(OUTPUT, `${logName}.log`));
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  let exitCode = null;
  server.on('exit', code => { exitCode = code; });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exitCode !== null) throw new Error(`code-server exited early (${exitCode}); see test-output/${logName}.log`);
    if (Date.now() > deadline) { stopServer(server); throw new Error('code-server did not start within 60 s'); }
    try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break; } catch { /* not listening yet */ }
    await new Promise(r => setTimeout(r, 150));
  }
  return server;
}

export async function stopServer(server) {
  if (!server || server.exitCode !== null) return;
  const gone = new Promise(r => server.once('exit', r));
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  const stopped = await Promise.race([gone.then(() => true), new Promise(r => setTimeout(() => r(false), 5000))]);
  if (!stopped) try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ }
}

/** The workbench URL; `payload` entries ending in Path are turned into vscode-remote URIs. */
export function workbenchUrl(port, folder, payload = []) {
  const authority = `127.0.0.1:${port}`;
  const entries = [...payload, ['skipWelcome', 'true']].map(([key, value]) => [key, key.endsWith('Path') ? `vscode-remote://${authority}${value}` : value]);
  const opens = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
  return `http://${authority}/?${opens}=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(entries))}`;
}

/** Headless Debian Chromium; playwright-core never downloads a browser. */
export async function openBrowser(sandbox, name) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(join(sandbox, `chrome-${name}`), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    env: { ...process.env, HOME: join(sandbox, 'home') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export function removeSandbox(sandbox) {
  if (!process.env.GROWTH_KEEP_SANDBOX) rmSync(sandbox, { recursive: true, force: true });
}
