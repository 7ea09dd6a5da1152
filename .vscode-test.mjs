// The desktop host for the same integration suite, for a developer with VS Code desktop or internet:
//   npx vscode-test        (downloads VS Code 1.100.3 through @vscode/test-electron)
// Offline machines use `npm run test:integration`, which runs these same tests in code-server.
import { defineConfig } from '@vscode/test-cli';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const workspace = join(mkdtempSync(join(tmpdir(), 'growth-desktop-')), 'workspace');
cpSync('test/fixtures/sample-workspace', workspace, { recursive: true });

export default defineConfig({
  version: '1.100.3',
  files: 'out/test/integration/*.test.js',
  workspaceFolder: workspace,
  mocha: { ui: 'bdd', timeout: 20000 },
  env: { GIT_AUTHOR_NAME: 'Growth Test', GIT_AUTHOR_EMAIL: 'test@localhost', GIT_COMMITTER_NAME: 'Growth Test', GIT_COMMITTER_EMAIL: 'test@localhost' },
});
