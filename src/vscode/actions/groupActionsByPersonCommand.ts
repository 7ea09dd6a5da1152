import { ActionItemsViewProvider } from './actionItemsView';
import { Command } from '../common/commandManager';
import { Commands } from '../common/ids';

/** Groups open action items by the person each conversation was with. */
export class GroupActionsByPersonCommand implements Command {
  readonly id = Commands.groupActionsByPerson;

  constructor(private readonly view: ActionItemsViewProvider) {}

  execute(): void {
    this.view.setGrouping('person');
  }
}
