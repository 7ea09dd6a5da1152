import * as vscode from 'vscode';
import { bytesDeclareGrowthNote, declaresGrowthNote } from '../core/frontmatter';
import { analyzeNote, NoteAnalysis } from '../core/note';
import { decodeNoteBytes, Problem } from '../core/problem';
import { validateNote } from '../core/validate';
import { MAX_INDEXED_BYTES } from '../core/workspaceIndex';
import { toDiagnostic } from './adapters';
import { Settings } from './ids';
import { activeScript, analyzeDocument, isGrowthDocument, isMarkdown, NOTE_SCAN_EXCLUDE, readNoteText } from './noteDocuments';
import { growthSettings } from './settings';
import { WorkspaceVocabularyProvider } from './workspaceNotes';

const TYPING_DELAY_MS = 250;
const WORKSPACE_GLOB = '**/*.md';

/** Problems in growth notes: live for open notes, and for every note in the workspace unless turned off. */
export function registerDiagnostics(vocabulary: WorkspaceVocabularyProvider): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('growth');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const validateDocument = async (document: vscode.TextDocument) => {
    if (!isMarkdown(document) || document.uri.scheme === 'git') return;
    if (!isGrowthDocument(document)) {
      collection.delete(document.uri);
      return;
    }
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const { script } = await activeScript(folder);
    const analysis = analyzeDocument(document, script);
    collection.set(document.uri, (await noteProblems(document.uri, analysis, vocabulary)).map(toDiagnostic));
  };

  const schedule = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      void validateDocument(document);
    }, TYPING_DELAY_MS));
  };

  const validateWorkspace = async () => {
    if (!growthSettings().validateWorkspace) return;
    const open = new Set(vscode.workspace.textDocuments.map(d => d.uri.toString()));
    for (const uri of await vscode.workspace.findFiles(WORKSPACE_GLOB, NOTE_SCAN_EXCLUDE)) {
      if (!open.has(uri.toString())) await validateFile(uri);
    }
  };

  const validateFile = async (uri: vscode.Uri) => {
    let bytes: Uint8Array;
    try {
      // Too large to be a conversation: the index leaves it out and says so; it is checked once opened.
      if ((await vscode.workspace.fs.stat(uri)).size > MAX_INDEXED_BYTES) {
        collection.delete(uri);
        return;
      }
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      collection.delete(uri);
      return;
    }
    const decoded = decodeNoteBytes(bytes);
    if ('problem' in decoded) {
      if (bytesDeclareGrowthNote(bytes)) collection.set(uri, [toDiagnostic(decoded.problem)]);
      return;
    }
    if (!declaresGrowthNote(decoded.text)) {
      collection.delete(uri);
      return;
    }
    const { script } = await activeScript(vscode.workspace.getWorkspaceFolder(uri));
    collection.set(uri, (await noteProblems(uri, analyzeNote(decoded.text, script), vocabulary)).map(toDiagnostic));
  };

  const watcher = vscode.workspace.createFileSystemWatcher(WORKSPACE_GLOB);
  const onDiskChange = (uri: vscode.Uri) => {
    if (!growthSettings().validateWorkspace) return;
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    if (open) schedule(open);
    else void validateFile(uri);
  };

  for (const document of vscode.workspace.textDocuments) void validateDocument(document);
  void validateWorkspace();

  return vscode.Disposable.from(
    collection,
    watcher,
    watcher.onDidCreate(onDiskChange),
    watcher.onDidChange(onDiskChange),
    watcher.onDidDelete(uri => collection.delete(uri)),
    vscode.workspace.onDidOpenTextDocument(document => void validateDocument(document)),
    vscode.workspace.onDidChangeTextDocument(event => schedule(event.document)),
    vscode.workspace.onDidCloseTextDocument(document => {
      // A closed note keeps its problems only when the whole workspace is checked.
      if (growthSettings().validateWorkspace && document.uri.scheme === 'file') void validateFile(document.uri);
      else collection.delete(document.uri);
    }),
    vscode.workspace.onDidChangeConfiguration(event => {
      if (!event.affectsConfiguration(Settings.section)) return;
      collection.clear();
      for (const document of vscode.workspace.textDocuments) void validateDocument(document);
      void validateWorkspace();
    }),
    { dispose: () => timers.forEach(timer => clearTimeout(timer)) },
  );
}

/** A note's problems in the context of its workspace: the note `previous` points at, and the usual theme spellings. */
export async function noteProblems(uri: vscode.Uri, analysis: NoteAnalysis, vocabulary: WorkspaceVocabularyProvider): Promise<Problem[]> {
  // `previous` is resolved here against the real file system; the core only asks who the person is.
  const previousPerson = await personOfPrevious(uri, analysis.note.previous);
  const { spellings } = await vocabulary.vocabulary();
  return validateNote(analysis, { notePath: uri.path, personAt: () => previousPerson, preferredSpelling: key => spellings.get(key) });
}

/**
 * The person named by the note `previous` points at: undefined when there is no such file,
 * null when it is not a growth note. The open document wins over the file on disk.
 */
async function personOfPrevious(noteUri: vscode.Uri, previous: string | undefined): Promise<string | null | undefined> {
  // An unsaved document has no folder to resolve a relative path against.
  if (!previous || noteUri.scheme === 'untitled') return null;
  const target = vscode.Uri.joinPath(noteUri, '..', previous.replace(/\\/g, '/'));
  const text = await readNoteText(target);
  if (text === undefined) return undefined;
  const note = analyzeNote(text).note;
  return note.isGrowthNote ? note.person ?? null : null;
}
