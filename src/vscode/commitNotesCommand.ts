import * as vscode from 'vscode';
import { commitMessage, ChangedNote } from '../core/commitMessage';
import { analyzeNote } from '../core/note';
import { GitApi, gitApi, GitRepository, repositoryFor } from './gitApi';
import { Commands } from './ids';
import { trustedOrExplain } from './trust';
import { readNoteText } from './noteDocuments';
import { growthSettings } from './settings';

const OFFERED_INIT_KEY = 'growth.offeredGitInit';
const INITIALISE = 'Initialise Git Repository';
const EDITOR_GITIGNORE = '.DS_Store\nThumbs.db\n*.swp\n*~\n.vscode/*\n!.vscode/settings.json\n';

export interface CommitNotesOptions {
  readonly folder?: vscode.WorkspaceFolder;
  /** Answer "initialise" without asking (tests, scripted use). */
  readonly initialise?: boolean;
}

/** "Growth: Commit Notes": stages the notes folder and commits it locally. It never pushes. */
export class CommitNotesCommand {
  readonly id = Commands.commitNotes;

  async execute(rawOptions?: unknown): Promise<string | undefined> {
    // A view-title button passes the selected row: only real options count.
    const given = rawOptions && typeof rawOptions === 'object' ? rawOptions as Record<string, unknown> : {};
    const options: CommitNotesOptions = {
      folder: given.folder && typeof given.folder === 'object' && 'uri' in given.folder ? given.folder as vscode.WorkspaceFolder : undefined,
      initialise: given.initialise === true,
    };
    if (!trustedOrExplain('Committing notes')) return undefined;
    const folder = options.folder ?? vscode.workspace.workspaceFolders?.[0];
    const api = await gitApi();
    if (!folder || !api) {
      void vscode.window.showWarningMessage('Git is not available here: enable the built-in Git extension to commit notes.');
      return undefined;
    }
    const notesRoot = vscode.Uri.joinPath(folder.uri, growthSettings(folder.uri).notesFolder);
    let repository = await repositoryFor(api, notesRoot, 1000);
    if (!repository) {
      const answer = options.initialise ? INITIALISE
        : await vscode.window.showInformationMessage('The notes are not in a git repository yet. Initialise a private one here? Nothing is ever pushed.', INITIALISE);
      if (answer !== INITIALISE) return undefined;
      repository = await initialiseRepository(api, folder);
      if (!repository) return undefined;
    }
    await repository.status();
    // The .gitignore the extension writes goes in with the notes, so the first commit leaves nothing behind.
    const gitignore = vscode.Uri.joinPath(folder.uri, '.gitignore');
    const changed = uniqueUris([...repository.state.indexChanges, ...repository.state.workingTreeChanges, ...(repository.state.untrackedChanges ?? [])].map(c => c.uri))
      .filter(uri => isInside(uri, notesRoot) || (uri.path === gitignore.path && written.has(uri.path)));
    if (changed.length === 0) {
      void vscode.window.showInformationMessage('No changed notes to commit.');
      return undefined;
    }
    if (changed.every(uri => !isInside(uri, notesRoot))) {
      void vscode.window.showInformationMessage('No changed notes to commit.');
      return undefined;
    }
    const notes: ChangedNote[] = [];
    let others = 0;
    for (const uri of changed) {
      const text = await readNoteText(uri); // undefined when deleted: still committed, counted as another file
      const note = text === undefined ? undefined : analyzeNote(text).note;
      if (note?.isGrowthNote) notes.push({ person: note.person, date: note.date });
      else others++;
    }
    const message = commitMessage(notes, others);
    try {
      await repository.add(changed.map(uri => uri.fsPath));
      await repository.commit(message);
    } catch (error) {
      const detail = (error as { stderr?: string }).stderr?.trim().split('\n')[0] ?? (error instanceof Error ? error.message : '');
      void vscode.window.showErrorMessage(`Git could not commit the notes${detail ? `: ${detail}` : ''}. If git asks who you are, set user.name and user.email.`);
      return undefined;
    }
    void vscode.window.showInformationMessage(`Committed: ${message}`);
    return message;
  }
}

/** Offers, once per workspace, to keep the notes in a git repository. */
export async function offerGitInitOnce(context: vscode.ExtensionContext, folder: vscode.WorkspaceFolder): Promise<void> {
  if (context.workspaceState.get<boolean>(OFFERED_INIT_KEY)) return;
  const api = await gitApi();
  if (!api || await repositoryFor(api, folder.uri, 500)) return;
  await context.workspaceState.update(OFFERED_INIT_KEY, true);
  const answer = await vscode.window.showInformationMessage('Keep these notes in a private git repository? They are never pushed anywhere.', INITIALISE);
  if (answer === INITIALISE) await initialiseRepository(api, folder);
}

/** The .gitignore files this extension wrote in this session: committed with the notes by Commit Notes. */
const written = new Set<string>();

async function initialiseRepository(api: GitApi, folder: vscode.WorkspaceFolder): Promise<GitRepository | undefined> {
  await api.init(folder.uri);
  const gitignore = vscode.Uri.joinPath(folder.uri, '.gitignore');
  const existed = await vscode.workspace.fs.stat(gitignore).then(() => true, () => false);
  if (!existed) {
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(gitignore, { ignoreIfExists: true, contents: new TextEncoder().encode(EDITOR_GITIGNORE) });
    if (await vscode.workspace.applyEdit(edit)) written.add(gitignore.path);
  }
  const repository = await repositoryFor(api, folder.uri);
  if (!repository) void vscode.window.showErrorMessage('Git could not initialise a repository here.');
  return repository;
}

function isInside(uri: vscode.Uri, folder: vscode.Uri): boolean {
  return uri.path === folder.path || uri.path.startsWith(`${folder.path}/`);
}

function uniqueUris(uris: vscode.Uri[]): vscode.Uri[] {
  return [...new Map(uris.map(uri => [uri.toString(), uri])).values()];
}
