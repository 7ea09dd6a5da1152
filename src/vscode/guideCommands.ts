import * as vscode from 'vscode';
import { answerLine, CAREER_PATHS, FLIGHT_RISKS, missingSectionInsertion } from '../core/guide';
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

  const revealQuestion = async (questionId: string) => {
    const snapshot = await current();
    if (!snapshot) return;
    const { editor, script } = snapshot;
    let section = snapshot.analysis.note.sections.find(s => s.questionId === questionId);
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
      section = guide.snapshot?.analysis.note.sections.find(s => s.questionId === questionId);
      if (!section) return;
    }
    const line = answerLine(section, l => editor.document.lineAt(Math.min(l, editor.document.lineCount - 1)).text);
    const target = Math.min(line, editor.document.lineCount - 1);
    const position = new vscode.Position(target, editor.document.lineAt(target).text.length);
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(section.headingLine, 0, target, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await guide.refresh();
  };

  const step = async (direction: 1 | -1) => {
    const snapshot = await current();
    if (!snapshot) return;
    const { questions, currentIndex } = snapshot.state;
    const cursor = snapshot.editor.selection.active.line;
    let index: number;
    if (currentIndex >= 0) index = currentIndex + direction;
    else {
      // Outside any question: go to the nearest one in that direction.
      const below = questions.findIndex(q => q.section !== undefined && q.section.headingLine > cursor);
      index = direction === 1 ? (below === -1 ? questions.length : below) : (below === -1 ? questions.length - 1 : below - 1);
    }
    if (index < 0 || index >= questions.length) return;
    await revealQuestion(questions[index].question.id);
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
    vscode.commands.registerCommand(Commands.previousQuestion, () => step(-1)),
    vscode.commands.registerCommand(Commands.setCareerPath, (value?: string) =>
      pickAndSet('careerPath', 'Which path does the person lean towards?', CAREER_PATHS, typeof value === 'string' ? value : undefined)),
    vscode.commands.registerCommand(Commands.setFlightRisk, (value?: string) =>
      pickAndSet('flightRisk', 'How likely is the person to leave?', FLIGHT_RISKS, typeof value === 'string' ? value : undefined)),
  );
}
