import { execFile } from 'child_process';
import * as vscode from 'vscode';
import { Command } from '../common/commandManager';
import { logRefusal } from '../common/growthLog';
import { ExtensionHost } from '../common/host';
import { Commands } from '../common/ids';
import { trustedOrExplain } from '../common/trust';
import { WriteActions } from '../common/writeActions';
import { installStore } from './installedStore';

export interface ProtectNotesOptions {
  readonly folder?: vscode.WorkspaceFolder;
}

/** What the store's program printed, and whether it succeeded. */
export interface ProtectOutcome {
  readonly ok: boolean;
  readonly output: string;
}

/**
 * "Growth: Protect Notes Repository": sets the workspace folder's git repository up so the notes are
 * committed encrypted and checked out readable (see docs/keeping-notes-safe.md). It runs the store's
 * program shipped with the extension (dist/store.js, the CLI's `growth protect`, from its lasting copy)
 * with VS Code's own Node, so the editor and the command line set a repository up the same way and git
 * runs the same filter.
 */
export class ProtectNotesCommand implements Command {
  readonly id = Commands.protectNotes;

  /**
   * `storage`: the extension's global storage, where git's copy of the store's program is kept (see
   * installedStore.ts). `host`: a browser's web worker can run neither git nor the store's program;
   * the command is hidden there, and says why if run anyway.
   */
  constructor(private readonly extensionUri: vscode.Uri, private readonly storage: vscode.Uri, private readonly host: ExtensionHost = 'node') {}

  async execute(rawOptions?: unknown): Promise<ProtectOutcome | undefined> {
    const given = rawOptions && typeof rawOptions === 'object' ? rawOptions as Record<string, unknown> : {};
    const options: ProtectNotesOptions = {
      folder: given.folder && typeof given.folder === 'object' && 'uri' in given.folder ? given.folder as vscode.WorkspaceFolder : undefined,
    };
    if (this.host === 'web') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Protecting the notes repository needs git, which the browser does not have: run Growth: Protect Notes Repository in VS Code on your computer.'));
      return undefined;
    }
    if (!trustedOrExplain(WriteActions.protectNotes)) return undefined;
    const folder = options.folder ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder || folder.uri.scheme !== 'file') {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open the folder of your notes repository first: only a folder on this machine can be protected.'));
      return undefined;
    }
    const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Protecting the notes repository…') },
      async () => runStore(await installStore(this.extensionUri, this.storage), ['protect', folder.uri.fsPath]));
    if (!outcome.ok) {
      const reason = outcome.output.trim().split('\n')[0] ?? '';
      logRefusal(WriteActions.protectNotes.log, reason, folder.uri);
      void vscode.window.showErrorMessage(vscode.l10n.t('The notes repository was not protected: {0}', reason));
      return outcome;
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('Notes in this repository are now committed encrypted, and stay readable here. Commit to finish (Growth: Commit Notes).'));
    return outcome;
  }
}

/**
 * Runs the store's program (dist/store.js: the CLI's protect, filter, access and handover) with VS
 * Code's Node; never through a shell. The editor's store commands run the command line's own code, so
 * both make the same files through the same writer, which never replaces a note.
 */
export function runStore(script: string, args: readonly string[]): Promise<ProtectOutcome> {
  return new Promise(resolve => {
    execFile(process.execPath, [script, ...args], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', GROWTH_CLI_SCRIPT: script }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ ok: !error, output: error ? `${stderr}${stdout}` : `${stdout}${stderr}` }));
  });
}
