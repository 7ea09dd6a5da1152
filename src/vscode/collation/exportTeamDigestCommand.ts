import * as vscode from 'vscode';
import { Command, optionsArgument } from '../common/commandManager';
import { WriteActions } from '../common/writeActions';
import { today } from '../../core/base';
import { buildDigest, describeDigest } from '../../core/outputs';
import { exportUri, writeExport } from '../common/exportFiles';
import { logRefusal } from '../common/growthLog';
import { Commands } from '../common/ids';
import { NotesIndexManager } from '../notes/notesIndex';
import { configRefusal, rulesReady, workspaceRules } from '../common/growthRules';
import { withDelayedProgress } from '../common/progress';
import { VocabularyManager } from '../themes/vocabularyManager';

/** What a caller (a test, a script) may pass to Export Team Digest instead of answering its questions. */
export interface ExportDigestArgs {
  /** The label to put in the digest; asked when missing (empty for none). */
  readonly label?: string;
  /** Where to save; a save dialog in the export folder when missing. */
  readonly saveTo?: vscode.Uri;
  /** Answer "Save" to the summary of what will leave (tests, scripted use). */
  readonly confirmed?: boolean;
}

/** "Export Team Digest": counts only, after the manager has read exactly what will leave. Returns the file written. */
export class ExportTeamDigestCommand implements Command {
  readonly id = Commands.exportTeamDigest;

  constructor(private readonly notes: NotesIndexManager, private readonly vocabulary: VocabularyManager) {}

  async execute(given?: unknown): Promise<vscode.Uri | undefined> {
    const options: ExportDigestArgs = optionsArgument<ExportDigestArgs>(given);
    const label = options.label ?? await vscode.window.showInputBox({
      title: vscode.l10n.t('Export Team Digest'), prompt: vscode.l10n.t('A label for your digest, such as your group of teams (optional, shown to everyone who collates).'),
    });
    if (label === undefined) return undefined;
    await rulesReady();
    const found = workspaceRules();
    const refusal = configRefusal(found);
    if (refusal) {
      logRefusal('Exporting a team digest', 'growth.config.json has problems');
      await vscode.window.showWarningMessage(vscode.l10n.t('No digest: {0}', refusal), { modal: true });
      return undefined;
    }
    const built = await withDelayedProgress(vscode.l10n.t('Export Team Digest'), async () => {
      // Waiting for the first index build is the long part; cancelling stops before anything is counted.
      await Promise.all([this.notes.ready, this.vocabulary.ready]);
      return buildDigest(this.notes.index.all(), { today: today(), minGroupSize: found.rules.report.minimumGroupSize, label, vocabulary: this.vocabulary.current });
    });
    if (!built) return undefined;
    if ('refusal' in built) {
      logRefusal('Exporting a team digest', 'no quarter has enough people');
      await vscode.window.showWarningMessage(vscode.l10n.t('No digest: {0}', built.refusal), { modal: true });
      return undefined;
    }
    if (!options.confirmed) {
      const save = vscode.l10n.t('Save Digest…');
      const answer = await vscode.window.showInformationMessage(vscode.l10n.t('This is everything the digest will hold.'), { modal: true, detail: describeDigest(built).join('\n') }, save);
      if (answer !== save) return undefined;
    }
    const quarters = built.digest.quarters;
    const name = `digest-${(built.digest.label ?? 'team').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'team'}-${quarters[quarters.length - 1].quarter}.json`;
    const target = options.saveTo ?? await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save the team digest'), filters: { [vscode.l10n.t('Team digest')]: ['json'] }, defaultUri: exportUri(name),
    });
    if (!target) return undefined;
    return await writeExport(WriteActions.saveDigest, target, built.text) ? target : undefined;
  }
}
