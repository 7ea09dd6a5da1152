import * as vscode from 'vscode';
import { noteUri } from '../notes/workspaceNoteSource';
import { today } from '../../core/base';
import { OrgResponseLookup, prepareBrief } from '../../core/live';
import { notesOfIdentity } from '../../core/workspace';
import { Disposable } from '../common/dispose';
import { Commands } from '../common/ids';
import { analyzeWithItsScript, isGrowthDocument } from '../notes/noteAnalysis';
import { readNoteText } from '../common/noteFiles';
import { NotesIndexManager } from '../notes/notesIndex';
import { activeScript } from '../notes/questionScripts';

/** Briefs open read-only under this scheme: nothing typed there can reach a note. */
export const BRIEF_SCHEME = 'growth-brief';

/**
 * The read-only briefs "Prepare" opens, one per person, written from the index when shown; and the
 * "Prepare: brief on <person>" lens above a note that has no answers yet.
 */
export class PrepareBriefProvider extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changeEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changeEmitter.event;

  /** `orgResponse` answers "what did the organisation do about this theme", from the shared theme vocabulary. */
  constructor(private readonly notes: NotesIndexManager, private readonly orgResponse: OrgResponseLookup = () => undefined) {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(BRIEF_SCHEME, this));
    this._register(vscode.languages.registerCodeLensProvider({ language: 'markdown' }, new PrepareCodeLensProvider()));
  }

  /** Opens the brief on `person`, written afresh. */
  async open(person: string): Promise<vscode.Uri> {
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
    const notes = notesOfIdentity(this.notes.index.all(), person);
    const latest = notes[notes.length - 1];
    const latestUri = latest ? noteUri(latest.path) : undefined;
    const latestText = latestUri ? await readNoteText(latestUri) : undefined;
    const { script } = await activeScript(latestUri ? vscode.workspace.getWorkspaceFolder(latestUri) : vscode.workspace.workspaceFolders?.[0]);
    return prepareBrief({ person, notes, latestText, script, today: today(), orgResponse: this.orgResponse });
  }
}

/** "Prepare: brief on <person>" above a growth note's first line, while the note has no answers yet. */
class PrepareCodeLensProvider implements vscode.CodeLensProvider {
  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!isGrowthDocument(document)) return [];
    const { note } = await analyzeWithItsScript(document);
    if (!note.person || note.sections.some(s => s.kind === 'question' && s.answered)) return [];
    const title = vscode.l10n.t('Prepare: brief on {0}', note.person);
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title, command: Commands.prepare, arguments: [note.person] })];
  }
}
