import * as vscode from 'vscode';
import { activateIn, GrowthApi } from './extension';

/**
 * The browser entry (package.json `browser`, built to dist/web/extension.js): the same extension in a
 * web worker, as vscode.dev and github.dev run it. Notes are read and written through the editor's
 * file system; what needs git says so and is hidden from the menus.
 */
export function activate(context: vscode.ExtensionContext): GrowthApi {
  return activateIn(context, 'web');
}

export function deactivate(): void {}
