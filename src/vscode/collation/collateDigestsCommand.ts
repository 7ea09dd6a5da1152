import * as vscode from 'vscode';
import { Command, optionsArgument } from '../common/commandManager';
import { collateDigests, collationMarkdown, DigestFile, MAX_DIGEST_BYTES } from '../../core/outputs';
import { today } from '../../core/base';
import { Commands } from '../common/ids';
import { workspaceRules } from '../common/growthRules';
import { ProgressContext, withDelayedProgress } from '../common/progress';
import { openUntitledMarkdown } from '../common/untitledDocuments';
import { VocabularyManager } from '../themes/vocabularyManager';

/** What a caller may pass to Collate Digests: the folder (or its URI alone) instead of the folder dialog. */
export interface CollateArgs {
  /** The folder of digests; asked when missing. */
  readonly folder?: vscode.Uri;
}

/** "Collate Digests": merges a folder of digests; the report opens beside the editor. */
export class CollateDigestsCommand implements Command {
  readonly id = Commands.collateDigests;

  constructor(private readonly vocabulary: VocabularyManager) {}

  async execute(given?: unknown): Promise<vscode.TextDocument | undefined> {
    const options: CollateArgs = given instanceof vscode.Uri ? { folder: given } : optionsArgument<CollateArgs>(given);
    const folder = options.folder ?? (await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Collate Digests: the folder of team digests'), canSelectFolders: true, canSelectFiles: false, canSelectMany: false,
    }))?.[0];
    if (!folder) return undefined;
    const detail = await withDelayedProgress(vscode.l10n.t('Collate Digests'), async progress => {
      await this.vocabulary.ready;
      const files = await readDigestFolder(folder, progress);
      return progress.token.isCancellationRequested ? undefined
        : collateDigests(files, { minGroupSize: workspaceRules().rules.report.minimumGroupSize, minThemeGroup: workspaceRules().rules.report.minimumThemeGroup, vocabulary: this.vocabulary.current, today: today() });
    });
    if (!detail) return undefined;
    const { rejected } = detail.collation;
    if (detail.collation.sources === 0) {
      const reasons = rejected.map(r => `${r.file}: ${r.reason}`).join('\n');
      const message = reasons ? vscode.l10n.t('None of the digests could be used.') : vscode.l10n.t('That folder holds no team digests (.json files).');
      await vscode.window.showWarningMessage(message, { modal: true, detail: reasons || undefined });
      return undefined;
    }
    const document = await openUntitledMarkdown(collationMarkdown(detail));
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    if (rejected.length > 0) {
      const message = rejected.length === 1 ? vscode.l10n.t('1 digest was not used; the report lists why.') : vscode.l10n.t('{0} digests were not used; the report lists why.', rejected.length);
      void vscode.window.showWarningMessage(message);
    }
    return document;
  }
}

/** Every .json file in a folder and its subfolders, read through the editor's file system. */
async function readDigestFolder(folder: vscode.Uri, progress: ProgressContext): Promise<DigestFile[]> {
  const files: DigestFile[] = [];
  const walk = async (uri: vscode.Uri, prefix: string) => {
    for (const [name, type] of (await vscode.workspace.fs.readDirectory(uri)).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (progress.token.isCancellationRequested) return;
      const child = vscode.Uri.joinPath(uri, name);
      if (type === vscode.FileType.Directory && !name.startsWith('.')) await walk(child, `${prefix}${name}/`);
      else if (type === vscode.FileType.File && name.toLowerCase().endsWith('.json')) {
        const size = (await vscode.workspace.fs.stat(child)).size;
        const text = size > MAX_DIGEST_BYTES ? ' '.repeat(MAX_DIGEST_BYTES + 1) : new TextDecoder().decode(await vscode.workspace.fs.readFile(child));
        files.push({ file: `${prefix}${name}`, text });
        progress.report(vscode.l10n.t('{0} digests read', files.length));
      }
    }
  };
  await walk(folder, '');
  return files;
}
