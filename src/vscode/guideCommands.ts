import * as vscode from 'vscode';
import { CAREER_PATHS, conversationStops, FLIGHT_RISKS, freshAnswerSpot, missingSectionInsertion, sectionOfStop } from '../core/guide';
import { HintAction } from '../core/liveHints';
import { setFrontmatterField } from '../core/frontmatterEdit';
import { toWorkspaceEdit } from './adapters';
import { Commands } from './ids';
import { applyNoteEdit } from './noteDocuments';
import { trustedOrExplain } from './trust';
import { QuestionGuideProvider } from './questionGuide';

/** Commands that move through the script and record its structured answers. */
export function registerGuideCommands(guide: QuestionGuideProvider): vscode.Disposable {
  const current = async () => {
    await guide.refresh();
    const snapshot = guide.snapshot;
    if (!snapshot) void vscode.window.showInformationMessage('Open a growth note first.');
    return snapshot;
  };

  /** Moves the cursor to a fresh answer line of a question (or Next steps / Private notes), putting a deleted question back. */
  const revealQuestion = async (questionId: string) => {
    if (typeof questionId !== 'string') return;
    const snapshot = await current();
    if (!snapshot) return;
    const { editor, script } = snapshot;
    let section = sectionOfStop(snapshot.analysis.note, questionId);
    if (!section) {
      const action = 'Adding the section back';
      if (!trustedOrExplain(action)) return;
      // The manager deleted this section: put it back so the question has a place.
      const insertion = missingSectionInsertion(snapshot.analysis.note, script, questionId, editor.document.lineCount);
      if (!insertion) return;
      const edit = new vscode.WorkspaceEdit();
      edit.insert(editor.document.uri, new vscode.Position(insertion.line, 0), insertion.text);
      if (!(await applyNoteEdit(action, editor.document.uri, edit))) return;
      await guide.refresh();
      section = guide.snapshot && sectionOfStop(guide.snapshot.analysis.note, questionId);
      if (!section) return;
    }
    const document = editor.document;
    const spot = freshAnswerSpot(section, l => document.lineAt(Math.min(l, document.lineCount - 1)).text, document.lineCount);
    // Room for the answer and a blank line before the next heading: an undoable edit, only when the note lacks it.
    if (spot.insert && vscode.workspace.isTrusted) {
      const at = document.lineAt(Math.min(spot.insert.afterLine, document.lineCount - 1)).range.end;
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, at, spot.insert.text);
      await vscode.workspace.applyEdit(edit);
    }
    const target = Math.min(spot.line, document.lineCount - 1);
    const position = new vscode.Position(target, Math.min(spot.character, document.lineAt(target).text.length));
    const shown = await vscode.window.showTextDocument(document, editor.viewColumn);
    shown.selection = new vscode.Selection(position, position);
    shown.revealRange(new vscode.Range(section.headingLine, 0, target, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await guide.refresh();
  };

  /** Next / Previous: through the questions, then on to Next steps and Private notes. */
  const step = async (direction: 1 | -1) => {
    const snapshot = await current();
    if (!snapshot) return;
    const stops = conversationStops(snapshot.analysis.note, snapshot.script);
    const here = snapshot.stop === undefined ? -1 : stops.indexOf(snapshot.stop);
    let index: number;
    if (here >= 0) index = here + direction;
    else {
      // Outside any stop (above the first question, or in a section of its own): the nearest one in that direction.
      const cursor = snapshot.editor.selection.active.line;
      const below = stops.findIndex(stop => (sectionOfStop(snapshot.analysis.note, stop)?.headingLine ?? -1) > cursor);
      index = direction === 1 ? (below === -1 ? stops.length : below) : (below === -1 ? stops.length - 1 : below - 1);
    }
    if (index < 0 || index >= stops.length) return;
    await revealQuestion(stops[index]);
  };

  /** A hint's one-click suggestion; nothing is applied without this click. */
  const applyHint = async (action: HintAction) => {
    if (!action || typeof action !== 'object') return false;
    switch (action.kind) {
      case 'setFlightRisk':
        return pickAndSet('flightRisk', '', FLIGHT_RISKS, action.value);
      case 'goToQuestion':
        await revealQuestion(action.questionId);
        return true;
      case 'noteSkipped': {
        if (!trustedOrExplain('Recording an answer')) return false;
        await revealQuestion(action.questionId);
        const editor = vscode.window.activeTextEditor;
        if (!editor || guide.snapshot?.stop !== action.questionId) return false;
        const applied = await editor.edit(edit => edit.insert(editor.selection.active, action.text));
        await guide.refresh();
        return applied;
      }
      default:
        return false;
    }
  };

  const setField = async (key: string, value: string) => {
    if (!trustedOrExplain('Recording an answer')) return false;
    // Read the note again: it may have changed while the quick pick was open, and the edit's range must match.
    const snapshot = await current();
    if (!snapshot) return false;
    const change = setFrontmatterField(snapshot.analysis, key, value);
    if (!change) {
      void vscode.window.showWarningMessage(`Fix the frontmatter first: ${key} could not be set safely.`);
      return false;
    }
    const { uri } = snapshot.editor.document;
    const applied = await applyNoteEdit('Recording an answer', uri, toWorkspaceEdit(uri, [change]));
    await guide.refresh();
    return applied;
  };

  const pickAndSet = async (key: string, title: string, choices: readonly { value: string; label: string; detail: string }[], value?: string) => {
    const snapshot = await current();
    if (!snapshot) return false;
    const present = snapshot.analysis.note.data[key];
    const chosen = value ?? (await vscode.window.showQuickPick(
      choices.map(c => ({ label: c.label, detail: c.detail, value: c.value, description: c.value === present ? 'current' : undefined })),
      { title, placeHolder: title }))?.value;
    if (!chosen || !choices.some(c => c.value === chosen)) return false;
    return setField(key, chosen);
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.revealQuestion, (questionId: string) => revealQuestion(questionId)),
    vscode.commands.registerCommand(Commands.nextQuestion, () => step(1)),
    vscode.commands.registerCommand(Commands.applyHint, (action: HintAction) => applyHint(action)),
    vscode.commands.registerCommand(Commands.previousQuestion, () => step(-1)),
    vscode.commands.registerCommand(Commands.setCareerPath, (value?: string) =>
      pickAndSet('careerPath', 'Which path does the person lean towards?', CAREER_PATHS, typeof value === 'string' ? value : undefined)),
    vscode.commands.registerCommand(Commands.setFlightRisk, (value?: string) =>
      pickAndSet('flightRisk', 'How likely is the person to leave?', FLIGHT_RISKS, typeof value === 'string' ? value : undefined)),
  );
}
