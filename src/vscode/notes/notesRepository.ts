import * as vscode from 'vscode';
import { GitApi, gitApi, GitRepository, repositoryFor } from './gitApi';

const OFFERED_INIT_KEY = 'growth.offeredGitInit';
const EDITOR_GITIGNORE = '.DS_Store\nThumbs.db\n*.swp\n*~\n.vscode/*\n!.vscode/settings.json\n';

/** The .gitignore files this extension wrote in this session: committed with the notes by Commit Notes. */
const written = new Set<string>();

/** The button that starts a repository, as both offers show it. */
export function initialiseChoice(): string {
  return vscode.l10n.t('Initialise Git Repository');
}

/** True when this extension wrote the .gitignore at `path` in this session. */
export function wroteGitignore(path: string): boolean {
  return written.has(path);
}

/** Offers, once per workspace, to keep the notes in a git repository. */
export async function offerGitInitOnce(context: vscode.ExtensionContext, folder: vscode.WorkspaceFolder): Promise<void> {
  if (context.workspaceState.get<boolean>(OFFERED_INIT_KEY)) return;
  const api = await gitApi();
  if (!api || await repositoryFor(api, folder.uri, 500)) return;
  await context.workspaceState.update(OFFERED_INIT_KEY, true);
  const initialise = initialiseChoice();
  const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Keep these notes in a private git repository? They are never pushed anywhere.'), initialise);
  if (answer === initialise) await initialiseRepository(api, folder);
}

/** Starts a local repository in the folder, with a .gitignore for editor files when it has none. */
export async function initialiseRepository(api: GitApi, folder: vscode.WorkspaceFolder): Promise<GitRepository | undefined> {
  await api.init(folder.uri);
  const gitignore = vscode.Uri.joinPath(folder.uri, '.gitignore');
  const existed = await vscode.workspace.fs.stat(gitignore).then(() => true, () => false);
  if (!existed) {
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(gitignore, { ignoreIfExists: true, contents: new TextEncoder().encode(EDITOR_GITIGNORE) });
    if (await vscode.workspace.applyEdit(edit)) written.add(gitignore.path);
  }
  const repository = await repositoryFor(api, folder.uri);
  if (!repository) void vscode.window.showErrorMessage(vscode.l10n.t('Git could not initialise a repository here.'));
  return repository;
}
