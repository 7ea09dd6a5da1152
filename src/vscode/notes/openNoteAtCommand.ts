import * as vscode from 'vscode';
import { noteUri } from './workspaceNoteSource';
import { Command } from '../common/commandManager';
import { Commands } from '../common/ids';

/** Opens a note (by URI string) with the cursor on a line: what the rows of the cross-note views link to. */
export class OpenNoteAtCommand implements Command {
  readonly id = Commands.openNoteAt;

  async execute(path: unknown, line: unknown = 0): Promise<void> {
    if (typeof path !== 'string') return;
    const editor = await vscode.window.showTextDocument(noteUri(path));
    const target = Math.min(typeof line === 'number' ? line : 0, editor.document.lineCount - 1);
    editor.selection = new vscode.Selection(target, 0, target, 0);
    editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
