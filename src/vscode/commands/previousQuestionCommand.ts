import { GuideNavigator } from '../guideNavigator';
import { Commands } from '../ids';

/** Ctrl+Alt+[: the question before. */
export class PreviousQuestionCommand {
  readonly id = Commands.previousQuestion;

  constructor(private readonly navigator: GuideNavigator) {}

  execute(): Promise<void> {
    return this.navigator.step(-1);
  }
}
