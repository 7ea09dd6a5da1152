import * as vscode from 'vscode';
import { collateDigests, DigestFile, MAX_DIGEST_BYTES } from '../core/collate';
import { collationMarkdown } from '../core/collateReport';
import { buildDigest, describeDigest } from '../core/digest';
import { isoDay } from '../core/scaffold';
import { exportUri, writeExport } from './exportFiles';
import { logRefusal } from './growthLog';
import { Commands } from './ids';
import { openUntitledMarkdown } from './noteDocuments';
import { NotesIndexManager } from './notesIndex';
import { growthSettings } from './settings';
import { VocabularyManager } from './vocabularyManager';

export interface ExportDigestOptions {
  /** The label to put in the digest; asked when missing (empty for none). */
  readonly label?: string;
  /** Where to save; a save dialog in the export folder when missing. */
  readonly saveTo?: vscode.Uri;
  /** Answer "Save" to the summary of what will leave (tests, scripted use). */
  readonly confirmed?: boolean;
}

const SAVE = 'Save Digest…';

/** "Export Team Digest": counts only, after the manager has read exactly what will leave. Returns the file written. */
export async function exportTeamDigest(notes: NotesIndexManager, vocabulary: VocabularyManager, options: ExportDigestOptions = {}): Promise<vscode.Uri | undefined> {
  const label = options.label ?? await vscode.window.showInputBox({
    title: 'Export Team Digest', prompt: 'A label for your digest, such as your group of teams (optional, shown to everyone who collates).',
  });
  if (label === undefined) return undefined;
  await Promise.all([notes.ready, vocabulary.ready]);
  const today = isoDay(new Date());
  const built = buildDigest(notes.index.all(), { today, minGroupSize: growthSettings().minimumGroupSize, label, vocabulary: vocabulary.current });
  if ('refusal' in built) {
    logRefusal('Exporting a team digest', 'no quarter has enough people');
    await vscode.window.showWarningMessage(`No digest: ${built.refusal}`, { modal: true });
    return undefined;
  }
  if (!options.confirmed) {
    const answer = await vscode.window.showInformationMessage('This is everything the digest will hold.', { modal: true, detail: describeDigest(built).join('\n') }, SAVE);
    if (answer !== SAVE) return undefined;
  }
  const quarters = built.digest.quarters;
  const name = `digest-${(built.digest.label ?? 'team').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'team'}-${quarters[quarters.length - 1].quarter}.json`;
  const target = options.saveTo ?? await vscode.window.showSaveDialog({ title: 'Save the team digest', filters: { 'Team digest': ['json'] }, defaultUri: exportUri(name) });
  if (!target) return undefined;
  return await writeExport('Saving the team digest', target, built.text) ? target : undefined;
}

export interface CollateOptions {
  /** The folder of digests; asked when missing. */
  readonly folder?: vscode.Uri;
}

/** Every .json file in a folder and its subfolders, read through the editor's file system. */
async function readDigestFolder(folder: vscode.Uri): Promise<DigestFile[]> {
  const files: DigestFile[] = [];
  const walk = async (uri: vscode.Uri, prefix: string) => {
    for (const [name, type] of (await vscode.workspace.fs.readDirectory(uri)).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const child = vscode.Uri.joinPath(uri, name);
      if (type === vscode.FileType.Directory && !name.startsWith('.')) await walk(child, `${prefix}${name}/`);
      else if (type === vscode.FileType.File && name.toLowerCase().endsWith('.json')) {
        const size = (await vscode.workspace.fs.stat(child)).size;
        const text = size > MAX_DIGEST_BYTES ? ' '.repeat(MAX_DIGEST_BYTES + 1) : new TextDecoder().decode(await vscode.workspace.fs.readFile(child));
        files.push({ file: `${prefix}${name}`, text });
      }
    }
  };
  await walk(folder, '');
  return files;
}

/** "Collate Digests": merges a folder of digests; the report opens beside the editor. */
export async function collateDigestFolder(vocabulary: VocabularyManager, options: CollateOptions = {}): Promise<vscode.TextDocument | undefined> {
  const folder = options.folder ?? (await vscode.window.showOpenDialog({ title: 'Collate Digests: the folder of team digests', canSelectFolders: true, canSelectFiles: false, canSelectMany: false }))?.[0];
  if (!folder) return undefined;
  await vocabulary.ready;
  const detail = collateDigests(await readDigestFolder(folder), { minGroupSize: growthSettings().minimumGroupSize, vocabulary: vocabulary.current, today: isoDay(new Date()) });
  if (detail.collation.sources === 0) {
    const reasons = detail.collation.rejected.map(r => `${r.file}: ${r.reason}`).join('\n');
    await vscode.window.showWarningMessage(reasons ? 'None of the digests could be used.' : 'That folder holds no team digests (.json files).', { modal: true, detail: reasons || undefined });
    return undefined;
  }
  const document = await openUntitledMarkdown(`growth-themes-${detail.collation.quarter}`, collationMarkdown(detail));
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  if (detail.collation.rejected.length > 0) void vscode.window.showWarningMessage(`${detail.collation.rejected.length} digest${detail.collation.rejected.length === 1 ? ' was' : 's were'} not used; the report lists why.`);
  return document;
}

export function registerDigestCommands(notes: NotesIndexManager, vocabulary: VocabularyManager): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.exportTeamDigest, (options?: ExportDigestOptions) => exportTeamDigest(notes, vocabulary, options)),
    vscode.commands.registerCommand(Commands.collateDigests, (options?: CollateOptions | vscode.Uri) => collateDigestFolder(vocabulary, options instanceof vscode.Uri ? { folder: options } : options)),
  );
}
