import * as vscode from 'vscode';
import { WriteAction } from './writeActions';
import { mayHoldGrowthNote } from '../../core/note';
import { logFailure, logRefusal } from './growthLog';
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

/** How replacing an existing file was agreed: by the save dialog (which asks), or to be asked here. */
export interface ReplaceConsent {
  /** The manager already agreed: the save dialog asked, or a caller answered for them (tests, scripts). */
  readonly confirmed?: boolean;
}

/**
 * Writes what the manager chose to export, never over a growth note, and over another existing file only
 * once the manager agreed (asked here unless the save dialog already asked): the content goes to a new
 * file beside the target first, and replaces the target only if it is still not a note (a file that did
 * not exist must still not exist). False when refused or when the write failed; either is said and logged.
 */
export async function writeExport(action: WriteAction, target: vscode.Uri, content: string, consent: ReplaceConsent = {}): Promise<boolean> {
  if (!trustedOrExplain(action)) return false;
  const refuseNote = () => {
    logRefusal(action.log, 'the chosen file is a growth note', target);
    void vscode.window.showWarningMessage(vscode.l10n.t('That file is a growth note, and an export never replaces a note. Nothing was saved; choose another name.'));
    return false;
  };
  const existing = await vscode.workspace.fs.readFile(target).then(bytes => bytes, () => undefined);
  if (existing && mayHoldGrowthNote(existing)) return refuseNote();
  const existed = existing !== undefined;
  if (existed && !consent.confirmed && !(await agreesToReplace(target))) {
    logRefusal(action.log, 'the chosen file exists and was not to be replaced', target);
    return false;
  }
  const stamp = `${Date.now()}`;
  const temporary = vscode.Uri.joinPath(target, '..', `.${target.path.split('/').pop()}.${stamp}.new`);
  const aside = vscode.Uri.joinPath(target, '..', `.${target.path.split('/').pop()}.${stamp}.old`);
  try {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(content)); // replaces on purpose: a fresh temporary name of ours; the target is reached only by a rename that never overwrites
    if (existed) {
      // The old file is moved aside and checked again: a note moved in at the last moment goes back, never lost.
      await vscode.workspace.fs.rename(target, aside, { overwrite: false });
      if (mayHoldGrowthNote(await vscode.workspace.fs.readFile(aside))) {
        await vscode.workspace.fs.rename(aside, target, { overwrite: false });
        await vscode.workspace.fs.delete(temporary);
        return refuseNote();
      }
    }
    await vscode.workspace.fs.rename(temporary, target, { overwrite: false });
    if (existed) await vscode.workspace.fs.delete(aside);
    return true;
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    logFailure(action.log, error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was saved: {0} could not be written there. Choose another folder.', target.path.split('/').pop() ?? ''));
    return false;
  }
}

/** Asks, in a dialog, before a file that is not a note is replaced. */
async function agreesToReplace(target: vscode.Uri): Promise<boolean> {
  const replace = vscode.l10n.t('Replace');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already exists. Replace it?', target.path.split('/').pop() ?? ''), { modal: true, detail: vscode.l10n.t('Nothing is saved unless you choose Replace.') }, replace);
  return answer === replace;
}

/**
 * Closes an unsaved document that was just saved elsewhere, without the "save changes?" prompt: an
 * emptied untitled document bound to no path (`openUntitledMarkdown`) has nothing to save, and its tabs
 * close wherever they are.
 */
export async function closeUnsaved(document: vscode.TextDocument): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.delete(document.uri, new vscode.Range(0, 0, document.lineCount, 0));
  await vscode.workspace.applyEdit(edit);
  const tabs = vscode.window.tabGroups.all.flatMap(group => group.tabs)
    .filter(tab => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === document.uri.toString());
  await vscode.window.tabGroups.close(tabs);
}
