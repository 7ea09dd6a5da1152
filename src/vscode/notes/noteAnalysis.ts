import * as vscode from 'vscode';
import { analyzeNote, declaresGrowthNote, NoteAnalysis, QuestionScript, summarizeNote } from '../../core/note';
import { analysisForValidation, validationNeedsModel } from '../../core/workspace';
import { activeScript } from './questionScripts';

type CachedAnalysis = { version: number; scriptKey: string; analysis: NoteAnalysis };
const analyses = new WeakMap<vscode.TextDocument, CachedAnalysis>();
const validationAnalyses = new WeakMap<vscode.TextDocument, CachedAnalysis>();

function scriptKeyOf(script: QuestionScript): string {
  return script.name + script.questions.map(q => q.id + q.title).join('|');
}

function current(cached: CachedAnalysis | undefined, document: vscode.TextDocument, scriptKey: string): NoteAnalysis | undefined {
  return cached && cached.version === document.version && cached.scriptKey === scriptKey ? cached.analysis : undefined;
}

/** The analysis of an open document, reused while its text and script are unchanged. */
export function analyzeDocument(document: vscode.TextDocument, script: QuestionScript): NoteAnalysis {
  const scriptKey = scriptKeyOf(script);
  const cached = current(analyses.get(document), document, scriptKey);
  if (cached) return cached;
  const analysis = analyzeNote(document.getText(), script);
  analyses.set(document, { version: document.version, scriptKey, analysis });
  return analysis;
}

/**
 * What validation reads of an open document: the full analysis when one is already made for this
 * text (the guide's), else the fast reader's, as for a closed note (it gives way to the full parse
 * when unsure). The problems are the same either way (the reader-agreement test holds them equal).
 */
export function validationAnalysis(document: vscode.TextDocument, script: QuestionScript): NoteAnalysis {
  const scriptKey = scriptKeyOf(script);
  const made = current(analyses.get(document), document, scriptKey) ?? current(validationAnalyses.get(document), document, scriptKey);
  if (made) return made;
  const text = document.getText();
  const summary = summarizeNote(text, script);
  // When validation needs the full model anyway, it is the one the guide also reads: parsed once for both.
  if (validationNeedsModel(summary)) return analyzeDocument(document, script);
  const analysis = analysisForValidation(text, script, summary, true);
  validationAnalyses.set(document, { version: document.version, scriptKey, analysis });
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
