import { Commands } from '../ids';
import { ThemesViewProvider } from '../themesView';

/** Shows every theme again. */
export class ClearThemeFiltersCommand {
  readonly id = Commands.clearThemeFilters;

  constructor(private readonly view: ThemesViewProvider) {}

  execute(): void {
    this.view.setFilters({});
  }
}
