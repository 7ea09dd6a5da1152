import * as vscode from 'vscode';
import { logFailure } from './growthLog';

/**
 * A tree view whose provider cannot take the rest of the extension down: an error thrown while
 * building it is logged, the view shows a short message, and it recovers on the next refresh.
 */
export function createGuardedTreeView<T>(viewId: string, title: string, options: vscode.TreeViewOptions<T>): vscode.TreeView<T> {
  const provider = options.treeDataProvider;
  const failedMessage = vscode.l10n.t('Something went wrong in this view; the Growth output has the details.');
  // Set once the view exists; the provider may in principle be asked before that.
  const shown: { view?: vscode.TreeView<T> } = {};
  const failed = (error: unknown) => {
    logFailure(`The ${title} view`, error);
    if (shown.view) shown.view.message = failedMessage;
  };
  const guarded: vscode.TreeDataProvider<T> = {
    onDidChangeTreeData: provider.onDidChangeTreeData,
    async getChildren(element) {
      try {
        const children = await provider.getChildren(element);
        if (shown.view?.message === failedMessage) shown.view.message = undefined;
        return children;
      } catch (error) {
        failed(error);
        return [];
      }
    },
    async getTreeItem(element) {
      try {
        return await provider.getTreeItem(element);
      } catch (error) {
        failed(error);
        return new vscode.TreeItem(vscode.l10n.t('(this item could not be shown)'));
      }
    },
    getParent: provider.getParent && (element => provider.getParent?.(element)),
  };
  shown.view = vscode.window.createTreeView(viewId, { ...options, treeDataProvider: guarded });
  return shown.view;
}
