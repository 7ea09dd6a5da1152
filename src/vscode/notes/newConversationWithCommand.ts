import * as vscode from 'vscode';
import { Command } from '../common/commandManager';
import { Commands } from '../common/ids';
import type { PersonTreeItem } from '../people/peopleView';

/** "New conversation" on a People row, or from the palette / a key with no row: then the picker asks who. */
export class NewConversationWithCommand implements Command {
  readonly id = Commands.newConversationWith;

  execute(element?: unknown): Thenable<unknown> {
    const row = element as PersonTreeItem | undefined;
    const person = row && typeof row === 'object' && row.kind === 'person' ? row.person.person : undefined;
    return vscode.commands.executeCommand(Commands.newConversation, person !== undefined ? { person } : {});
  }
}
