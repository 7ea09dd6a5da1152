import * as vscode from 'vscode';
import { completionsAt, hoverAt, quickFixes } from '../core/frontmatterAssist';
import { isoDay } from '../core/scaffold';
import { toRange, toWorkspaceEdit } from './adapters';
import { DiagnosticsManager } from './diagnostics';
import { DIAGNOSTIC_SOURCE } from './ids';
import { activeScript, analyzeDocument, isGrowthDocument } from './noteDocuments';
import { WorkspaceVocabularyProvider } from './workspaceNotes';

const SELECTOR: vscode.DocumentSelector = { language: 'markdown' };

/** Quick fixes, hover and completion inside a growth note's frontmatter, all from the schema. */
export function registerFrontmatterAssist(vocabulary: WorkspaceVocabularyProvider, diagnostics: DiagnosticsManager): vscode.Disposable {
  const analysisOf = async (document: vscode.TextDocument) =>
    analyzeDocument(document, (await activeScript(vscode.workspace.getWorkspaceFolder(document.uri))).script);

  const codeActions: vscode.CodeActionProvider = {
    async provideCodeActions(document, _range, context) {
      const ours = context.diagnostics.filter(d => d.source === DIAGNOSTIC_SOURCE);
      // Restricted Mode: notes are read, and nothing offers to change them.
      if (ours.length === 0 || !isGrowthDocument(document) || !vscode.workspace.isTrusted) return [];
      const analysis = await analysisOf(document);
      // The problems the diagnostics last showed: no second validation per lightbulb.
      const problems = await diagnostics.problemsFor(document);
      const fixContext = { today: today(), personFromFolder: personFromFolder(document.uri) };
      return ours.flatMap(diagnostic => {
        const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
        const problem = problems.find(p => p.code === code && toRange(p.range).isEqual(diagnostic.range));
        return problem ? quickFixes(analysis, problem, fixContext).map(fix => {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.edit = toWorkspaceEdit(document.uri, fix.edits);
          action.diagnostics = [diagnostic];
          action.isPreferred = true;
          return action;
        }) : [];
      });
    },
  };

  const hovers: vscode.HoverProvider = {
    async provideHover(document, position) {
      if (!isGrowthDocument(document)) return undefined;
      const text = hoverAt(await analysisOf(document), position);
      return text ? new vscode.Hover(new vscode.MarkdownString(text)) : undefined;
    },
  };

  const completions: vscode.CompletionItemProvider = {
    async provideCompletionItems(document, position) {
      if (!isGrowthDocument(document)) return [];
      const { people, themes } = await vocabulary.vocabulary();
      const entries = completionsAt(await analysisOf(document), position, { today: today(), people, themes });
      return entries.map(entry => {
        const item = new vscode.CompletionItem(entry.label, entry.kind === 'field' ? vscode.CompletionItemKind.Property
          : entry.kind === 'theme' ? vscode.CompletionItemKind.Keyword : vscode.CompletionItemKind.Value);
        item.insertText = entry.insertText;
        item.detail = entry.detail;
        item.sortText = String(entry.rank).padStart(4, '0');
        return item;
      });
    },
  };

  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(SELECTOR, codeActions, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.languages.registerHoverProvider(SELECTOR, hovers),
    vscode.languages.registerCompletionItemProvider(SELECTOR, completions, ':', ' ', '-', '['),
  );
}

/** "alex-morgan" → "Alex Morgan": the person a note's folder suggests. */
function personFromFolder(uri: vscode.Uri): string | undefined {
  const folder = uri.path.split('/').slice(-2, -1)[0];
  return folder ? folder.split('-').filter(Boolean).map(w => w[0].toUpperCase() + w.slice(1)).join(' ') : undefined;
}

function today(): string {
  return isoDay(new Date());
}
