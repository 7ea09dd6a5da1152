import * as vscode from 'vscode';
import { Command } from '../common/commandManager';
import { WriteActions } from '../common/writeActions';
import { today } from '../../core/base';
import { setFrontmatterField } from '../../core/live';
import { toTextEdits } from '../common/adapters';
import { Commands } from '../common/ids';
import { analyzeDocument, isGrowthDocument } from '../notes/noteAnalysis';
import { activeScript } from '../notes/questionScripts';
import { applyNoteEditAt } from '../common/noteEdits';
import { trustedOrExplain } from '../common/trust';

/** "Mark as Shared": records the day the copy went to the person. */
export class MarkSharedCommand implements Command {
  readonly id = Commands.markShared;

  execute(uri?: unknown, day?: unknown): Promise<boolean> {
    return markShared(uri instanceof vscode.Uri ? uri : undefined, typeof day === 'string' ? day : undefined);
  }
}

/** Sets `sharedOn` (today by default) in the note, touching nothing else in its frontmatter. */
export async function markShared(uri?: vscode.Uri, day = today()): Promise<boolean> {
  if (!trustedOrExplain(WriteActions.markShared)) return false;
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || !isGrowthDocument(document)) return false;
  const { script } = await activeScript(vscode.workspace.getWorkspaceFolder(document.uri));
  // From here to the edit nothing is awaited: the field is found in the text of this very version.
  const version = document.version;
  const change = setFrontmatterField(analyzeDocument(document, script), 'sharedOn', day);
  if (!change) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Fix the frontmatter first: {0} could not be set safely.', 'sharedOn'));
    return false;
  }
  return applyNoteEditAt(WriteActions.markShared, document, version, toTextEdits([change]));
}
