import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { createGuardedTreeView } from './guardedTreeView';
import { NotesIndexManager } from '../notes/notesIndex';

/**
 * A tree view over the notes index (Themes, Action Items, People): it owns its view, its change event
 * and its subscription to the index, redraws when the index changes, answers only once the index has
 * been built, and cannot take the extension down when building a row fails.
 */
export abstract class IndexTreeView<T> extends Disposable implements vscode.TreeDataProvider<T> {
  private readonly changeEmitter = this._register(new vscode.EventEmitter<T | undefined>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  protected readonly view: vscode.TreeView<T>;

  /** `title` names the view in the log when it fails. */
  constructor(protected readonly notes: NotesIndexManager, viewId: string, title: string) {
    super();
    this.view = this._register(createGuardedTreeView(viewId, title, { treeDataProvider: this, showCollapseAll: true }));
    this._register(notes.index.onDidChange(() => this.refresh()));
  }

  /** The rows selected in the view, for commands run without a row. */
  get selection(): readonly T[] {
    return this.view.selection;
  }

  /** Whether the view is on screen (hidden in a workspace without notes). */
  get visible(): boolean {
    return this.view.visible;
  }

  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  async getChildren(element?: T): Promise<T[]> {
    // The top level waits for the first index build: an empty view would read as "no notes".
    if (!element) await this.notes.ready;
    return this.childrenOf(element);
  }

  abstract getTreeItem(element: T): vscode.TreeItem;

  /** The rows under `element`, or the top level; the index is built when this is asked. */
  protected abstract childrenOf(element: T | undefined): T[];
}
