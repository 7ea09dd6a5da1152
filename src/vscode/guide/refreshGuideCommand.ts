import { Commands } from '../common/ids';
import { Command } from '../common/commandManager';
import { QuestionGuideProvider } from './questionGuide';

/** Reads the active note again for the Question Guide. */
export class RefreshGuideCommand implements Command {
  readonly id = Commands.refreshGuide;

  constructor(private readonly guide: QuestionGuideProvider) {}

  execute(): Promise<void> {
    return this.guide.refresh();
  }
}
