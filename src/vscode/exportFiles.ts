import * as vscode from 'vscode';
import { bytesDeclareGrowthNote } from '../core/frontmatter';
import { logRefusal } from './growthLog';
import { growthSettings } from './settings';
import { trustedOrExplain } from './trust';

/**
 * A file in the export folder (the setting), outside the notes: where copies, reports and digests are
 * offered. The folder is that of the workspace folder holding `near`, else the first one.
 */
export function exportUri(name: string, near?: vscode.Uri): vscode.Uri | undefined {
  const folder = (near && vscode.workspace.getWorkspaceFolder(near)) || vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, growthSettings(folder.uri).exportFolder, name) : undefined;
}

/** The location itself when nothing is there yet, else the first free `name-2.md`, `name-3.md`… beside it. */
export async function freeName(location: vscode.Uri): Promise<vscode.Uri> {
  let candidate = location;
  for (let n = 2; await vscode.workspace.fs.stat(candidate).then(() => true, () => false); n++) {
    candidate = vscode.Uri.joinPath(location, '..', location.path.split('/').pop()!.replace(/(\.[^.]+)$/, `-${n}$1`));
  }
  return candidate;
}

/** Writes what the manager chose to export; never over a growth note. False when refused. */
export async function writeExport(action: string, target: vscode.Uri, content: string): Promise<boolean> {
  if (!trustedOrExplain(action)) return false;
  const existing = await vscode.workspace.fs.readFile(target).then(bytes => bytes, () => undefined);
  if (existing && bytesDeclareGrowthNote(existing)) {
    logRefusal(action, 'the chosen file is a growth note', target);
    void vscode.window.showWarningMessage('That file is a growth note, and an export never replaces a note. Nothing was saved; choose another name.');
    return false;
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  return true;
}

/**
 * Closes an unsaved document that was just saved elsewhere, without the "save changes?" prompt: an
 * emptied untitled document has nothing to save, and its tabs close wherever they are.
 */
export async function closeUnsaved(document: vscode.TextDocument): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.delete(document.uri, new vscode.Range(0, 0, document.lineCount, 0));
  await vscode.workspace.applyEdit(edit);
  const tabs = vscode.window.tabGroups.all.flatMap(group => group.tabs)
    .filter(tab => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === document.uri.toString());
  await vscode.window.tabGroups.close(tabs);
}
