import * as vscode from 'vscode';
import { today } from '../../core/base';
import { conversationsDue } from '../../core/workspace';
import { Disposable } from '../common/dispose';
import { Settings, Views } from '../common/ids';
import { isGrowthDocument } from '../notes/noteAnalysis';
import { NotesIndexManager } from '../notes/notesIndex';

/** The day the reminder was last shown, kept across windows and sessions. */
const SHOWN_ON = 'growth.reminder.shownOn';
const HOUR_MS = 60 * 60 * 1000;
const WITHIN_DAYS = 7;

/** Why a check showed nothing, or that it showed the reminder. */
export type ReminderOutcome = 'off' | 'shownToday' | 'writing' | 'nothingDue' | 'shown';

/**
 * The opt-in reminder (growth.reminders.conversationsDue, off by default): a conversation is due within
 * a week, or overdue. At most once a day, and never while a growth note is open with unsaved changes:
 * a conversation is being written, and a pop-up would interrupt it. Checked when the notes are read,
 * after each save, and every hour.
 */
export class ConversationReminder extends Disposable {
  constructor(private readonly notes: NotesIndexManager, private readonly state: vscode.Memento) {
    super();
    this._register(vscode.workspace.onDidSaveTextDocument(() => void this.check()));
    const timer = setInterval(() => void this.check(), HOUR_MS);
    this._register({ dispose: () => clearInterval(timer) });
    void this.notes.ready.then(() => this.check());
  }

  async check(day = today()): Promise<ReminderOutcome> {
    if (!vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.remindConversationsDue, false)) return 'off';
    if (this.state.get<string>(SHOWN_ON) === day) return 'shownToday';
    if (vscode.workspace.textDocuments.some(document => document.isDirty && isGrowthDocument(document))) return 'writing';
    await this.notes.ready;
    const due = conversationsDue(this.notes.index.all(), day, WITHIN_DAYS);
    if (due.length === 0) return 'nothingDue';
    await this.state.update(SHOWN_ON, day);
    const who = due.slice(0, 3).map(d => (d.overdue ? vscode.l10n.t('{0} (overdue)', d.person) : vscode.l10n.t('{0} ({1})', d.person, d.day))).join(', ');
    const more = due.length > 3 ? vscode.l10n.t(' and {0} more', due.length - 3) : '';
    const show = vscode.l10n.t('Show People');
    void vscode.window.showInformationMessage(vscode.l10n.t('Growth conversations due: {0}{1}.', who, more), show).then(answer => {
      if (answer === show) void vscode.commands.executeCommand(`${Views.people}.focus`);
    });
    return 'shown';
  }
}

