import * as vscode from 'vscode';
import { OrgResponseLookup, notesOfPerson, prepareBrief } from '../core/prepare';
import { isoDay } from '../core/scaffold';
import { Commands } from './ids';
import { activeScript, analyzeDocument, isGrowthDocument, readNoteText } from './noteDocuments';
import { NotesIndexManager } from './notesIndex';
import type { PersonTreeItem } from './peopleView';

/** Briefs open read-only under this scheme: nothing typed there can reach a note. */
export const BRIEF_SCHEME = 'growth-brief';

/**
 * "Growth: Prepare": a one-page, read-only brief of a person before the conversation. From the
 * palette (pick a person), the People view (the row), or the CodeLens on a note's first line.
 */
export class PrepareCommand implements vscode.TextDocumentContentProvider {
  readonly id = Commands.prepare;
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;

  /** `orgResponse` answers "what did the organisation do about this theme", from the shared theme vocabulary. */
  constructor(private readonly notes: NotesIndexManager, private readonly orgResponse: OrgResponseLookup = () => undefined) {}

  /** Opens the brief; the argument is a person's name, a People row, or nothing (then a pick). */
  async execute(argument?: unknown): Promise<vscode.Uri | undefined> {
    await this.notes.ready;
    const person = personFrom(argument) ?? await this.pickPerson();
    if (!person) return undefined;
    const uri = vscode.Uri.from({ scheme: BRIEF_SCHEME, path: `/Prepare ${person.replace(/[/\\]/g, '-')}.md`, query: encodeURIComponent(person) });
    this.changeEmitter.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await vscode.window.showTextDocument(document, { preview: true });
    return uri;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const person = decodeURIComponent(uri.query);
    await this.notes.ready;
    const notes = notesOfPerson(this.notes.index.all(), person);
    const latest = notes[notes.length - 1];
    const latestUri = latest ? vscode.Uri.parse(latest.path) : undefined;
    const latestText = latestUri ? await readNoteText(latestUri) : undefined;
    const { script } = await activeScript(latestUri ? vscode.workspace.getWorkspaceFolder(latestUri) : vscode.workspace.workspaceFolders?.[0]);
    return prepareBrief({ person, notes, latestText, script, today: isoDay(new Date()), orgResponse: this.orgResponse });
  }

  private async pickPerson(): Promise<string | undefined> {
    const names = new Map<string, { date: string; team?: string }>();
    for (const note of this.notes.index.all()) {
      if (!note.person) continue;
      const seen = names.get(note.person.trim());
      if (!seen || (note.date ?? '') > seen.date) names.set(note.person.trim(), { date: note.date ?? '', team: note.team });
    }
    const items = [...names.entries()].sort((a, b) => b[1].date.localeCompare(a[1].date))
      .map(([label, info]) => ({ label, description: info.team, detail: info.date ? `Last conversation ${info.date}` : undefined }));
    if (items.length === 0) {
      void vscode.window.showInformationMessage('No conversations yet: there is nobody to prepare for.');
      return undefined;
    }
    return (await vscode.window.showQuickPick(items, { title: 'Prepare', placeHolder: 'Whose conversation are you preparing?' }))?.label;
  }
}

function personFrom(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument.trim() || undefined;
  const row = argument as PersonTreeItem | undefined;
  if (row && typeof row === 'object' && row.kind === 'person' && typeof row.person?.person === 'string') return row.person.person;
  return undefined;
}

/** "Prepare: brief on <person>" above a growth note's first line, while the note has no answers yet. */
class PrepareCodeLensProvider implements vscode.CodeLensProvider {
  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!isGrowthDocument(document)) return [];
    const { script } = await activeScript(vscode.workspace.getWorkspaceFolder(document.uri));
    const { note } = analyzeDocument(document, script);
    if (!note.person || note.sections.some(s => s.kind === 'question' && s.answered)) return [];
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: `Prepare: brief on ${note.person}`, command: Commands.prepare, arguments: [note.person] })];
  }
}

export function registerPrepare(command: PrepareCommand): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(BRIEF_SCHEME, command),
    vscode.commands.registerCommand(command.id, (argument?: unknown) => command.execute(argument)),
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, new PrepareCodeLensProvider()),
  );
}
