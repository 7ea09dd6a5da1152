import * as vscode from 'vscode';
import { tagAliasHints } from '../core/vocabulary';
import { DIAGNOSTIC_SOURCE } from './ids';
import { activeScript, analyzeDocument, isGrowthDocument } from './noteDocuments';
import { VocabularyManager } from './vocabularyManager';

const CODE = 'theme-alias';
const TYPING_DELAY_MS = 300;

/**
 * Inline tags written as an alias of an agreed theme: a hint on the tag and a quick fix that writes
 * the agreed theme instead. Open notes are checked as they change and when the vocabulary does.
 */
export function registerVocabularyAssist(vocabulary: VocabularyManager): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('growth-theme-aliases');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const replacements = new WeakMap<vscode.Diagnostic, string>();

  const check = async (document: vscode.TextDocument) => {
    if (!isGrowthDocument(document) || vocabulary.current.isEmpty) {
      collection.delete(document.uri);
      return;
    }
    const { script } = await activeScript(vscode.workspace.getWorkspaceFolder(document.uri));
    const { note } = analyzeDocument(document, script);
    collection.set(document.uri, tagAliasHints(note.tags, vocabulary.current).map(hint => {
      const range = new vscode.Range(hint.line, hint.character, hint.line, hint.character + hint.length);
      const diagnostic = new vscode.Diagnostic(range, hint.message, vscode.DiagnosticSeverity.Information);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = CODE;
      replacements.set(diagnostic, hint.replacement);
      return diagnostic;
    }));
  };
  const schedule = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => { timers.delete(key); void check(document); }, TYPING_DELAY_MS));
  };
  const checkOpen = () => vscode.workspace.textDocuments.forEach(document => void check(document));

  const fixes: vscode.CodeActionProvider = {
    provideCodeActions(document, _range, context) {
      if (!vscode.workspace.isTrusted) return [];
      return context.diagnostics.filter(d => d.code === CODE).flatMap(diagnostic => {
        const own = collection.get(document.uri)?.find(d => d.range.isEqual(diagnostic.range) && d.message === diagnostic.message);
        const replacement = own ? replacements.get(own) : undefined;
        if (!replacement) return [];
        const action = new vscode.CodeAction(`Write ${replacement}`, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, diagnostic.range, replacement);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        return [action];
      });
    },
  };

  checkOpen();
  return vscode.Disposable.from(
    collection,
    vocabulary.onDidChange(checkOpen),
    vscode.workspace.onDidOpenTextDocument(document => void check(document)),
    vscode.workspace.onDidChangeTextDocument(event => schedule(event.document)),
    vscode.workspace.onDidCloseTextDocument(document => collection.delete(document.uri)),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, fixes, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    { dispose: () => timers.forEach(timer => clearTimeout(timer)) },
  );
}
