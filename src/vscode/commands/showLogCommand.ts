import { GrowthLog } from '../growthLog';
import { Commands } from '../ids';

/** "Show What the Extension Did": the Growth output channel. */
export class ShowLogCommand {
  readonly id = Commands.showLog;

  constructor(private readonly log: GrowthLog) {}

  execute(): void {
    this.log.show();
  }
}
