import * as vscode from 'vscode';
import { answerLine } from '../core/guide';
import { analyzeNote } from '../core/note';
import { IndexedNote } from '../core/workspaceIndex';
import { carryOverFrom, isoDay, nextFreePath, notePath, personSlug, relativeNotePath, renderNewNote, uniquePersonSlug } from '../core/scaffold';
import { offerGitInitOnce } from './commitNotesCommand';
import { logRefusal } from './growthLog';
import { Commands } from './ids';
import { trustedOrExplain } from './trust';
import { activeScript, readNoteText } from './noteDocuments';
import { NotesIndexManager } from './notesIndex';
import { growthSettings } from './settings';
import { orgResponsesFor, Vocabulary } from '../core/vocabulary';

/** Someone who already has notes, with their latest conversation. */
export interface KnownPerson {
  readonly person: string;
  readonly team?: string;
  readonly lastDate: string;
  readonly lastNote: vscode.Uri;
  /** The folder their notes live in, named when their first note was created. */
  readonly slug: string;
}

/** Answers a test (or another command) can give instead of the quick picks. */
export interface NewConversationOptions {
  readonly person?: string;
  readonly date?: string;
  readonly folder?: vscode.WorkspaceFolder;
  /** What to do when the day's note exists: open it, or create `<date>-2.md`. */
  readonly whenExists?: 'open' | 'createAnother';
}

const WHEN_EXISTS_OPEN = 'Open It';
const WHEN_EXISTS_ANOTHER = 'Create Another';

export class NewConversationCommand {
  readonly id = Commands.newConversation;

  /** `vocabulary`, when given, adds last time's org responses to question 8. */
  constructor(private readonly context: vscode.ExtensionContext, private readonly notes: NotesIndexManager, private readonly vocabulary?: { readonly current: Vocabulary }) {}

  async execute(options: NewConversationOptions = {}): Promise<vscode.Uri | undefined> {
    if (!trustedOrExplain('Creating a note')) return undefined;
    const folder = options.folder ?? await pickFolder();
    if (!folder) return undefined;
    const settings = growthSettings(folder.uri);
    const { script, error } = await activeScript(folder);
    if (error) {
      void vscode.window.showErrorMessage(`${error} No note was created.`);
      return undefined;
    }
    const notesRoot = vscode.Uri.joinPath(folder.uri, settings.notesFolder);
    await this.notes.ready;
    const people = knownPeople(this.notes.index.all(), notesRoot);
    const picked = options.person !== undefined ? { person: options.person } : await pickPerson(people);
    if (!picked?.person) return undefined;
    const person = picked.person;
    // A typed name means the person with that name (the most recent, if several); "New person" means someone new.
    const known = picked.isNew ? undefined : picked.known ?? people.find(p => p.person.toLowerCase() === person.trim().toLowerCase());
    const slug = known?.slug ?? uniquePersonSlug(person, new Set(people.map(p => p.slug)));
    const date = options.date ?? (settings.askForDate ? await askDate() : today());
    if (!date) return undefined;

    const relative = notePath(settings.filePattern, person, date, slug);
    let target = vscode.Uri.joinPath(notesRoot, relative);
    if (await exists(target)) {
      const choice = options.whenExists
        ?? (await vscode.window.showWarningMessage(`A note for ${person} on ${date} already exists.`, { modal: true }, WHEN_EXISTS_OPEN, WHEN_EXISTS_ANOTHER) === WHEN_EXISTS_ANOTHER ? 'createAnother' : 'open');
      if (choice === 'open') {
        await vscode.window.showTextDocument(target);
        return target;
      }
      const siblings = new Set((await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(target, '..'))).map(([name]) => name));
      const name = nextFreePath(target.path.split('/').pop() ?? `${date}.md`, candidate => siblings.has(candidate));
      target = vscode.Uri.joinPath(target, '..', name);
    }

