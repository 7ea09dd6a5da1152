import * as vscode from 'vscode';
import { today } from '../../core/base';
import { notesOfPerson, personSlug } from '../../core/live';
import { prereadFor, prereadHtml } from '../../core/outputs';
import { Command } from '../common/commandManager';
import { exportUri, writeExport } from '../common/exportFiles';
import { logRefusal } from '../common/growthLog';
import { configRefusal, rulesFor } from '../common/growthRules';
import { Commands } from '../common/ids';
import { readNoteText } from '../common/noteFiles';
import { WriteActions } from '../common/writeActions';
import { NotesIndexManager } from '../notes/notesIndex';
import { activeScript } from '../notes/questionScripts';
import { noteUri } from '../notes/workspaceNoteSource';
import { personFrom, pickPersonWithNotes } from '../people/prepareCommand';

/** What a caller (a test, a script) may pass instead of answering the command's questions. */
export interface SendPrereadArgs {
  readonly person?: string;
  /** Save here (.html for a page) instead of asking; a file already there is replaced only after a yes. */
  readonly saveTo?: vscode.Uri;
}

/** What was saved, for the caller. */
export interface SendPrereadResult {
  readonly saved: vscode.Uri;
  readonly leftOut: readonly string[];
}

/**
 * "Growth: Send Pre-read": a short file for the person to fill in before the conversation, offered
 * through a save dialog (in the export folder, named after the person and the day). It is sent by
 * whatever channel the manager uses; nothing leaves the machine from here.
 */
export class SendPrereadCommand implements Command {
  readonly id = Commands.sendPreread;

  constructor(private readonly notes: NotesIndexManager) {}

  async execute(given?: unknown): Promise<SendPrereadResult | undefined> {
    const options = argsFrom(given);
    await this.notes.ready;
    const person = options.person ?? await pickPersonWithNotes(this.notes, {
      title: vscode.l10n.t('Send Pre-read'), placeHolder: vscode.l10n.t('Who is the pre-read for?'),
      nobody: vscode.l10n.t('No conversations yet: a pre-read is made from a person\'s notes.'),
    });
    if (!person) return undefined;
    const notes = notesOfPerson(this.notes.index.all(), person);
    const near = notes.length > 0 ? noteUri(notes[notes.length - 1].path) : undefined;
    const found = rulesFor(near);
    const refusal = configRefusal(found);
    if (refusal) {
      logRefusal(WriteActions.savePreread.log, 'growth.config.json has problems');
      await vscode.window.showWarningMessage(vscode.l10n.t('No pre-read was made. {0}', refusal), { modal: true });
      return undefined;
    }
    const texts = new Map<string, string>();
    for (const note of notes) {
      const text = await readNoteText(noteUri(note.path));
      if (text !== undefined) texts.set(note.path, text);
    }
    const { script } = await activeScript(near ? vscode.workspace.getWorkspaceFolder(near) : vscode.workspace.workspaceFolders?.[0]);
    const day = today();
    const made = prereadFor({
      person, script, notes, textOf: path => texts.get(path), today: day,
      share: { privateFields: found.rules.share.privateFields, privateSections: found.rules.share.privateSections },
    });
    const target = options.saveTo ?? await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save the pre-read for {0}', person),
      defaultUri: exportUri(`pre-read-${personSlug(person)}-${day}.md`, near),
      filters: { [vscode.l10n.t('Markdown')]: ['md'], [vscode.l10n.t('HTML')]: ['html'] },
    });
    if (!target || (options.saveTo && !(await replaceConfirmed(target)))) return undefined;
    const html = target.path.toLowerCase().endsWith('.html');
    if (!(await writeExport(WriteActions.savePreread, target, html ? prereadHtml(made) : made.markdown))) return undefined;
    const name = target.path.split('/').pop() ?? '';
    const saved = made.leftOut.length > 0
      ? vscode.l10n.t('Pre-read saved as {0}. Send it to {1} your usual way. {2}', name, person, made.leftOut.join(' '))
      : vscode.l10n.t('Pre-read saved as {0}. Send it to {1} your usual way.', name, person);
    // The manager reads what goes out before sending it: one click opens it.
    const open = vscode.l10n.t('Open');
    void vscode.window.showInformationMessage(saved, open).then(choice => (choice === open ? vscode.window.showTextDocument(target) : undefined));
    return { saved: target, leftOut: made.leftOut };
  }
}

/** A file chosen by a caller, not by the save dialog (which asks by itself): replaced only after a yes. */
async function replaceConfirmed(target: vscode.Uri): Promise<boolean> {
  const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
  if (!exists) return true;
  const replace = vscode.l10n.t('Replace');
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it with the pre-read?', target.path.split('/').pop() ?? ''), { modal: true }, replace);
  return answer === replace;
}

function argsFrom(given: unknown): SendPrereadArgs {
  const person = personFrom(given);
  if (person) return { person };
  if (given && typeof given === 'object' && !Array.isArray(given)) {
    const args = given as SendPrereadArgs;
    return { person: typeof args.person === 'string' ? args.person : undefined, saveTo: args.saveTo instanceof vscode.Uri ? args.saveTo : undefined };
  }
  return {};
}
