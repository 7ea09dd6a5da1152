import * as vscode from 'vscode';
import { dayInFileName, today } from '../../core/base';
import { completionsAt, hoverAt, quickFixes } from '../../core/live';
import { toRange, toWorkspaceEdit } from '../common/adapters';
import { DiagnosticsManager } from './diagnostics';
import { DIAGNOSTIC_SOURCE } from '../common/ids';
import { analyzeWithItsScript, isGrowthDocument } from './noteAnalysis';
import { WorkspaceVocabularyProvider } from '../themes/workspaceVocabulary';

const SELECTOR: vscode.DocumentSelector = { language: 'markdown' };

/** Quick fixes, hover and completion inside a growth note's frontmatter, all from the schema. */
export function registerFrontmatterAssist(vocabulary: WorkspaceVocabularyProvider, diagnostics: DiagnosticsManager): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(SELECTOR, new FrontmatterQuickFixes(diagnostics), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.languages.registerHoverProvider(SELECTOR, new FrontmatterHovers()),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new FrontmatterCompletions(vocabulary), ':', ' ', '-', '['),
  );
}

/** The fixes for the problems the diagnostics last showed: no second validation per lightbulb. */
class FrontmatterQuickFixes implements vscode.CodeActionProvider {
  constructor(private readonly diagnostics: DiagnosticsManager) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter(d => d.source === DIAGNOSTIC_SOURCE);
    // Restricted Mode: notes are read, and nothing offers to change them.
    if (ours.length === 0 || !isGrowthDocument(document) || !vscode.workspace.isTrusted) return [];
    const analysis = await analyzeWithItsScript(document);
    const problems = await this.diagnostics.problemsFor(document);
    const fixContext = { today: today(), personFromFolder: personFromFolder(document.uri), dateFromFileName: dayInFileName(document.uri.path) };
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
  }
}

/** What a frontmatter key or value means, from the schema. */
class FrontmatterHovers implements vscode.HoverProvider {
  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!isGrowthDocument(document)) return undefined;
    const text = hoverAt(await analyzeWithItsScript(document), position);
    return text ? new vscode.Hover(new vscode.MarkdownString(text)) : undefined;
  }
}

/** Keys, values, dates, people and the workspace's themes (most used first). */
class FrontmatterCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly vocabulary: WorkspaceVocabularyProvider) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    if (!isGrowthDocument(document)) return [];
    const { people, themes } = await this.vocabulary.vocabulary();
    const entries = completionsAt(await analyzeWithItsScript(document), position, { today: today(), people, themes });
    return entries.map(entry => {
      const item = new vscode.CompletionItem(entry.label, entry.kind === 'field' ? vscode.CompletionItemKind.Property
        : entry.kind === 'theme' ? vscode.CompletionItemKind.Keyword : vscode.CompletionItemKind.Value);
      item.insertText = entry.insertText;
      item.detail = entry.detail;
      item.sortText = String(entry.rank).padStart(4, '0');
      return item;
    });
  }
}

/** "alex-morgan" → "Alex Morgan": the person a note's folder suggests. */
function personFromFolder(uri: vscode.Uri): string | undefined {
  const folder = uri.path.split('/').slice(-2, -1)[0];
  return folder ? folder.split('-').filter(Boolean).map(w => w[0].toUpperCase() + w.slice(1)).join(' ') : undefined;
}
