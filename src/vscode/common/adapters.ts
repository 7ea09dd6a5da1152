import * as vscode from 'vscode';
import { Position, Problem, Range } from '../../core/base';
import { TextEdit } from '../../core/live';
import { ConfigProblem } from '../../core/note';
import { VocabularyProblem } from '../../core/workspace';
import { DIAGNOSTIC_SOURCE, problemDocsUrl } from './ids';

/** The one place core data becomes VS Code types. */
export function toPosition(position: Position): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(toPosition(range.start), toPosition(range.end));
}

const SEVERITIES: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, SEVERITIES[problem.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = problemCode(problem.code);
  return diagnostic;
}

/** A problem in growth.config.json, for the Problems panel. */
export function configDiagnostic(problem: ConfigProblem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, SEVERITIES[problem.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}

/** A problem in the shared theme vocabulary file. */
export function vocabularyDiagnostic(problem: VocabularyProblem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, SEVERITIES[problem.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = problemCode(problem.code);
  return diagnostic;
}

/** A diagnostic's code, linked to the page that explains it (as markdownlint links each rule). */
export function problemCode(code: string): { value: string; target: vscode.Uri } {
  return { value: code, target: vscode.Uri.parse(problemDocsUrl(code)) };
}

/** The core's edits as the editor's. */
export function toTextEdits(edits: readonly TextEdit[]): vscode.TextEdit[] {
  return edits.map(edit => vscode.TextEdit.replace(toRange(edit.range), edit.newText));
}

export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of edits) edit.replace(uri, toRange(change.range), change.newText);
  return edit;
}
