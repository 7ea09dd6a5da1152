import * as vscode from 'vscode';
import { setFrontmatterField } from '../core/frontmatterEdit';
import { markdownToHtml } from '../core/html';
import { isoDay } from '../core/scaffold';
import { sensitiveWordsIn, shareableCopy } from '../core/share';
import { toWorkspaceEdit } from './adapters';
import { closeUnsaved, exportUri, freeName, writeExport } from './exportFiles';
import { logRefusal } from './growthLog';
import { Commands } from './ids';
import { activeScript, analyzeDocument, applyNoteEdit, isGrowthDocument, openUntitledMarkdown } from './noteDocuments';
import { growthSettings } from './settings';
import { trustedOrExplain } from './trust';

export interface ShareOptions {
  /** The note to share; the active editor's note by default. */
  readonly uri?: vscode.Uri;
  /** Answer the sensitive-words check with "open it anyway" (tests, scripted use). */
  readonly acceptSensitiveWords?: boolean;
  /** Save the copy to this file (.html for HTML), or as Markdown in the export folder, instead of offering what to do with it. */
  readonly saveTo?: vscode.Uri | 'export-folder';
}

const COPY = 'Copy to Clipboard';
const SAVE_MARKDOWN = 'Save as Markdown…';
const SAVE_HTML = 'Save as HTML…';
const MARK_SHARED = 'Mark as Shared';
const OPEN_ANYWAY = 'Open the Copy';

/** "Create Shareable Copy": an unsaved copy for the person; nothing is written or sent unless the manager says so. */
export async function createShareableCopy(options: ShareOptions = {}): Promise<vscode.TextDocument | undefined> {
  const source = options.uri ? await vscode.workspace.openTextDocument(options.uri) : vscode.window.activeTextEditor?.document;
  if (!source) {
    void vscode.window.showInformationMessage('Open a growth note to create a copy to share.');
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(source.uri);
  const settings = growthSettings(source.uri);
  const { script } = await activeScript(folder);
  const copy = shareableCopy(source.getText(), { privateFields: settings.privateFields, privateSections: settings.privateSections, script });
  if ('refused' in copy) {
    logRefusal('Creating a shareable copy', 'the note cannot be shared safely', source.uri);
    await vscode.window.showWarningMessage(`No copy was made. ${copy.refused}`, { modal: true });
    return undefined;
  }
  const sensitive = sensitiveWordsIn(copy.text, settings.sensitiveWords);
  if (sensitive.length > 0 && !options.acceptSensitiveWords) {
    const answer = await vscode.window.showWarningMessage(
      `The copy still mentions ${sensitive.map(w => `"${w}"`).join(', ')}. Read it before you share it.`, { modal: true }, OPEN_ANYWAY);
    if (answer !== OPEN_ANYWAY) return undefined;
  }
  const name = `${source.uri.path.split('/').pop()?.replace(/\.md$/i, '') ?? 'note'}-shared`;
  const document = await openUntitledMarkdown(name, copy.text);
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  const exported = options.saveTo === 'export-folder' ? exportUri(`${name}.md`, source.uri) : undefined;
  const target = exported ? await freeName(exported) : options.saveTo instanceof vscode.Uri ? options.saveTo : undefined;
  if (target) await saveCopy(document, target);
  else void offerShareActions(source.uri, document, copy.removed);
  return document;
}

async function offerShareActions(source: vscode.Uri, copy: vscode.TextDocument, removed: string[]) {
  const left = removed.length > 0 ? ` Left out: ${removed.join(', ')}.` : '';
  const action = await vscode.window.showInformationMessage(`This copy can be shared.${left}`, COPY, SAVE_MARKDOWN, SAVE_HTML, MARK_SHARED);
  if (action === COPY) await vscode.env.clipboard.writeText(copy.getText());
  if (action === SAVE_MARKDOWN || action === SAVE_HTML) {
    const html = action === SAVE_HTML;
    const target = await vscode.window.showSaveDialog({
      title: 'Save the shareable copy', filters: html ? { HTML: ['html'] } : { Markdown: ['md'] },
      defaultUri: exportUri(`${copy.uri.path.split('/').pop()?.replace(/\.md$/i, '')}.${html ? 'html' : 'md'}`, source),
    });
    if (!target || !(await saveCopy(copy, target))) return;
  }
  if (action === MARK_SHARED) await markShared(source);
  else if (action) {
    const answer = await vscode.window.showInformationMessage('Once you have shared it, record the day in the note.', MARK_SHARED);
    if (answer === MARK_SHARED) await markShared(source);
  }
}

/**
 * Writes the copy to a file the manager chose, never over a growth note, which would lose it. The
 * unsaved copy is then closed without asking, and a Markdown copy opens from where it was saved.
 */
async function saveCopy(copy: vscode.TextDocument, target: vscode.Uri): Promise<boolean> {
  const html = target.path.toLowerCase().endsWith('.html');
  if (!(await writeExport('Saving the shareable copy', target, html ? markdownToHtml(copy.getText(), 'Growth conversation') : copy.getText()))) return false;
  await closeUnsaved(copy);
  if (!html) await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  return true;
}


/** Sets `sharedOn` to today in the note, touching nothing else in its frontmatter. */
export async function markShared(uri?: vscode.Uri, day = isoDay(new Date())): Promise<boolean> {
  if (!trustedOrExplain('Marking the note as shared')) return false;
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || !isGrowthDocument(document)) return false;
  const { script } = await activeScript(vscode.workspace.getWorkspaceFolder(document.uri));
  const change = setFrontmatterField(analyzeDocument(document, script), 'sharedOn', day);
  if (!change) {
    void vscode.window.showWarningMessage('Fix the frontmatter first: sharedOn could not be set safely.');
    return false;
  }
  return applyNoteEdit('Marking the note as shared', document.uri, toWorkspaceEdit(document.uri, [change]));
}

export function registerShareCommands(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.createShareableCopy, (options?: ShareOptions | vscode.Uri) =>
      createShareableCopy(options instanceof vscode.Uri ? { uri: options } : options)),
    vscode.commands.registerCommand(Commands.markShared, (uri?: vscode.Uri, day?: string) => markShared(uri, day)),
  );
}
