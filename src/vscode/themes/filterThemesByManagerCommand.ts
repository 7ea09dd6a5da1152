import * as vscode from 'vscode';
import { Command } from '../common/commandManager';
import { Commands } from '../common/ids';
import { filterByNoteField } from './themeFilterPick';
import { ThemesViewProvider } from './themesView';

/** Themes raised in one manager's conversations; a manager's name as the argument skips the pick. */
export class FilterThemesByManagerCommand implements Command {
  readonly id = Commands.filterThemesByManager;

  constructor(private readonly view: ThemesViewProvider) {}

  execute(given?: unknown): Promise<void> {
    return filterByNoteField(this.view, 'manager', vscode.l10n.t('Whose conversations?'), given);
  }
}
