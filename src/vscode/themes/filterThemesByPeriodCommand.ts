import * as vscode from 'vscode';
import { Command } from '../common/commandManager';
import { Commands } from '../common/ids';
import { pickPeriod } from '../common/periodPick';
import { ThemesViewProvider } from './themesView';

/** Themes of the last 6 or 12 months, or of all time; 6, 12 or 0 as the argument skips the pick. */
export class FilterThemesByPeriodCommand implements Command {
  readonly id = Commands.filterThemesByPeriod;

  constructor(private readonly view: ThemesViewProvider) {}

  async execute(given?: unknown): Promise<void> {
    // View-title buttons pass the selected row as the first argument: only a value of the right type is a filter.
    const months = given === 6 || given === 12 || given === 0 ? given : await pickPeriod(vscode.l10n.t('Which period?'));
    if (months === undefined) return;
    this.view.setFilters({ ...this.view.filters, months: months === 0 ? undefined : months });
  }
}
