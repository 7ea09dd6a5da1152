import * as vscode from 'vscode';
import { Command, stringArgument } from '../common/commandManager';
import { FLIGHT_RISKS } from '../../core/live';
import { GuideNavigator } from './guideNavigator';
import { Commands } from '../common/ids';

/** Records `flightRisk` (manager-only): the value given, or the one the manager picks. */
export class SetFlightRiskCommand implements Command {
  readonly id = Commands.setFlightRisk;

  constructor(private readonly navigator: GuideNavigator) {}

  execute(value?: unknown): Promise<boolean> {
    const title = vscode.l10n.t('How likely is the person to leave?');
    return this.navigator.pickAndSet('flightRisk', title, FLIGHT_RISKS, stringArgument(value));
  }
}
