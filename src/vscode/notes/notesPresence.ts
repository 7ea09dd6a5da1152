import * as vscode from 'vscode';
import { SKIPPED_FOLDERS_GLOB } from '../../core/base';
import { GROWTH_CONFIG_FILE } from '../../core/note';
import { rulesFor } from '../common/growthRules';

/** The configuration file the editor and the CLI share, at a workspace folder's root: its presence says the folder holds notes. */
const CONFIG_FILE = GROWTH_CONFIG_FILE;

/**
 * Whether a workspace folder holds growth notes, told without reading any note: the configuration
 * file at its root, or one Markdown file in its notes folder. The same signs as the manifest's
 * `workspaceContains` activation events, so a Markdown repository without notes stays untouched.
 */
export async function folderHoldsNotes(folder: vscode.WorkspaceFolder): Promise<boolean> {
  const config = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, CONFIG_FILE)).then(() => true, () => false);
  if (config) return true;
  const notesFolder = rulesFor(folder).rules.notesFolder;
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `${notesFolder}/**/*.md`), SKIPPED_FOLDERS_GLOB, 1);
  return found.length > 0;
}

/** Whether any folder of the workspace holds growth notes. */
export async function workspaceHoldsNotes(): Promise<boolean> {
  const answers = await Promise.all((vscode.workspace.workspaceFolders ?? []).map(folderHoldsNotes));
  return answers.some(Boolean);
}

/** Whether a file just created is a sign of notes: the configuration file, or a Markdown file in a notes folder. */
export function isSignOfNotes(uri: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return false;
  const relative = vscode.workspace.asRelativePath(uri, false);
  if (relative === CONFIG_FILE) return true;
  return relative.toLowerCase().endsWith('.md') && relative.startsWith(`${rulesFor(folder).rules.notesFolder}/`);
}
