import * as vscode from 'vscode';
import { Command, stringArgument } from '../common/commandManager';
import { WriteActions } from '../common/writeActions';
import { personKey, today } from '../../core/base';
import { carryOverFrom, freshAnswerSpot, nextFreePath, notePath, relativeNotePath, renderNewNote, uniquePersonSlug } from '../../core/live';
import { analyzeNote, newStablePersonId, QuestionScript } from '../../core/note';
import { orgResponsesFor, Vocabulary } from '../../core/workspace';
import { logRefusal } from '../common/growthLog';
import { Commands } from '../common/ids';
import { readNoteText } from '../common/noteFiles';
import { NotesIndexManager } from './notesIndex';
import { offerGitInitOnce } from './notesRepository';
import { ExtensionHost } from '../common/host';
import { KnownPerson, knownPeople, PersonPick, pickPerson, resolveTyped } from '../people/personPicker';
import { activeScript } from './questionScripts';
import { rulesFor } from '../common/growthRules';
import { growthSettings } from '../common/settings';
import { trustedOrExplain } from '../common/trust';

/** Answers a test (or another command) can give instead of the quick picks. */
export interface NewConversationOptions {
  readonly person?: string;
  readonly date?: string;
  readonly folder?: vscode.WorkspaceFolder;
  /** What to do when the day's note exists: open it, or create `<date>-2.md`. */
  readonly whenExists?: 'open' | 'createAnother';
  /** Text typed in the people picker, then Enter: resolved exactly as the picker does it. */
  readonly typed?: string;
  /** The answer to "X already has notes. New person 'Y'?" (tests): true creates the new person. */
  readonly confirmNewPerson?: boolean;
}

/** Only the fields a caller meant: a view-title button passes the selected row as its first argument. */
function cleanOptions(raw: unknown): NewConversationOptions {
  if (!raw || typeof raw !== 'object') return {};
  const given = raw as Record<string, unknown>;
  const folder = given.folder && typeof given.folder === 'object' && 'uri' in given.folder ? given.folder as vscode.WorkspaceFolder : undefined;
  return {
    person: stringArgument(given.person), date: stringArgument(given.date), folder, typed: stringArgument(given.typed),
    whenExists: given.whenExists === 'open' || given.whenExists === 'createAnother' ? given.whenExists : undefined,
    confirmNewPerson: typeof given.confirmNewPerson === 'boolean' ? given.confirmNewPerson : undefined,
  };
}

/** "Growth: New Growth Conversation": asks who, creates the note from the script and opens it at question 1. */
export class NewConversationCommand implements Command {
  readonly id = Commands.newConversation;

  /** `vocabulary`, when given, adds last time's org responses to question 8. */
  /** `host`: in a browser there is no git to start a repository with, so none is offered. */
  constructor(private readonly context: vscode.ExtensionContext, private readonly notes: NotesIndexManager, private readonly vocabulary?: { readonly current: Vocabulary },
    private readonly host: ExtensionHost = 'node') {}

  async execute(rawOptions?: unknown): Promise<vscode.Uri | undefined> {
    const options = cleanOptions(rawOptions);
    if (!trustedOrExplain(WriteActions.createNote)) return undefined;
    const folder = options.folder ?? await pickFolder();
    if (!folder) return undefined;
    const settings = growthSettings(folder.uri);
    const { rules } = rulesFor(folder);
    const { script, error } = await activeScript(folder);
    if (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} No note was created.', error));
      return undefined;
    }
    const notesRoot = vscode.Uri.joinPath(folder.uri, rules.notesFolder);
    const who = await this.whoWith(options, notesRoot, rules.store.folderNames === 'pseudonymous');
    if (!who) return undefined;
    const date = options.date ?? (settings.askForDate ? await askDate() : today());
    if (!date) return undefined;
    const target = await freeTarget(vscode.Uri.joinPath(notesRoot, notePath(settings.filePattern, who.person, date, who.slug)), who.person, date, options.whenExists);
    if (!target || target.open) return target?.uri;

