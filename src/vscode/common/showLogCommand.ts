import { GrowthLog } from './growthLog';
import { Command } from './commandManager';
import { Commands } from './ids';

/** "Show What the Extension Did": the Growth output channel. */
export class ShowLogCommand implements Command {
  readonly id = Commands.showLog;

  constructor(private readonly log: GrowthLog) {}

  execute(): void {
    this.log.show();
  }
}
