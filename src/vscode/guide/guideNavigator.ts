import * as vscode from 'vscode';
import { WriteActions } from '../common/writeActions';
import { conversationStops, EnumChoice, freshAnswerSpot, missingSectionInsertion, sectionOfStop, setFrontmatterField } from '../../core/live';
import { Section } from '../../core/note';
import { toWorkspaceEdit } from '../common/adapters';
import { applyNoteEdit } from '../common/noteEdits';
import { GuideSnapshot, QuestionGuideProvider } from './questionGuide';
import { trustedOrExplain } from '../common/trust';

/**
 * What the guide's commands do to the active note: move through the script (putting a deleted
 * question back) and record its structured answers in the frontmatter, each an undoable edit.
 */
export class GuideNavigator {
  constructor(readonly guide: QuestionGuideProvider) {}

  /** The active note as the guide sees it now, or a short message when there is none. */
  async current(): Promise<GuideSnapshot | undefined> {
    await this.guide.refresh();
    const snapshot = this.guide.snapshot;
    if (!snapshot) void vscode.window.showInformationMessage(vscode.l10n.t('Open a growth note first.'));
    return snapshot;
  }

  /** Moves the cursor to a fresh answer line of a question (or Next steps / Private notes), putting a deleted question back. */
  async revealQuestion(questionId: unknown): Promise<void> {
    if (typeof questionId !== 'string') return;
    const snapshot = await this.current();
    if (!snapshot) return;
    const section = sectionOfStop(snapshot.analysis.note, questionId) ?? await this.restoreSection(snapshot, questionId);
    if (!section) return;
    const document = snapshot.editor.document;
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
    const shown = await vscode.window.showTextDocument(document, snapshot.editor.viewColumn);
    shown.selection = new vscode.Selection(position, position);
    shown.revealRange(new vscode.Range(section.headingLine, 0, target, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await this.guide.refresh();
  }

  /** The manager deleted this section: put it back so the question has a place. */
  private async restoreSection(snapshot: GuideSnapshot, questionId: string): Promise<Section | undefined> {
    const action = WriteActions.addSectionBack;
    if (!trustedOrExplain(action)) return undefined;
    const { editor, script } = snapshot;
    const insertion = missingSectionInsertion(snapshot.analysis.note, script, questionId, editor.document.lineCount);
    if (!insertion) return undefined;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(insertion.line, 0), insertion.text);
    if (!(await applyNoteEdit(action, editor.document.uri, edit))) return undefined;
    await this.guide.refresh();
    return this.guide.snapshot && sectionOfStop(this.guide.snapshot.analysis.note, questionId);
  }

  /** Next / Previous: through the questions, then on to Next steps and Private notes. */
  async step(direction: 1 | -1): Promise<void> {
    const snapshot = await this.current();
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
    await this.revealQuestion(stops[index]);
  }

  /** Sets a frontmatter enum to a value given, or one the manager picks from the schema's values. */
  async pickAndSet(key: string, title: string, choices: readonly EnumChoice[], value?: string): Promise<boolean> {
    const snapshot = await this.current();
    if (!snapshot) return false;
    const present = snapshot.analysis.note.data[key];
    const current = vscode.l10n.t('current');
    const chosen = value ?? (await vscode.window.showQuickPick(
      choices.map(c => ({ label: c.label, detail: c.detail, value: c.value, description: c.value === present ? current : undefined })),
      { title, placeHolder: title }))?.value;
    if (!chosen || !choices.some(c => c.value === chosen)) return false;
    return this.setField(key, chosen);
  }

  private async setField(key: string, value: string): Promise<boolean> {
    if (!trustedOrExplain(WriteActions.recordAnswer)) return false;
    // Read the note again: it may have changed while the quick pick was open, and the edit's range must match.
    const snapshot = await this.current();
    if (!snapshot) return false;
    const change = setFrontmatterField(snapshot.analysis, key, value);
    if (!change) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Fix the frontmatter first: {0} could not be set safely.', key));
      return false;
    }
    const { uri } = snapshot.editor.document;
    const applied = await applyNoteEdit(WriteActions.recordAnswer, uri, toWorkspaceEdit(uri, [change]));
    await this.guide.refresh();
    return applied;
  }
}
