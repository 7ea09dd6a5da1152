import * as vscode from 'vscode';

// The subset of the built-in git extension's API (vscode.git, API version 1) that we use.
// Declared here because the extension ships its typings in its own repository, not on npm.
export interface GitChange {
  readonly uri: vscode.Uri;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: {
    readonly indexChanges: readonly GitChange[];
    readonly workingTreeChanges: readonly GitChange[];
    readonly untrackedChanges?: readonly GitChange[];
  };
  status(): Promise<void>;
  add(paths: string[]): Promise<void>;
  commit(message: string, options?: { all?: boolean }): Promise<void>;
  log(options?: { maxEntries?: number }): Promise<{ message: string }[]>;
}

export interface GitApi {
  readonly repositories: readonly GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
  init(root: vscode.Uri): Promise<GitRepository | null | undefined>;
  openRepository?(root: vscode.Uri): Promise<GitRepository | null>;
}

/** The git extension's API, or undefined when git is disabled or missing. */
export async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi; enabled: boolean }>('vscode.git');
  if (!extension) return undefined;
  const exports = extension.isActive ? extension.exports : await extension.activate();
  return exports.enabled ? exports.getAPI(1) : undefined;
}

/** The repository holding `uri`, waiting briefly for git to discover it after start-up or init. */
export async function repositoryFor(api: GitApi, uri: vscode.Uri, waitMs = 3000): Promise<GitRepository | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const repository = api.getRepository(uri);
    if (repository) return repository;
    if (Date.now() > deadline) return undefined;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}
