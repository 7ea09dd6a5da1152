import * as vscode from 'vscode';
import { logRefusal } from './growthLog';
import { WriteAction } from './writeActions';

/**
 * True when the workspace is trusted. Otherwise says, once per attempt, that the action needs trust
 * and offers the trust editor. Checked on every call, so granting trust takes effect at once.
 */
export function trustedOrExplain(action: WriteAction): boolean {
  if (vscode.workspace.isTrusted) return true;
  logRefusal(action.log, 'the workspace is not trusted (Restricted Mode)');
  void vscode.window.showWarningMessage(vscode.l10n.t('{0} needs a trusted workspace: in Restricted Mode your notes are read, never written.', action.shown), vscode.l10n.t('Manage Workspace Trust'))
    .then(answer => (answer ? vscode.commands.executeCommand('workbench.trust.manage') : undefined));
  return false;
}
