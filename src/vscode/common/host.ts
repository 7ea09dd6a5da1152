/**
 * Where the extension runs, as its entry point says: a Node extension host (desktop VS Code,
 * code-server, Codespaces: `dist/extension.js`), or a browser's web worker (vscode.dev, github.dev:
 * `dist/web/extension.js`), where notes are read and written through the editor but git and the
 * local disk cannot be reached.
 */
export type ExtensionHost = 'node' | 'web';
