import * as vscode from 'vscode';
import { bytesDeclareGrowthNote } from '../core/frontmatter';
import { logRefusal } from './growthLog';
import { growthSettings } from './settings';
import { trustedOrExplain } from './trust';

/** A file in the export folder (the setting), outside the notes: where reports and digests are offered. */
export function exportUri(name: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, growthSettings(folder.uri).exportFolder, name) : undefined;
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
