import * as vscode from 'vscode';
import { Command, optionsArgument } from '../common/commandManager';
import { WriteActions } from '../common/writeActions';
import { sensitiveWordsIn, shareableCopy, shareableCopyName } from '../../core/outputs';
import { summarizeNote } from '../../core/note';
import { exportUri, freeName, ReplaceConsent } from '../common/exportFiles';
import { logRefusal } from '../common/growthLog';
import { Commands } from '../common/ids';
import { askSaveTarget, saveChoices, saveMarkdownDocument } from '../common/markdownExport';
import { activeScript } from '../notes/questionScripts';
import { configRefusal, rulesFor } from '../common/growthRules';
import { openUntitledMarkdown } from '../common/untitledDocuments';
import { markShared } from './markSharedCommand';
import { NotesIndexManager } from '../notes/notesIndex';

/** What a caller (a test, a script) may pass to Create Shareable Copy instead of answering its questions. */
export interface CreateShareableCopyArgs {
  /** The note to share; the active editor's note by default. */
  readonly uri?: vscode.Uri;
  /** Answer the sensitive-words check with "open it anyway" (tests, scripted use). */
  readonly acceptSensitiveWords?: boolean;
  /** Save the copy to this file (.html for HTML), or as Markdown in the export folder, instead of offering what to do with it. */
  readonly saveTo?: vscode.Uri | 'export-folder';
  /** Answer "replace the existing file?" with yes (tests, scripted use); asked otherwise. */
  readonly confirmReplace?: boolean;
}

/** "Create Shareable Copy": an unsaved copy for the person; nothing is written or sent unless the manager says so. */
export class CreateShareableCopyCommand implements Command {
  readonly id = Commands.createShareableCopy;

  /** The index gives the person's earlier notes, for what was agreed in them. */
  constructor(private readonly notes: NotesIndexManager) {}

  async execute(given?: unknown): Promise<vscode.TextDocument | undefined> {
    const options: CreateShareableCopyArgs = given instanceof vscode.Uri ? { uri: given } : optionsArgument<CreateShareableCopyArgs>(given);
    const source = options.uri ? await vscode.workspace.openTextDocument(options.uri) : vscode.window.activeTextEditor?.document;
    if (!source) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a growth note to create a copy to share.'));
      return undefined;
    }
    const { script } = await activeScript(vscode.workspace.getWorkspaceFolder(source.uri));
    const found = rulesFor(source.uri);
    const { privateFields, privateSections, sensitiveWords } = found.rules.share;
    const refusal = configRefusal(found);
    if (refusal) {
      logRefusal('Creating a shareable copy', 'growth.config.json has problems', source.uri);
      await vscode.window.showWarningMessage(vscode.l10n.t('No copy was made. {0}', refusal), { modal: true });
      return undefined;
    }
    await this.notes.ready;
    const copy = shareableCopy(source.getText(), { privateFields, privateSections, script, earlierNotes: this.notes.index.all(), notePath: source.uri.toString() });
    if ('refused' in copy) {
      logRefusal('Creating a shareable copy', 'the note cannot be shared safely', source.uri);
      await vscode.window.showWarningMessage(vscode.l10n.t('No copy was made. {0}', copy.refused), { modal: true });
      return undefined;
    }
    const sensitive = sensitiveWordsIn(copy.text, sensitiveWords);
    if (sensitive.length > 0 && !options.acceptSensitiveWords && !(await this.readAnyway(sensitive))) return undefined;
    // The person and the day: two people's copies of the same day never take each other's name.
    const about = summarizeNote(source.getText(), script);
    const name = shareableCopyName(about.person, about.date, source.uri.path.split('/').pop() ?? 'note.md');
    const document = await openUntitledMarkdown(copy.text);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    const exported = options.saveTo === 'export-folder' ? exportUri(`${name}.md`, source.uri) : undefined;
    const target = exported ? await freeName(exported) : options.saveTo instanceof vscode.Uri ? options.saveTo : undefined;
    if (target) await saveCopy(document, target, { confirmed: options.confirmReplace });
    else void offerShareActions(source.uri, document, name, copy.removed);
    return document;
  }

  /** A sensitive word is still in the copy: open it only when the manager says so, to read it first. */
  private async readAnyway(sensitive: readonly string[]): Promise<boolean> {
    const openAnyway = vscode.l10n.t('Open the Copy');
    const words = sensitive.map(w => `"${w}"`).join(', ');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('The copy still mentions {0}. Read it before you share it.', words), { modal: true }, openAnyway);
    return answer === openAnyway;
  }
}

async function offerShareActions(source: vscode.Uri, copy: vscode.TextDocument, name: string, removed: string[]) {
  const copyToClipboard = vscode.l10n.t('Copy to Clipboard');
  const markAsShared = vscode.l10n.t('Mark as Shared');
  const save = saveChoices();
  const canShare = removed.length > 0 ? vscode.l10n.t('This copy can be shared. Left out: {0}.', removed.join(', ')) : vscode.l10n.t('This copy can be shared.');
  const action = await vscode.window.showInformationMessage(canShare, copyToClipboard, save.markdown, save.html, markAsShared);
  if (action === copyToClipboard) await vscode.env.clipboard.writeText(copy.getText());
  if (action === save.markdown || action === save.html) {
    const target = await askSaveTarget(vscode.l10n.t('Save the shareable copy'), name, action === save.html, source);
    // The save dialog itself asks before it picks a file that exists.
    if (!target || !(await saveCopy(copy, target, { confirmed: true }))) return;
  }
  if (action === markAsShared) await markShared(source);
  else if (action) {
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Once you have shared it, record the day in the note.'), markAsShared);
    if (answer === markAsShared) await markShared(source);
  }
}

/** Saves the copy (never over a growth note, over another file once agreed); a Markdown copy then opens from where it was saved. */
async function saveCopy(copy: vscode.TextDocument, target: vscode.Uri, consent: ReplaceConsent): Promise<boolean> {
  if (!(await saveMarkdownDocument(WriteActions.saveShareableCopy, copy, target, vscode.l10n.t('Growth conversation'), consent))) return false;
  if (!target.path.toLowerCase().endsWith('.html')) await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  return true;
}
