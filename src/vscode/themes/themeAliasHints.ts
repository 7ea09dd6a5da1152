import * as vscode from 'vscode';
import { tagAliasHints } from '../../core/workspace';
import { Disposable } from '../common/dispose';
import { DIAGNOSTIC_SOURCE } from '../common/ids';
import { problemCode } from '../common/adapters';
import { analyzeWithItsScript, isGrowthDocument } from '../notes/noteAnalysis';
import { TypingPause } from '../common/typingPause';
import { VocabularyManager } from './vocabularyManager';

const CODE = 'theme-alias';
const TYPING_DELAY_MS = 300;

/**
 * Inline tags written as an alias of an agreed theme: a hint on the tag and a quick fix that writes
 * the agreed theme instead. Open notes are checked as they change and when the vocabulary does.
 */
export class ThemeAliasHints extends Disposable implements vscode.CodeActionProvider {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('growth-theme-aliases'));
  private readonly typing = this._register(new TypingPause(TYPING_DELAY_MS));
  private readonly replacements = new WeakMap<vscode.Diagnostic, string>();

  constructor(private readonly vocabulary: VocabularyManager) {
    super();
    [
      vocabulary.onDidChange(() => this.checkOpen()),
      vscode.workspace.onDidOpenTextDocument(document => void this.check(document)),
      vscode.workspace.onDidChangeTextDocument(event => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument(document => this.collection.delete(document.uri)),
      vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, this, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    ].forEach(owned => this._register(owned));
    this.checkOpen();
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!vscode.workspace.isTrusted) return [];
    return context.diagnostics.filter(d => typeof d.code === 'object' && d.code.value === CODE).flatMap(diagnostic => {
      const own = this.collection.get(document.uri)?.find(d => d.range.isEqual(diagnostic.range) && d.message === diagnostic.message);
      const replacement = own ? this.replacements.get(own) : undefined;
      if (!replacement) return [];
      const action = new vscode.CodeAction(vscode.l10n.t('Write {0}', replacement), vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, diagnostic.range, replacement);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      return [action];
    });
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    if (!isGrowthDocument(document) || this.vocabulary.current.isEmpty) {
      this.collection.delete(document.uri);
      return;
    }
    const { note } = await analyzeWithItsScript(document);
    this.collection.set(document.uri, tagAliasHints(note.tags, this.vocabulary.current).map(hint => {
      const range = new vscode.Range(hint.line, hint.character, hint.line, hint.character + hint.length);
      const diagnostic = new vscode.Diagnostic(range, hint.message, vscode.DiagnosticSeverity.Information);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = problemCode(CODE);
      this.replacements.set(diagnostic, hint.replacement);
      return diagnostic;
    }));
  }

  private schedule(document: vscode.TextDocument): void {
    this.typing.schedule(document.uri.toString(), () => void this.check(document));
  }

  private checkOpen(): void {
    vscode.workspace.textDocuments.forEach(document => void this.check(document));
  }
}
