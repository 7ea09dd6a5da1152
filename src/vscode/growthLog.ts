import * as vscode from 'vscode';

/**
 * The "Growth" output channel: what the extension did and why, never the content of a note.
 * One per window, opened at activation; features that refuse a write or fail say so here.
 */
let channel: vscode.LogOutputChannel | undefined;

export const GROWTH_LOG_NAME = 'Growth';

export function openGrowthLog(): vscode.LogOutputChannel {
  channel = vscode.window.createOutputChannel(GROWTH_LOG_NAME, { log: true });
  return channel;
}

/** Records a write the extension declined, so a manager who wonders why can look it up. */
export function logRefusal(action: string, reason: string, uri?: vscode.Uri): void {
  channel?.warn(`Refused: ${action}${uri ? ` in ${vscode.workspace.asRelativePath(uri)}` : ''}: ${reason}.`);
}

/** Records a feature's failure. Only the first line of the message: parser messages can quote a note. */
export function logFailure(feature: string, error: unknown): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  channel?.error(`${feature} failed: ${message.split('\n')[0].slice(0, 200)}`);
}

const FAILED_MESSAGE = 'Something went wrong in this view; the Growth output has the details.';

/**
 * A tree view whose provider cannot take the rest of the extension down: an error thrown while
 * building it is logged, the view shows a short message, and it recovers on the next refresh.
 */
export function createGuardedTreeView<T>(viewId: string, title: string, options: vscode.TreeViewOptions<T>): vscode.TreeView<T> {
  const provider = options.treeDataProvider;
  // Set once the view exists; the provider may in principle be asked before that.
  const shown: { view?: vscode.TreeView<T> } = {};
  const failed = (error: unknown) => {
    logFailure(`The ${title} view`, error);
    if (shown.view) shown.view.message = FAILED_MESSAGE;
  };
  const guarded: vscode.TreeDataProvider<T> = {
    onDidChangeTreeData: provider.onDidChangeTreeData,
    async getChildren(element) {
      try {
        const children = await provider.getChildren(element);
        if (shown.view?.message === FAILED_MESSAGE) shown.view.message = undefined;
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
        return new vscode.TreeItem('(this item could not be shown)');
      }
    },
    getParent: provider.getParent && (element => provider.getParent?.(element)),
  };
  shown.view = vscode.window.createTreeView(viewId, { ...options, treeDataProvider: guarded });
  return shown.view;
}
