import * as vscode from 'vscode';
import { decodeReturnedBytes, msg } from '../../core/base';
import { matchReturnedPreread, planTheirWords, unplacedNotes } from '../../core/live';
import { Command } from '../common/commandManager';
import { logRefusal } from '../common/growthLog';
import { readRegularBytes } from '../common/noteFiles';
import { trustedOrExplain } from '../common/trust';
import { WriteActions } from '../common/writeActions';
import { applyNoteEdit } from '../common/noteEdits';
import { Commands } from '../common/ids';
import { isGrowthDocument } from '../notes/noteAnalysis';
import { activeScript } from '../notes/questionScripts';

/** A returned pre-read is a page or two of text: anything larger is not one. */
const MAX_RETURNED_BYTES = 1024 * 1024;

/** What a caller (a test, a script) may pass instead of answering the command's questions. */
export interface ImportPrereadArgs {
  /** The file the person sent back; asked for when missing. */
  readonly file?: vscode.Uri;
  /** The note to put their words in; the active editor's note by default. */
  readonly note?: vscode.Uri;
}

/** What the import did, for the caller: how many answers went in, and what was said about the rest. */
export interface ImportPrereadResult {
  readonly inserted: number;
  readonly found: number;
  readonly notes: readonly string[];
  readonly encoding: string;
}

/**
 * "Growth: Import Pre-read": the person's answers go into the note under each question, as their
 * words, above what the manager wrote. An edit through the editor (undoable, unsaved until saved) that
 * only inserts; refused when the note changed while the file was read.
 */
export class ImportPrereadCommand implements Command {
  readonly id = Commands.importPreread;

  async execute(given?: unknown): Promise<ImportPrereadResult | undefined> {
    const options: ImportPrereadArgs = given instanceof vscode.Uri ? { file: given } : (given && typeof given === 'object' ? given as ImportPrereadArgs : {});
    if (!trustedOrExplain(WriteActions.importPreread)) return undefined;
    const document = options.note ? await vscode.workspace.openTextDocument(options.note) : vscode.window.activeTextEditor?.document;
    if (!document || !isGrowthDocument(document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open the note of the conversation first: the pre-read goes into it.'));
      return undefined;
    }
    const file = options.file ?? (await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Import the pre-read the person sent back'), canSelectMany: false, openLabel: vscode.l10n.t('Import'),
      filters: { [vscode.l10n.t('Text and Markdown')]: ['md', 'txt', 'markdown', 'eml'], [vscode.l10n.t('Any file')]: ['*'] },
    }))?.[0];
    if (!file) return undefined;
    const bytes = await readRegularBytes(file, MAX_RETURNED_BYTES);
    if (!bytes) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} could not be read as a pre-read: it is missing, not a file, or larger than 1 MB.', file.path.split('/').pop() ?? ''));
      return undefined;
    }
    const { text: returned, encoding } = decodeReturnedBytes(bytes);
    const { script } = await activeScript(vscode.workspace.getWorkspaceFolder(document.uri));
    const version = document.version;
    const match = matchReturnedPreread(returned, script);
    const plan = planTheirWords(document.getText(), match.placed, script);
    if (plan.refused) {
      logRefusal(WriteActions.importPreread.log, 'the note cannot take their words safely', document.uri);
      await vscode.window.showWarningMessage(vscode.l10n.t('Nothing was imported. {0}', plan.refused), { modal: true });
      return undefined;
    }
    const notes = [...unplacedNotes(match), ...plan.notes];
    if (plan.insertions.length > 0) {
      if (document.version !== version) {
        logRefusal(WriteActions.importPreread.log, 'the note changed while the pre-read was read', document.uri);
        void vscode.window.showWarningMessage(vscode.l10n.t('Nothing was imported: the note changed meanwhile. Try again.'));
        return undefined;
      }
      const edit = new vscode.WorkspaceEdit();
      for (const insertion of plan.insertions) edit.insert(document.uri, document.positionAt(insertion.offset), insertion.text);
      if (!(await applyNoteEdit(WriteActions.importPreread, document.uri, edit))) return undefined;
    }
    const summary = match.placed.length === 0 ? msg('preread.nothing') : msg('preread.placed', plan.insertions.length, match.placed.length);
    void vscode.window.showInformationMessage([summary, ...notes].join(' '));
    return { inserted: plan.insertions.length, found: match.placed.length, notes, encoding };
  }
}