    const carryOver = known ? carryOverFrom(await readNoteText(known.lastNote) ?? '', relativeNotePath(target.path, known.lastNote.path), script) : undefined;
    const template = settings.templatePath ? await readTemplate(folder, settings.templatePath) : undefined;
    if (template === null) return undefined;
    const orgResponses = known && this.vocabulary ? orgResponsesFor(await readNoteText(known.lastNote) ?? '', this.vocabulary.current, script) : [];
    const text = renderNewNote({ person: known?.person ?? person, date, manager: settings.manager || undefined, script, carryOver, template, orgResponses });

    const edit = new vscode.WorkspaceEdit();
    // No overwrite, ever: if the file appeared in the meantime, the edit fails instead of clobbering it.
    edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
    if (!(await vscode.workspace.applyEdit(edit))) {
      logRefusal('Creating a note', 'the file could not be created without replacing something', target);
      void vscode.window.showErrorMessage(`Could not create ${vscode.workspace.asRelativePath(target)}. The folder may be read-only, or the file appeared meanwhile.`);
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(target);
    const editor = await vscode.window.showTextDocument(document);
    const created = analyzeNote(text, script);
    const firstQuestion = created.note.sections.find(section => section.kind === 'question');
    const firstAnswer = firstQuestion ? answerLine(firstQuestion, line => created.lines.lineText(line)) : 0;
    editor.selection = new vscode.Selection(firstAnswer, 0, firstAnswer, 0);
    editor.revealRange(new vscode.Range(firstAnswer, 0, firstAnswer, 0), vscode.TextEditorRevealType.InCenter);
    void offerGitInitOnce(this.context, folder);
    return target;
  }
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage('Open a folder first: growth notes live in a folder, ideally a private git repository.');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder holds the notes?' });
}

/** People with notes under the notes folder, most recent conversation first; same name, different team: two people. */
export function knownPeople(notes: readonly IndexedNote[], notesRoot: vscode.Uri): KnownPerson[] {
  const root = `${notesRoot.toString()}/`;
  const latest = new Map<string, KnownPerson>();
  for (const note of notes) {
    if (!note.path.startsWith(root) || !note.person || !note.date) continue;
    const key = `${note.person.trim().toLowerCase()}|${note.team?.trim().toLowerCase() ?? ''}`;
    const seen = latest.get(key);
    const lastNote = vscode.Uri.parse(note.path);
    const slug = lastNote.path.split('/').slice(-2, -1)[0] ?? personSlug(note.person);
    if (!seen || seen.lastDate < note.date) latest.set(key, { person: note.person.trim(), team: note.team, lastDate: note.date, lastNote, slug });
  }
  return [...latest.values()].sort((a, b) => b.lastDate.localeCompare(a.lastDate) || a.person.localeCompare(b.person));
}

type PersonPick = { person: string; known?: KnownPerson; isNew?: boolean };

async function pickPerson(people: readonly KnownPerson[]): Promise<PersonPick | undefined> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { pick: PersonPick }>();
  pick.title = 'New Growth Conversation';
  pick.placeholder = 'Who is the conversation with? Pick someone or type a new name.';
  const known = people.map(p => ({ label: p.person, description: p.team, detail: `Last conversation ${p.lastDate}`, pick: { person: p.person, known: p } }));
  pick.items = known;
  pick.onDidChangeValue(value => {
    const typed = value.trim();
    const newItem = { label: typed, description: 'New person', alwaysShow: true, pick: { person: typed, isNew: true } };
    pick.items = typed ? [...known, newItem] : known;
  });
  return new Promise(resolve => {
    pick.onDidAccept(() => {
      const typed = pick.value.trim();
      resolve(pick.selectedItems[0]?.pick ?? (typed ? { person: typed } : undefined));
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

async function askDate(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'New Growth Conversation',
    prompt: 'Date of the conversation',
    value: today(),
    validateInput: value => (/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? undefined : 'Use YYYY-MM-DD.'),
  });
}

async function readTemplate(folder: vscode.WorkspaceFolder, path: string): Promise<string | null> {
  const template = await readNoteText(vscode.Uri.joinPath(folder.uri, path));
  if (template === undefined) void vscode.window.showErrorMessage(`The note template "${path}" was not found. No note was created.`);
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

function today(): string {
  return isoDay(new Date());
}
