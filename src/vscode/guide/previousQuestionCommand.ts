import { GuideNavigator } from './guideNavigator';
import { Command } from '../common/commandManager';
import { Commands } from '../common/ids';

/** Ctrl+Alt+[: the question before. */
export class PreviousQuestionCommand implements Command {
  readonly id = Commands.previousQuestion;

  constructor(private readonly navigator: GuideNavigator) {}

  execute(): Promise<void> {
    return this.navigator.step(-1);
  }
}
