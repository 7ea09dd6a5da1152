import * as vscode from 'vscode';
import { Disposable } from './dispose';

/** One editor command: its id (from ids.ts) and what it does. Arguments come from callers we do not control. */
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

/** Registers every command of the extension; disposing it unregisters them all. */
export class CommandManager extends Disposable {
  private readonly ids = new Set<string>();

  register(...commands: Command[]): this {
    for (const command of commands) {
      // A second registration of one id would throw inside VS Code: it is a wiring mistake, said plainly.
      if (this.ids.has(command.id)) throw new Error(`The command ${command.id} is registered twice.`);
      this.ids.add(command.id);
      this._register(vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.execute(...args)));
    }
    return this;
  }
}

/** A command's string argument; anything else (nothing, a tree item) counts as none. */
export function stringArgument(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A command's options object (every field optional); anything else (nothing, a tree item's id) counts as no options. */
export function optionsArgument<Options extends object>(value: unknown): Options {
  return (value && typeof value === 'object' ? value : {}) as Options;
}
