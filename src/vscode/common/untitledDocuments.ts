import * as vscode from 'vscode';

/**
 * A new unsaved Markdown document named after what it holds. The name is never one in use: the
 * extension host can still hold a just-closed "Untitled-1" and hand it back in place of a new one.
 */
export async function openUntitledMarkdown(name: string, content: string): Promise<vscode.TextDocument> {
  const inUse = new Set(vscode.workspace.textDocuments.map(d => d.uri.toString()));
  let uri = vscode.Uri.from({ scheme: 'untitled', path: `${name}.md` });
  for (let n = 2; inUse.has(uri.toString()); n++) uri = vscode.Uri.from({ scheme: 'untitled', path: `${name} ${n}.md` });
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), content);
  await vscode.workspace.applyEdit(edit);
  return document;
}
