import * as vscode from 'vscode';
import { Command } from '../common/commandManager';
import { Commands } from '../common/ids';
import { filterByNoteField } from './themeFilterPick';
import { ThemesViewProvider } from './themesView';

/** Themes raised in one team's conversations; a team name as the argument skips the pick. */
export class FilterThemesByTeamCommand implements Command {
  readonly id = Commands.filterThemesByTeam;

  constructor(private readonly view: ThemesViewProvider) {}

  execute(given?: unknown): Promise<void> {
    return filterByNoteField(this.view, 'team', vscode.l10n.t('Which team?'), given);
  }
}
