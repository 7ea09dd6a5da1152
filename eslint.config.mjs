import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The core stays pure: no editor API and no file or network I/O, so it runs and is tested in plain Node.
const coreForbidden = ['vscode', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process',
  'http', 'https', 'net', 'tls', 'dns', 'node:http', 'node:https', 'node:net', 'node:tls', 'node:dns'];

/** The core's folders, lowest layer first: the path a note takes, from its text to what leaves it. */
const CORE_LAYERS = ['base', 'note', 'workspace', 'privacy', 'live', 'outputs'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.vscode-test/**', 'node_modules/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'Nothing is ever evaluated.' }],
    },
  },
  // The core's layers, lowest first: a folder imports only from folders before it, and only through
  // their public entry (index.ts), never from a file inside them.
  ...CORE_LAYERS.map((layer, at) => ({
    files: [`src/core/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        paths: coreForbidden.map(name => ({ name, message: 'src/core is pure: reach the editor and the disk through an interface.' })),
        patterns: [
          { regex: `^\\.\\./(${CORE_LAYERS.slice(at + 1).join('|') || '$^'})(/|$)`, message: `${layer} sits below ${CORE_LAYERS.slice(at + 1).join(', ')}: move the shared part down a layer.` },
          { regex: '^\\.\\./[^./][^/]*/.', message: 'Import another folder through its public entry (../folder), not a file inside it.' },
          { regex: '^\\.\\./\\.\\./(?!\\.\\./schemas/)', message: 'src/core reaches outside itself only for the JSON Schemas.' },
        ],
      }],
    },
  })),
  {
    // The editor side and the CLI reach the core through each folder's public entry.
    files: ['src/vscode/**/*.ts', 'src/cli/**/*.ts', 'src/extension.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: 'core/[^/]+/.', message: 'Import the core through a folder\'s public entry (core/note, core/outputs...).' }] }],
    },
  },
  {
    // A function is read at once: a longer one is a feature that wants a class or a file of its own.
    // A parser that reads better whole says why where it turns the rule off.
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60 }] },
  },
  {
    files: ['scripts/**/*.{js,mjs,cjs}', 'test/**/*.{js,mjs,cjs}', '.vscode-test.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/e2e/**/*.mjs'],
    languageOptions: { globals: { describe: 'readonly', it: 'readonly', before: 'readonly', after: 'readonly', beforeEach: 'readonly', afterEach: 'readonly' } },
  },
);
