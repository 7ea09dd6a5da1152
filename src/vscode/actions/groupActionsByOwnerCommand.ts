import { ActionItemsViewProvider } from './actionItemsView';
import { Command } from '../common/commandManager';
import { Commands } from '../common/ids';

/** Groups open action items by who owns them (`@owner`). */
export class GroupActionsByOwnerCommand implements Command {
  readonly id = Commands.groupActionsByOwner;

  constructor(private readonly view: ActionItemsViewProvider) {}

  execute(): void {
    this.view.setGrouping('owner');
  }
}
