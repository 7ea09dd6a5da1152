import * as vscode from 'vscode';
import { analyzeNote, declaresGrowthNote, NoteAnalysis, QuestionScript } from '../../core/note';
import { activeScript } from './questionScripts';

const analyses = new WeakMap<vscode.TextDocument, { version: number; scriptKey: string; analysis: NoteAnalysis }>();

/** The analysis of an open document, reused while its text and script are unchanged. */
export function analyzeDocument(document: vscode.TextDocument, script: QuestionScript): NoteAnalysis {
  const cached = analyses.get(document);
  const scriptKey = script.name + script.questions.map(q => q.id + q.title).join('|');
  if (cached && cached.version === document.version && cached.scriptKey === scriptKey) return cached.analysis;
  const analysis = analyzeNote(document.getText(), script);
  analyses.set(document, { version: document.version, scriptKey, analysis });
  return analysis;
}

/** The analysis of an open document under the question script of its workspace folder. */
export async function analyzeWithItsScript(document: vscode.TextDocument): Promise<NoteAnalysis> {
  return analyzeDocument(document, (await activeScript(vscode.workspace.getWorkspaceFolder(document.uri))).script);
}

export function isMarkdown(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' || document.uri.path.toLowerCase().endsWith('.md');
}

/** A growth note: Markdown whose frontmatter declares type: growth-conversation (even if it is broken). */
export function isGrowthDocument(document: vscode.TextDocument | undefined): boolean {
  return document !== undefined && isMarkdown(document) && declaresGrowthNote(document.getText());
}
