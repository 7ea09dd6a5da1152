// `npm start`: builds the extension and opens it in a real VS Code on a copy of the sample workspace.
// Uses the desktop `code` CLI when there is one; otherwise serves VS Code (code-server) on 127.0.0.1
// and prints the URL to open in a browser. The copy lives in .vscode-test/, so the fixtures stay as they are.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer, freePort, makeSandbox, ROOT, SAMPLE_WORKSPACE, startServer, stopServer, workbenchUrl } from './vscode-server.mjs';

execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
const workspace = join(ROOT, '.vscode-test/sample-workspace');
if (!existsSync(workspace)) {
  mkdirSync(join(ROOT, '.vscode-test'), { recursive: true });
  cpSync(SAMPLE_WORKSPACE, workspace, { recursive: true });
}

// On Windows `code` is a .cmd script, which only a shell can start.
const shell = process.platform === 'win32';
const hasDesktop = spawnSync('code', ['--version'], { stdio: 'ignore', shell }).status === 0 && !process.env.GROWTH_USE_CODE_SERVER;
if (hasDesktop) {
  // Through a shell, a path with spaces must be quoted.
  const arg = path => (shell ? `"${path}"` : path);
  execFileSync('code', ['--extensionDevelopmentPath', arg(ROOT), arg(workspace)], { stdio: 'inherit', shell });
} else {
  const entry = ensureCodeServer();
  const sandbox = makeSandbox('gcs-');
  const port = Number(process.env.PORT) || await freePort();
  const server = await startServer({ entry, sandbox, port, logName: 'start-server', settings: { 'growth.manager': 'Dana Reyes' } });
  console.log('\nGrowth Conversations is running in VS Code (code-server, local only). Open this URL in a browser:\n');
  console.log(`  ${workbenchUrl(port, workspace, [['extensionDevelopmentPath', ROOT]])}\n`);
  console.log('The sample notes are in .vscode-test/sample-workspace. Press Ctrl+C to stop.');
  const stop = async () => { await stopServer(server); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (process.env.GROWTH_START_SMOKE) {
    // Used to check `npm start` itself: load the page once, then stop.
    const response = await fetch(workbenchUrl(port, workspace, [['extensionDevelopmentPath', ROOT]]));
    console.log(`smoke: workbench answered ${response.status}`);
    await stop();
  }
}
