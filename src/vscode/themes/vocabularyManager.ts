import * as vscode from 'vscode';
import { describeResponse, EMPTY_VOCABULARY, parseVocabulary, Vocabulary, VOCABULARY_FILE } from '../../core/workspace';
import { vocabularyDiagnostic } from '../common/adapters';
import { Disposable } from '../common/dispose';
import { Settings } from '../common/ids';
import { GrowthRulesManager, rulesFor } from '../common/growthRules';

/**
 * The shared theme vocabulary of the workspace (growth-themes.yaml at the root, or the file the
 * setting names): read when it changes, its problems shown in the file. A vocabulary with problems
 * is not used, so everything works as if there were none until it is fixed.
 */
export class VocabularyManager extends Disposable {
  private vocabularyNow: Vocabulary = EMPTY_VOCABULARY;
  private readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('growth-vocabulary'));
  private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changeEmitter.event;
  private shownUri: vscode.Uri | undefined;
  ready: Promise<void>;

  /** `rules`, when given, reloads the vocabulary when growth.config.json names another file. */
  constructor(rules?: GrowthRulesManager) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}'));
    const reload = (uri?: vscode.Uri) => {
      if (!uri || uri.toString() === this.uri()?.toString()) this.ready = this.reload();
    };
    [
      watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeTextDocument(event => reload(event.document.uri)),
      vscode.workspace.onDidChangeConfiguration(event => { if (event.affectsConfiguration(`${Settings.section}.${Settings.vocabularyPath}`)) reload(); }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => reload()),
      ...(rules ? [rules.onDidChange(() => reload())] : []),
    ].forEach(subscription => this._register(subscription));
    this.ready = this.reload();
  }

  /** The vocabulary in use: empty when there is none or it has problems. */
  get current(): Vocabulary {
    return this.vocabularyNow;
  }

  /** What the organisation did about a theme ("on-call load: in progress, Platform leads"), if the vocabulary says. */
  responseFor(theme: string): string | undefined {
    const known = this.vocabularyNow.lookup(theme);
    return known && describeResponse(known);
  }

  /** Where the vocabulary file is looked for. */
  uri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return undefined;
    const configured = rulesFor(folder).rules.vocabularyPath;
    return configured ? vscode.Uri.joinPath(folder.uri, configured) : vscode.Uri.joinPath(folder.uri, VOCABULARY_FILE);
  }

  private async reload(): Promise<void> {
    const uri = this.uri();
    if (this.shownUri) this.diagnostics.delete(this.shownUri);
    const open = uri ? vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString()) : undefined;
    const text = open ? open.getText() : uri ? await vscode.workspace.fs.readFile(uri).then(bytes => new TextDecoder().decode(bytes), () => undefined) : undefined;
    if (!uri || text === undefined) this.vocabularyNow = EMPTY_VOCABULARY;
    else {
      const { vocabulary, problems } = parseVocabulary(text);
      this.vocabularyNow = vocabulary;
      this.diagnostics.set(uri, problems.map(vocabularyDiagnostic));
      this.shownUri = uri;
    }
    this.changeEmitter.fire();
  }
}
