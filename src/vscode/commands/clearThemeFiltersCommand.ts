import { Commands } from '../ids';
import { Command } from '../commandManager';
import { ThemesViewProvider } from '../themesView';

/** Shows every theme again. */
export class ClearThemeFiltersCommand implements Command {
  readonly id = Commands.clearThemeFilters;

  constructor(private readonly view: ThemesViewProvider) {}

  execute(): void {
    this.view.setFilters({});
  }
}
