import * as vscode from 'vscode';
import { declaresGrowthNote } from '../core/frontmatter';
import { analyzeNote, NoteAnalysis } from '../core/note';
import { decodeNoteBytes } from '../core/problem';
import { BUILT_IN_SCRIPT, QuestionScript, withSeniorLeader } from '../core/questionScript';
import { parseQuestionScript } from '../core/questionScriptFile';
import { growthSettings } from './settings';

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

export function isMarkdown(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' || document.uri.path.toLowerCase().endsWith('.md');
}

/** A growth note: Markdown whose frontmatter declares type: growth-conversation (even if it is broken). */
export function isGrowthDocument(document: vscode.TextDocument | undefined): boolean {
  return document !== undefined && isMarkdown(document) && declaresGrowthNote(document.getText());
}

export type ActiveScript = { script: QuestionScript; error?: undefined } | { script: QuestionScript; error: string };

/**
 * The question script in force for a folder: the team's own file when the setting names one,
 * else the built-in nine. An invalid file yields the built-in script plus an error to show.
 */
export async function activeScript(folder: vscode.WorkspaceFolder | undefined): Promise<ActiveScript> {
  const settings = growthSettings(folder?.uri);
  const builtIn = withSeniorLeader(BUILT_IN_SCRIPT, settings.seniorLeaderTitle);
  if (!settings.questionScriptPath || !folder) return { script: builtIn };
  const uri = vscode.Uri.joinPath(folder.uri, settings.questionScriptPath);
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return { script: builtIn, error: `The question script "${settings.questionScriptPath}" was not found.` };
  }
  const parsed = parseQuestionScript(text);
  if ('error' in parsed) return { script: builtIn, error: `The question script "${settings.questionScriptPath}" is not valid: ${parsed.error}.` };
  return { script: withSeniorLeader(parsed.script, settings.seniorLeaderTitle) };
}

/**
 * A Markdown file's text: the open document's when there is one (unsaved edits count), else the
 * file's, decoded as UTF-8. Undefined when it is missing or not valid UTF-8.
 */
export async function readNoteText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    const decoded = decodeNoteBytes(await vscode.workspace.fs.readFile(uri));
    return 'text' in decoded ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}
