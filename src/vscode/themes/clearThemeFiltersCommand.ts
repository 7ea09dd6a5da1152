import { Commands } from '../common/ids';
import { Command } from '../common/commandManager';
import { ThemesViewProvider } from './themesView';

/** Shows every theme again. */
export class ClearThemeFiltersCommand implements Command {
  readonly id = Commands.clearThemeFilters;

  constructor(private readonly view: ThemesViewProvider) {}

  execute(): void {
    this.view.setFilters({});
  }
}
