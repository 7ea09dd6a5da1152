import { GuideNavigator } from './guideNavigator';
import { Command } from '../common/commandManager';
import { Commands } from '../common/ids';

/** Goes to a question's answer line (a Question Guide row); a deleted question is put back. */
export class RevealQuestionCommand implements Command {
  readonly id = Commands.revealQuestion;

  constructor(private readonly navigator: GuideNavigator) {}

  execute(questionId?: unknown): Promise<void> {
    return this.navigator.revealQuestion(questionId);
  }
}
