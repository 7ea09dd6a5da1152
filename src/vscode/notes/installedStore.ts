import * as vscode from 'vscode';

/**
 * Where git finds the store's program. Git keeps the filter's command line in the repository's
 * settings, so it must not name this version's folder (`…/extensions/growth-conversations-0.1.0/`):
 * an update removes that folder, and git then stops on every commit and checkout. The program is
 * copied instead to the extension's global storage, which keeps its place across updates, and
 * refreshed there when the extension changes.
 */
export function installedStoreUri(storage: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(storage, 'store.js');
}

function bundledStoreUri(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'store.js');
}

/** Puts this version's program in its lasting place (written beside it, then renamed over it) and answers its path. */
export async function installStore(extensionUri: vscode.Uri, storage: vscode.Uri): Promise<string> {
  await replaceStore(extensionUri, storage);
  return installedStoreUri(storage).fsPath;
}

/** Whether the copy had to be written: it was missing or another version's. */
async function replaceStore(extensionUri: vscode.Uri, storage: vscode.Uri): Promise<boolean> {
  const target = installedStoreUri(storage);
  const bytes = await vscode.workspace.fs.readFile(bundledStoreUri(extensionUri));
  const current = await vscode.workspace.fs.readFile(target).then(found => found, () => undefined);
  if (current && Buffer.from(current).equals(Buffer.from(bytes))) return false;
  await vscode.workspace.fs.createDirectory(storage);
  // A git command may run the program at any moment: it sees the old one or the new one, never half of one.
  const temporary = vscode.Uri.joinPath(storage, `store.js.${Date.now()}.tmp`);
  await vscode.workspace.fs.writeFile(temporary, bytes); // replaces on purpose: a temporary of the extension's own program in its own storage, never a note
  await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  return true;
}

/**
 * After an update, the program git runs is replaced by this version's, once a repository has been
 * protected from the editor (the copy exists); otherwise nothing is read or written. Answers whether
 * it was replaced.
 */
export async function refreshInstalledStore(extensionUri: vscode.Uri, storage: vscode.Uri): Promise<boolean> {
  const exists = await vscode.workspace.fs.stat(installedStoreUri(storage)).then(() => true, () => false);
  return exists && replaceStore(extensionUri, storage);
}
