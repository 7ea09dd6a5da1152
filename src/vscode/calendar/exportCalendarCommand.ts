import * as vscode from 'vscode';
import { today } from '../../core/base';
import { calendarEvents, calendarFile } from '../../core/outputs';
import { Command, optionsArgument } from '../common/commandManager';
import { exportUri, writeExport } from '../common/exportFiles';
import { Commands } from '../common/ids';
import { growthSettings } from '../common/settings';
import { WriteActions } from '../common/writeActions';
import { NotesIndexManager } from '../notes/notesIndex';

/** What a caller (a test, a script) may pass to Export Calendar instead of answering its questions. */
export interface ExportCalendarArgs {
  /** Where to save; a save dialog in the export folder when missing. */
  readonly saveTo?: vscode.Uri;
  /** Replace `saveTo` when it exists, without asking (the save dialog asks by itself). */
  readonly replace?: boolean;
}

/** "Export Calendar": next conversations and due actions as an .ics file to import into a calendar. Returns the file written. */
export class ExportCalendarCommand implements Command {
  readonly id = Commands.exportCalendar;

  constructor(private readonly notes: NotesIndexManager) {}

  async execute(given?: unknown): Promise<vscode.Uri | undefined> {
    const options = optionsArgument<ExportCalendarArgs>(given);
    await this.notes.ready;
    const events = calendarEvents(this.notes.index.all(), { today: today(), manager: growthSettings().manager || undefined });
    if (events.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to put in a calendar: no note plans a next conversation, and no open action has a due date.'));
      return undefined;
    }
    const target = options.saveTo ?? await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save the growth calendar'), filters: { [vscode.l10n.t('Calendar')]: ['ics'] }, defaultUri: exportUri('growth.ics'),
    });
    if (!target) return undefined;
    // The save dialog has asked already; a file named by a caller is replaced only when it says so, or the manager does.
    if (options.saveTo && !options.replace && await exists(target) && !await this.replaceConfirmed(target)) return undefined;
    if (!await writeExport(WriteActions.saveCalendar, target, calendarFile(events, Date.now()), { confirmed: true })) return undefined;
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0} events. Import the file again after a change: the same events are updated, not added twice.', events.length));
    return target;
  }

  private async replaceConfirmed(target: vscode.Uri): Promise<boolean> {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it?', target.path.split('/').pop() ?? ''), { modal: true }, replace);
    return answer === replace;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}
