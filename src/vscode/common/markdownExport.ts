import * as vscode from 'vscode';
import { WriteAction } from './writeActions';
import { markdownToHtml } from '../../core/outputs';
import { closeUnsaved, exportUri, ReplaceConsent, writeExport } from './exportFiles';

/** The two ways an unsaved Markdown document (a shareable copy, a report) is offered to be saved. */
export function saveChoices(): { readonly markdown: string; readonly html: string } {
  return { markdown: vscode.l10n.t('Save as Markdown…'), html: vscode.l10n.t('Save as HTML…') };
}

/** A save dialog in the export folder for `name` as Markdown or HTML; undefined when dismissed. */
export async function askSaveTarget(title: string, name: string, html: boolean, near?: vscode.Uri): Promise<vscode.Uri | undefined> {
  return vscode.window.showSaveDialog({
    title, filters: html ? { [vscode.l10n.t('HTML')]: ['html'] } : { [vscode.l10n.t('Markdown')]: ['md'] }, defaultUri: exportUri(`${name}.${html ? 'html' : 'md'}`, near),
  });
}

/**
 * Writes an unsaved Markdown document to the file the manager chose (as HTML when it ends in .html),
 * never over a growth note, over another file only once agreed; the unsaved document then closes
 * without asking to be saved.
 */
export async function saveMarkdownDocument(action: WriteAction, document: vscode.TextDocument, target: vscode.Uri, htmlTitle: string,
  consent: ReplaceConsent = {}): Promise<boolean> {
  const html = target.path.toLowerCase().endsWith('.html');
  const markdown = document.getText();
  // Never an empty file: an unsaved document emptied by an earlier save (or by hand) is not written.
  if (markdown.trim() === '') {
    void vscode.window.showWarningMessage(vscode.l10n.t('The document is empty, so nothing was saved.'));
    return false;
  }
  if (!(await writeExport(action, target, html ? markdownToHtml(markdown, htmlTitle) : markdown, consent))) return false;
  await closeUnsaved(document);
  return true;
}
