import * as vscode from 'vscode';
import { declaresGrowthNote } from '../core/frontmatter';
import { analyzeNote, NoteAnalysis } from '../core/note';
import { decodeNoteBytes } from '../core/problem';
import { BUILT_IN_SCRIPT, QuestionScript, withSeniorLeader } from '../core/questionScript';
import { parseQuestionScript } from '../core/questionScriptFile';
import { logRefusal } from './growthLog';
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

const scripts = new Map<string, { stamp: string; result: ActiveScript }>();

/**
 * The question script in force for a folder: the team's own file when the setting names one,
 * else the built-in nine. An invalid file yields the built-in script plus an error to show.
 * Kept until the file's size or modification time changes: the guide asks on every cursor move.
 */
export async function activeScript(folder: vscode.WorkspaceFolder | undefined): Promise<ActiveScript> {
  const settings = growthSettings(folder?.uri);
  const path = folder ? settings.questionScriptPath : '';
  const uri = folder && path ? vscode.Uri.joinPath(folder.uri, path) : undefined;
  let stamp = '';
  if (uri) {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      stamp = `${stat.mtime}:${stat.size}`;
    } catch {
      stamp = 'missing';
    }
  }
  const key = `${uri?.toString() ?? 'built-in'}|${settings.seniorLeaderTitle}`;
  const cached = scripts.get(key);
  if (cached?.stamp === stamp) return cached.result;
  const result = await loadScript(uri, path, settings.seniorLeaderTitle);
  scripts.set(key, { stamp, result });
  return result;
}

async function loadScript(uri: vscode.Uri | undefined, path: string, seniorLeader: string): Promise<ActiveScript> {
  const builtIn = withSeniorLeader(BUILT_IN_SCRIPT, seniorLeader);
  if (!uri) return { script: builtIn };
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return { script: builtIn, error: `The question script "${path}" was not found.` };
  }
  const parsed = parseQuestionScript(text);
  if ('error' in parsed) return { script: builtIn, error: `The question script "${path}" is not valid: ${parsed.error}.` };
  return { script: withSeniorLeader(parsed.script, seniorLeader) };
}

/** Folders never scanned for notes. */
export const NOTE_SCAN_EXCLUDE = '{**/node_modules/**,**/.git/**,**/.vscode-test/**}';

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

/**
 * Applies an edit to notes through the editor, so undo works and unsaved text is kept. VS Code
 * declines an edit computed from text that has changed since; that is said and logged, not hidden.
 */
export async function applyNoteEdit(action: string, uri: vscode.Uri, edit: vscode.WorkspaceEdit): Promise<boolean> {
  if (await vscode.workspace.applyEdit(edit)) return true;
  logRefusal(action, 'the editor declined the edit (the note changed meanwhile, or cannot be written)', uri);
  void vscode.window.showWarningMessage(`${action}: nothing was changed, because the note changed meanwhile or cannot be written. Try again.`);
  return false;
}

/**
 * A new unsaved Markdown document named after what it holds. The name is never one in use: the
 * extension host can still hold a just-closed "Untitled-1" and hand it back in place of a new one.
 */
export async function openUntitledMarkdown(name: string, content: string): Promise<vscode.TextDocument> {
  const inUse = new Set(vscode.workspace.textDocuments.map(d => d.uri.toString()));
  let uri = vscode.Uri.from({ scheme: 'untitled', path: `${name}.md` });
  for (let n = 2; inUse.has(uri.toString()); n++) uri = vscode.Uri.from({ scheme: 'untitled', path: `${name} ${n}.md` });
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), content);
  await vscode.workspace.applyEdit(edit);
  return document;
}
