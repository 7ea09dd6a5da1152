import * as vscode from 'vscode';
import { freshAnswerSpot } from '../core/guide';
import { analyzeNote } from '../core/note';
import { decideTypedName, matchName, personKey } from '../core/peopleMatch';
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
  /** Text typed in the people picker, then Enter: resolved exactly as the picker does it. */
  readonly typed?: string;
  /** The answer to "X already has notes. New person 'Y'?" (tests): true creates the new person. */
  readonly confirmNewPerson?: boolean;
}

/** Only the fields a caller meant: a view-title button passes the selected row as its first argument. */
function cleanOptions(raw: unknown): NewConversationOptions {
  if (!raw || typeof raw !== 'object') return {};
  const given = raw as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const folder = given.folder && typeof given.folder === 'object' && 'uri' in given.folder ? given.folder as vscode.WorkspaceFolder : undefined;
  return {
    person: text(given.person), date: text(given.date), folder, typed: text(given.typed),
    whenExists: given.whenExists === 'open' || given.whenExists === 'createAnother' ? given.whenExists : undefined,
    confirmNewPerson: typeof given.confirmNewPerson === 'boolean' ? given.confirmNewPerson : undefined,
  };
}

const WHEN_EXISTS_OPEN = 'Open It';
const WHEN_EXISTS_ANOTHER = 'Create Another';

export class NewConversationCommand {
  readonly id = Commands.newConversation;

  /** `vocabulary`, when given, adds last time's org responses to question 8. */
  constructor(private readonly context: vscode.ExtensionContext, private readonly notes: NotesIndexManager, private readonly vocabulary?: { readonly current: Vocabulary }) {}

  async execute(rawOptions?: unknown): Promise<vscode.Uri | undefined> {
    const options = cleanOptions(rawOptions);
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
    const picked = options.person !== undefined ? { person: options.person }
      : options.typed !== undefined ? await resolveTyped(options.typed, people, false, options.confirmNewPerson)
        : await pickPerson(people, options.confirmNewPerson);
    if (!picked?.person) return undefined;
    const person = picked.person;
    // A given name means the person with that name (case, accents and spacing aside; the most recent, if several).
    const known = picked.isNew ? undefined : picked.known ?? people.find(p => personKey(p.person) === personKey(person));
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
    const text = renderNewNote({
      person: known?.person ?? person, date, manager: settings.manager || undefined, script, carryOver, template, orgResponses, guidance: settings.guidanceComments,
    });
    // Git is offered once, when the notes folder is first made; never when a note opens mid-conversation.
    const firstNotesFolder = !(await exists(notesRoot));

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
    const spot = firstQuestion ? freshAnswerSpot(firstQuestion, line => created.lines.lineText(line), document.lineCount) : { line: 0, character: 0 };
    editor.selection = new vscode.Selection(spot.line, spot.character, spot.line, spot.character);
    editor.revealRange(new vscode.Range(spot.line, 0, spot.line, 0), vscode.TextEditorRevealType.InCenter);
    if (firstNotesFolder) void offerGitInitOnce(this.context, folder);
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
    const key = `${personKey(note.person)}|${note.team?.trim().toLowerCase() ?? ''}`;
    const seen = latest.get(key);
    const lastNote = vscode.Uri.parse(note.path);
    const slug = lastNote.path.split('/').slice(-2, -1)[0] ?? personSlug(note.person);
    if (!seen || seen.lastDate < note.date) latest.set(key, { person: note.person.trim(), team: note.team, lastDate: note.date, lastNote, slug });
  }
  return [...latest.values()].sort((a, b) => b.lastDate.localeCompare(a.lastDate) || a.person.localeCompare(b.person));
}

type PersonPick = { person: string; known?: KnownPerson; isNew?: boolean };
type PersonPickItem = vscode.QuickPickItem & { pick: PersonPick };

/**
 * The picker's rows for what is typed: people whose name matches (same, starts with, close) first, then
 * everyone else, and "New person" last, so Enter on a partial name never creates someone new.
 */
export function personPickItems(typedValue: string, people: readonly KnownPerson[]): PersonPickItem[] {
  const typed = typedValue.trim();
  const row = (p: KnownPerson, alwaysShow: boolean): PersonPickItem =>
    ({ label: p.person, description: p.team, detail: `Last conversation ${p.lastDate}`, alwaysShow, pick: { person: p.person, known: p } });
  if (!typed) return people.map(p => row(p, false));
  const rank = { same: 0, prefix: 1, close: 2, none: 3 } as const;
  const ranked = people.map(p => ({ p, match: matchName(typed, p.person) })).filter(r => r.match !== 'none')
    .sort((a, b) => rank[a.match] - rank[b.match]);
  // The typed text is not in this row's label: the picker ranks rows whose label matches first, so an existing person stays on top.
  const newRow: PersonPickItem = { label: '$(add) New person', description: `"${typed}"`, alwaysShow: true, pick: { person: typed, isNew: true } };
  return [...ranked.map(r => row(r.p, true)), newRow];
}

/**
 * What Enter on typed text means when no row is chosen, or the "New person" row is: an existing person
 * when the name is theirs or starts it; a name close to someone's asks first.
 */
async function resolveTyped(typedValue: string, people: readonly KnownPerson[], chosenNew: boolean, confirmNew?: boolean): Promise<PersonPick | undefined> {
  const typed = typedValue.trim();
  if (!typed) return undefined;
  const decision = decideTypedName(typed, people, p => p.person);
  if (decision.kind === 'new') return { person: typed, isNew: true };
  if (decision.kind === 'existing' && !chosenNew) return { person: decision.person.person, known: decision.person };
  const similar = decision.kind === 'existing' ? decision.person : decision.similar;
  const NEW = 'New Person';
  const USE = `Use ${similar.person}`;
  const answer = confirmNew === undefined
    ? await vscode.window.showWarningMessage(`${similar.person} already has notes. New person '${typed}'?`, { modal: true }, NEW, USE)
    : confirmNew ? NEW : USE;
  if (answer === NEW) return { person: typed, isNew: true };
  if (answer === USE) return { person: similar.person, known: similar };
  return undefined;
}

async function pickPerson(people: readonly KnownPerson[], confirmNew?: boolean): Promise<PersonPick | undefined> {
  const pick = vscode.window.createQuickPick<PersonPickItem>();
  pick.title = 'New Growth Conversation';
  pick.placeholder = 'Who is the conversation with? Pick someone or type a new name.';
  pick.items = personPickItems('', people);
  pick.onDidChangeValue(value => {
    pick.items = personPickItems(value, people);
  });
  const chosen = await new Promise<{ item?: PersonPickItem; typed: string } | undefined>(resolve => {
    pick.onDidAccept(() => {
      resolve({ item: pick.selectedItems[0] ?? pick.activeItems[0], typed: pick.value });
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
  if (!chosen) return undefined;
  if (chosen.item && !chosen.item.pick.isNew) return chosen.item.pick;
  return resolveTyped(chosen.item?.pick.person ?? chosen.typed, people, chosen.item?.pick.isNew === true, confirmNew);
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