    const { known } = who;
    const lastText = known ? await readNoteText(known.lastNote) ?? '' : '';
    const carryOver = known ? carryOverFrom(lastText, relativeNotePath(target.uri.path, known.lastNote.path), script) : undefined;
    const template = rules.templatePath ? await readTemplate(folder, rules.templatePath) : undefined;
    if (template === null) return undefined;
    const orgResponses = known && this.vocabulary ? orgResponsesFor(lastText, this.vocabulary.current, script) : [];
    const text = renderNewNote({
      person: known?.person ?? who.person, date, manager: settings.manager || undefined, script, carryOver, template, orgResponses, guidance: settings.guidanceComments, personId: who.personId,
    });
    // Git is offered once, when the notes folder is first made; never when a note opens mid-conversation.
    const firstNotesFolder = !(await exists(notesRoot));
    if (!(await createAndOpen(target.uri, text, script))) return undefined;
    // The first note of a workspace: from now on it is indexed, and the Growth views show.
    void this.notes.start();
    if (firstNotesFolder && this.host === 'node') void offerGitInitOnce(this.context, folder);
    return target.uri;
  }

  /**
   * The person (given, typed or picked), the known person behind the name if any, and their notes folder.
   * With pseudonymous folders a new person gets a stable id, which names their folder instead of their name.
   */
  private async whoWith(options: NewConversationOptions, notesRoot: vscode.Uri, pseudonymous: boolean)
    : Promise<{ person: string; known?: KnownPerson; slug: string; personId?: string } | undefined> {
    await this.notes.ready;
    const people = knownPeople(this.notes.index.all(), notesRoot);
    const picked: PersonPick | undefined = options.person !== undefined ? { person: options.person }
      : options.typed !== undefined ? await resolveTyped(options.typed, people, false, options.confirmNewPerson)
        : await pickPerson(people, options.confirmNewPerson);
    if (!picked?.person) return undefined;
    const person = picked.person;
    // A given name means the person with that name (case, accents and spacing aside; the most recent, if several).
    const known = picked.isNew ? undefined : picked.known ?? people.find(p => personKey(p.person) === personKey(person));
    if (known) return { person, known, slug: known.slug };
    if (pseudonymous) {
      const personId = newStablePersonId();
      return { person, slug: personId, personId };
    }
    return { person, slug: uniquePersonSlug(person, new Set(people.map(p => p.slug))) };
  }
}

/**
 * Where the note goes: the path itself when free; when the day's note exists, that note (opened, as
 * asked) or the next free `<date>-2.md` beside it.
 */
async function freeTarget(target: vscode.Uri, person: string, date: string, whenExists: NewConversationOptions['whenExists']): Promise<{ uri: vscode.Uri; open?: boolean }> {
  if (!(await exists(target))) return { uri: target };
  const openIt = vscode.l10n.t('Open It');
  const another = vscode.l10n.t('Create Another');
  const choice = whenExists
    ?? (await vscode.window.showWarningMessage(vscode.l10n.t('A note for {0} on {1} already exists.', person, date), { modal: true }, openIt, another) === another ? 'createAnother' : 'open');
  if (choice === 'open') {
    await vscode.window.showTextDocument(target);
    return { uri: target, open: true };
  }
  const siblings = new Set((await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(target, '..'))).map(([name]) => name));
  const name = nextFreePath(target.path.split('/').pop() ?? `${date}.md`, candidate => siblings.has(candidate));
  return { uri: vscode.Uri.joinPath(target, '..', name) };
}

/** Creates the note (never over a file) and puts the cursor on question 1's answer line. */
async function createAndOpen(target: vscode.Uri, text: string, script: QuestionScript): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  // No overwrite, ever: if the file appeared in the meantime, the edit fails instead of clobbering it.
  edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    logRefusal(WriteActions.createNote.log, 'the file could not be created without replacing something', target);
    const message = vscode.l10n.t('Could not create {0}. The folder may be read-only, or the file appeared meanwhile.', vscode.workspace.asRelativePath(target));
    void vscode.window.showErrorMessage(message);
    return false;
  }
  const document = await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(document);
  const created = analyzeNote(text, script);
  const firstQuestion = created.note.sections.find(section => section.kind === 'question');
  const spot = firstQuestion ? freshAnswerSpot(firstQuestion, line => created.lines.lineText(line), document.lineCount) : { line: 0, character: 0 };
  editor.selection = new vscode.Selection(spot.line, spot.character, spot.line, spot.character);
  editor.revealRange(new vscode.Range(spot.line, 0, spot.line, 0), vscode.TextEditorRevealType.InCenter);
  return true;
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: growth notes live in a folder, ideally a private git repository.'));
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which folder holds the notes?') });
}

async function askDate(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('New Growth Conversation'),
    prompt: vscode.l10n.t('Date of the conversation'),
    value: today(),
    validateInput: value => (/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? undefined : vscode.l10n.t('Use YYYY-MM-DD.')),
  });
}

async function readTemplate(folder: vscode.WorkspaceFolder, path: string): Promise<string | null> {
  const template = await readNoteText(vscode.Uri.joinPath(folder.uri, path));
  if (template === undefined) void vscode.window.showErrorMessage(vscode.l10n.t('The note template "{0}" was not found. No note was created.', path));
  return template ?? null;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
