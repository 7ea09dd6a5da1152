import * as vscode from 'vscode';
import { Command } from '../common/commandManager';
import { WriteActions } from '../common/writeActions';
import { FLIGHT_RISKS, HintAction } from '../../core/live';
import { GuideNavigator } from './guideNavigator';
import { Commands } from '../common/ids';
import { trustedOrExplain } from '../common/trust';

/** A hint's one-click suggestion; nothing is applied without this click. */
export class ApplyHintCommand implements Command {
  readonly id = Commands.applyHint;

  constructor(private readonly navigator: GuideNavigator) {}

  async execute(given?: unknown): Promise<boolean> {
    if (!given || typeof given !== 'object') return false;
    const action = given as HintAction;
    switch (action.kind) {
      case 'setFlightRisk':
        return this.navigator.pickAndSet('flightRisk', '', FLIGHT_RISKS, action.value);
      case 'goToQuestion':
        await this.navigator.revealQuestion(action.questionId);
        return true;
      case 'noteSkipped': {
        if (!trustedOrExplain(WriteActions.recordAnswer)) return false;
        await this.navigator.revealQuestion(action.questionId);
        const editor = vscode.window.activeTextEditor;
        if (!editor || this.navigator.guide.snapshot?.stop !== action.questionId) return false;
        const applied = await editor.edit(edit => edit.insert(editor.selection.active, action.text));
        await this.navigator.guide.refresh();
        return applied;
      }
      default:
        return false;
    }
  }
}
