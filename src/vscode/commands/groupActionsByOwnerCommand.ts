import { ActionItemsViewProvider } from '../actionItemsView';
import { Command } from '../commandManager';
import { Commands } from '../ids';

/** Groups open action items by who owns them (`@owner`). */
export class GroupActionsByOwnerCommand implements Command {
  readonly id = Commands.groupActionsByOwner;

  constructor(private readonly view: ActionItemsViewProvider) {}

  execute(): void {
    this.view.setGrouping('owner');
  }
}
