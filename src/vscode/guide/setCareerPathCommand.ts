import * as vscode from 'vscode';
import { Command, stringArgument } from '../common/commandManager';
import { CAREER_PATHS } from '../../core/live';
import { GuideNavigator } from './guideNavigator';
import { Commands } from '../common/ids';

/** Records `careerPath`: the value given, or the one the manager picks. */
export class SetCareerPathCommand implements Command {
  readonly id = Commands.setCareerPath;

  constructor(private readonly navigator: GuideNavigator) {}

  execute(value?: unknown): Promise<boolean> {
    const title = vscode.l10n.t('Which path does the person lean towards?');
    return this.navigator.pickAndSet('careerPath', title, CAREER_PATHS, stringArgument(value));
  }
}
