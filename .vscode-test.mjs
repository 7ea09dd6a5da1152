// The desktop host for the same integration suite, for a developer with VS Code desktop or internet:
//   npx vscode-test        (downloads VS Code 1.100.3 through @vscode/test-electron)
// Offline machines use `npm run test:integration`, which runs these same tests in code-server.
// The Restricted Mode and pseudo-localised suites need a host set up for them, so only that harness runs them.
import { defineConfig } from '@vscode/test-cli';
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markdownOnlyWorkspace } from './scripts/vscode-server.mjs';

const sandbox = mkdtempSync(join(tmpdir(), 'growth-desktop-'));
const workspace = join(sandbox, 'workspace');
cpSync('test/fixtures/sample-workspace', workspace, { recursive: true });
const compiled = 'out/test/integration';
const suites = existsSync(compiled) ? readdirSync(compiled).filter(name => name.endsWith('.test.js')) : [];
const ofKind = kind => suites.filter(name => (kind ? name.endsWith(`.${kind}.test.js`) : !/\.(restricted|pseudo|quiet)\.test\.js$/.test(name))).map(name => `${compiled}/${name}`);
const common = {
  version: '1.100.3',
  mocha: { ui: 'bdd', timeout: 20000 },
  env: { GIT_AUTHOR_NAME: 'Growth Test', GIT_AUTHOR_EMAIL: 'test@localhost', GIT_COMMITTER_NAME: 'Growth Test', GIT_COMMITTER_EMAIL: 'test@localhost' },
};

export default defineConfig([
  { ...common, label: 'notes', files: ofKind(undefined), workspaceFolder: workspace },
  // A documentation repository without notes: the extension must stay out of the way.
  { ...common, label: 'quiet', files: ofKind('quiet'), workspaceFolder: markdownOnlyWorkspace(sandbox), env: { ...common.env, GROWTH_TEST_QUIET: '1' } },
]);
