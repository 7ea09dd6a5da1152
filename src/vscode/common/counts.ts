import * as vscode from 'vscode';

// Counts as the views write them, one place per noun so a translation has whole phrases to work with.

export function peopleCount(count: number): string {
  return count === 1 ? vscode.l10n.t('1 person') : vscode.l10n.t('{0} people', count);
}

export function conversationCount(count: number): string {
  return count === 1 ? vscode.l10n.t('1 conversation') : vscode.l10n.t('{0} conversations', count);
}
