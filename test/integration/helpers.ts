import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GrowthApi } from '../../src/extension';

export const EXTENSION_ID = 'growth-conversations.growth-conversations';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return folder.uri;
}

export function noteUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), 'growth-notes', relative);
}

export async function api(): Promise<GrowthApi> {
  const extension = vscode.extensions.getExtension<GrowthApi>(EXTENSION_ID);
  assert.ok(extension, 'the extension is installed');
  return extension.isActive ? extension.exports : extension.activate();
}

export async function openNote(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(noteUri(relative));
  return vscode.window.showTextDocument(document);
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

export function diagnosticsSummary(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === 'growth')
    .map(d => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${typeof d.code === 'object' ? d.code.value : d.code}`)
    .sort();
}

/** A diagnostic's code, whether plain or linked to its page. */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  return String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
}

/** The page a diagnostic's code links to, if any. */
export function codeTarget(diagnostic: vscode.Diagnostic): string | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.target.toString(true) : undefined;
}

/** Runs `work` with one growth setting changed in the workspace, then puts it back. */
export async function withSetting<T>(key: string, value: unknown, work: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration('growth');
  await config.update(key, value, vscode.ConfigurationTarget.Workspace);
  try {
    return await work();
  } finally {
    await config.update(key, undefined, vscode.ConfigurationTarget.Workspace);
  }
}

export async function closeAllEditors(): Promise<void> {
  // Each unsaved editor is reverted and closed by name: closing it otherwise asks "Do you want to save?",
  // which the test host refuses, so it stayed open whenever another editor (a preview) had the focus.
  for (const tab of vscode.window.tabGroups.all.flatMap(group => group.tabs)) {
    if (!tab.isDirty || !(tab.input instanceof vscode.TabInputText)) continue;
    await vscode.window.showTextDocument(tab.input.uri, { preview: false, viewColumn: tab.group.viewColumn });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function readFile(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** What the extension has written to its Growth output channel so far. */
export async function growthLogText(): Promise<string> {
  const { logFile } = await api();
  return readFile(logFile).catch(() => '');
}

/** Waits until the Growth output channel holds a line matching `pattern` (the log is written lazily). */
export async function waitForLogLine(pattern: RegExp, timeoutMs = 10000): Promise<string> {
  return waitFor(`a Growth log line matching ${pattern}`, async () => (await growthLogText()).split('\n').find(line => pattern.test(line)), timeoutMs);
}

/** The Themes view's row for a theme, as "label | description", or undefined when it is not shown. */
export async function themeRow(key: string): Promise<string | undefined> {
  const { themes } = (await api()).views;
  const rows = (await themes.getChildren()).map(item => `${themes.getTreeItem(item).label} | ${themes.getTreeItem(item).description}`);
  return rows.find(row => row.startsWith(`${key} |`));
}
