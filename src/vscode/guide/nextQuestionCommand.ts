import { GuideNavigator } from './guideNavigator';
import { Command } from '../common/commandManager';
import { Commands } from '../common/ids';

/** Ctrl+Alt+]: the next question, then Next steps and Private notes. */
export class NextQuestionCommand implements Command {
  readonly id = Commands.nextQuestion;

  constructor(private readonly navigator: GuideNavigator) {}

  execute(): Promise<void> {
    return this.navigator.step(1);
  }
}
