import * as vscode from 'vscode';

/**
 * What the manager was doing when a write was refused or failed. The Growth log keeps the English
 * words, so a log reads the same to whoever helps; the message on screen is in the editor's language.
 */
export interface WriteAction {
  readonly log: string;
  readonly shown: string;
}

/** Every action that writes, named once. Read when used, so the words follow the editor's language. */
export const WriteActions = {
  get addSectionBack(): WriteAction { return { log: 'Adding the section back', shown: vscode.l10n.t('Adding the section back') }; },
  get commitNotes(): WriteAction { return { log: 'Committing notes', shown: vscode.l10n.t('Committing notes') }; },
  get protectNotes(): WriteAction { return { log: 'Protecting the notes repository', shown: vscode.l10n.t('Protecting the notes repository') }; },
  get handOver(): WriteAction { return { log: 'Handing a person over to a new manager', shown: vscode.l10n.t('Handing over to a new manager') }; },
  get exportEverything(): WriteAction { return { log: 'Exporting everything about a person', shown: vscode.l10n.t('Exporting everything about a person') }; },
  get createNote(): WriteAction { return { log: 'Creating a note', shown: vscode.l10n.t('Creating a note') }; },
  get markShared(): WriteAction { return { log: 'Marking the note as shared', shown: vscode.l10n.t('Marking the note as shared') }; },
  get importPreread(): WriteAction { return { log: 'Importing a pre-read', shown: vscode.l10n.t('Importing a pre-read') }; },
  get savePreread(): WriteAction { return { log: 'Saving a pre-read', shown: vscode.l10n.t('Saving a pre-read') }; },
  get recordAnswer(): WriteAction { return { log: 'Recording an answer', shown: vscode.l10n.t('Recording an answer') }; },
  get saveCalendar(): WriteAction { return { log: 'Saving the growth calendar', shown: vscode.l10n.t('Saving the growth calendar') }; },
  get saveDigest(): WriteAction { return { log: 'Saving the team digest', shown: vscode.l10n.t('Saving the team digest') }; },
  get saveReport(): WriteAction { return { log: 'Saving the themes report', shown: vscode.l10n.t('Saving the themes report') }; },
  get saveShareableCopy(): WriteAction { return { log: 'Saving the shareable copy', shown: vscode.l10n.t('Saving the shareable copy') }; },
  get tickActionItem(): WriteAction { return { log: 'Ticking an action item', shown: vscode.l10n.t('Ticking an action item') }; },
};
