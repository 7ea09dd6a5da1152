import * as vscode from 'vscode';
import { Commands } from './ids';

/** What a tree row runs when clicked: open the note (a URI string) with the cursor on `line`. */
export function linkToNoteLine(path: string, line: number): vscode.Command {
  return { command: Commands.openNoteAt, title: vscode.l10n.t('Open Note'), arguments: [path, line] };
}
