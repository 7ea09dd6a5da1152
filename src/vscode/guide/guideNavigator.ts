import * as vscode from 'vscode';
import { WriteAction, WriteActions } from '../common/writeActions';
import {
  AnswerSpot, bodyEndSpot, EnumChoice, freshAnswerSpot, hasStopSection, missingSectionInsertion, neighbourStop, sectionOfStop, setFrontmatterField,
} from '../../core/live';
import { NoteAnalysis, QuestionScript } from '../../core/note';
import { toTextEdits } from '../common/adapters';
import { applyNoteEditAt } from '../common/noteEdits';
import { logRefusal } from '../common/growthLog';
import { QuestionGuideProvider } from './questionGuide';
import { trustedOrExplain } from '../common/trust';
import { analyzeDocument, isGrowthDocument } from '../notes/noteAnalysis';
import { activeScript } from '../notes/questionScripts';

/** The active growth note, read at the moment a command runs (not the guide's last refresh). */
interface LiveNote {
  readonly editor: vscode.TextEditor;
  readonly analysis: NoteAnalysis;
  readonly script: QuestionScript;
  /** The document's version the analysis read. */
  readonly version: number;
}

/**
 * Where a move puts the cursor. With `insert`, the text goes in first and the cursor lands inside it,
 * in one edit the editor refuses if the note changed since it was read: typing is never overwritten,
 * and no keystroke can fall between the edit and the cursor move.
 */
interface Landing {
  readonly cursor: vscode.Position;
  readonly insert?: { readonly at: vscode.Position; readonly before: string; readonly after: string; readonly action: WriteAction };
  /** The first line to keep in view with the cursor (the question's heading). */
  readonly revealFrom: number;
}

/** Where a move goes: a stop (question id, `next-steps` or `private`), or the end of a note with no sections. */
type Destination = string | { readonly bodyEnd: true };

/** Tries of one move when typing keeps changing the note between reading it and editing it. */
const MOVE_TRIES = 5;
/** How long a refused edit waits for the typing that caused it to reach the extension. */
const CATCH_UP_MS = 500;

/**
 * What the guide's commands do to the active note: move through the script (putting a deleted
 * question back) and record its structured answers in the frontmatter, each an undoable edit.
 */
export class GuideNavigator {
  /** The move under way: each press waits for the one before, so it starts where that one left the cursor. */
  private moving: Promise<unknown> = Promise.resolve();

  constructor(readonly guide: QuestionGuideProvider) {}

  /** Moves the cursor to a fresh answer line of a question (or Next steps / Private notes), putting a deleted question back. */
  async revealQuestion(questionId: unknown): Promise<void> {
    if (typeof questionId !== 'string') return;
    await this.afterMove(await this.inTurn(() => this.move(() => questionId)));
  }

  /** Next / Previous: through the questions, then on to Next steps and Private notes. */
  async step(direction: 1 | -1): Promise<void> {
    await this.afterMove(await this.inTurn(() => this.move(({ editor, analysis, script }) => (hasStopSection(analysis.note)
      ? neighbourStop(analysis.note, script, editor.selection.active.line, direction)
      : { bodyEnd: true }))));
  }

  /**
   * The keyboard back to the editor (the press may have come from the guide or the card), then the
   * guide and card brought up to date. Outside the turn: the next press need not wait for either.
   */
  private async afterMove(moved: vscode.TextEditor | undefined): Promise<void> {
    if (moved) await focusEditor(moved);
    await this.guide.refresh();
  }

  /** Runs `work` after every move asked for before it has finished. */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.moving.then(work);
    this.moving = turn.catch(() => undefined);
    return turn;
  }

  /** The active note now, or a short message when it is not a growth note. */
  private async live(): Promise<LiveNote | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isGrowthDocument(editor.document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a growth note first.'));
      return undefined;
    }
    const { script } = await activeScript(vscode.workspace.getWorkspaceFolder(editor.document.uri));
    return { editor, version: editor.document.version, analysis: analyzeDocument(editor.document, script), script };
  }

  /**
   * Reads the note, decides where to go and goes, all from the text as it is now. An edit refused
   * because the manager typed meanwhile is worked out again from the new text.
   */
  private async move(destination: (note: LiveNote) => Destination | undefined): Promise<vscode.TextEditor | undefined> {
    let refused: Landing | undefined;
    for (let attempt = 0; attempt < MOVE_TRIES; attempt++) {
      const note = await this.live();
      const chosen = note && destination(note);
      const landing = note && chosen !== undefined ? this.landing(note, chosen) : undefined;
      if (!note || !landing) return undefined;
      const version = note.editor.document.version;
      if (await land(note.editor, landing)) return note.editor;
      refused = landing;
      await changedSince(note.editor.document, version, CATCH_UP_MS);
    }
    const editor = vscode.window.activeTextEditor;
    if (refused?.insert && editor) explainRefused(refused.insert.action, editor.document.uri);
    return undefined;
  }

  /** Where the cursor goes for a destination, with the text to add first; undefined when it cannot go there. */
  private landing({ editor, analysis, script }: LiveNote, destination: Destination): Landing | undefined {
    const { document } = editor;
    const lineText = (line: number) => document.lineAt(Math.min(line, document.lineCount - 1)).text;
    const { note } = analysis;
    if (typeof destination !== 'string') {
      const spot = bodyEndSpot(note.bodyLine, lineText, document.lineCount);
      // Without a line break added, the body's own lines start after its first one, which may be the frontmatter's closing line.
      return spotLanding(document, spot, note.bodyLine, spot.insert ? note.bodyLine + 1 : note.bodyLine);
    }
    const section = sectionOfStop(note, destination);
    if (section) return spotLanding(document, freshAnswerSpot(section, lineText, document.lineCount), section.headingLine, note.bodyLine);
    // The manager deleted this section: put it back, with the cursor on its answer line.
    const action = WriteActions.addSectionBack;
    if (!trustedOrExplain(action)) return undefined;
    const insertion = missingSectionInsertion(note, script, destination, document.lineCount);
    if (!insertion || insertion.line < note.bodyLine) return undefined;
    const at = insertion.line < document.lineCount ? new vscode.Position(insertion.line, 0) : document.lineAt(document.lineCount - 1).range.end;
    const before = insertion.text.slice(0, insertion.cursor);
    const breaks = before.split('\n').length - 1;
    return {
      cursor: new vscode.Position(at.line + breaks, 0), revealFrom: at.line + breaks - 1,
      insert: { at, before, after: insertion.text.slice(insertion.cursor), action },
    };
  }

  /** Sets a frontmatter enum to a value given, or one the manager picks from the schema's values. */
  async pickAndSet(key: string, title: string, choices: readonly EnumChoice[], value?: string): Promise<boolean> {
    const note = await this.live();
    if (!note) return false;
    const present = note.analysis.note.data[key];
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
    const note = await this.live();
    if (!note) return false;
    const change = setFrontmatterField(note.analysis, key, value);
    if (!change) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Fix the frontmatter first: {0} could not be set safely.', key));
      return false;
    }
    // Refused when a key reached the note since it was read: the field moved, and a stale edit would land in the wrong place.
    const applied = await applyNoteEditAt(WriteActions.recordAnswer, note.editor.document, note.version, toTextEdits([change]));
    // Back to where the manager was typing, whether this came from the card, the guide or a pick.
    await focusEditor(note.editor);
    await this.guide.refresh();
    return applied;
  }
}

/** Puts the cursor there (inserting first when asked) and shows it. False when the edit was refused. */
async function land(editor: vscode.TextEditor, landing: Landing): Promise<boolean> {
  if (landing.insert) {
    const { at, before, after } = landing.insert;
    // Sent before anything is awaited, so it reaches the editor ahead of the next key. (A snippet
    // session left open, say an action item's fields, is ended by the editor first, not merged into.)
    const snippet = new vscode.SnippetString().appendText(before).appendTabstop(0).appendText(after);
    if (!(await editor.insertSnippet(snippet, at, { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true }))) return false;
  } else {
    editor.selection = new vscode.Selection(landing.cursor, landing.cursor);
  }
  const { cursor } = landing;
  editor.revealRange(new vscode.Range(Math.min(landing.revealFrom, cursor.line), 0, cursor.line, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

/**
 * The landing for a spot in a section or at the body's end; undefined when it would be above
 * `firstLine`, the first line surely in the body (the frontmatter is never typed in).
 */
function spotLanding(document: vscode.TextDocument, spot: AnswerSpot, revealFrom: number, firstLine: number): Landing | undefined {
  // Room for the answer and a blank line before the next heading: made only in a trusted workspace, and only when the note lacks it.
  if (spot.insert && vscode.workspace.isTrusted) {
    const at = document.lineAt(Math.min(spot.insert.afterLine, document.lineCount - 1)).range.end;
    // The spot is the line after the insertion point: the cursor goes after the first inserted line break.
    const cut = spot.insert.text.indexOf('\n') + 1;
    const insert = { at, before: spot.insert.text.slice(0, cut), after: spot.insert.text.slice(cut), action: WriteActions.recordAnswer };
    return { cursor: new vscode.Position(at.line + 1, 0), insert, revealFrom };
  }
  // In Restricted Mode no room is made: the end of the last written line instead.
  const line = spot.insert ? spot.insert.afterLine : Math.min(spot.line, document.lineCount - 1);
  if (line < firstLine || line >= document.lineCount) return undefined;
  const length = document.lineAt(line).text.length;
  return { cursor: new vscode.Position(line, spot.insert ? length : Math.min(spot.character, length)), revealFrom };
}

/** Gives the keyboard back to the editor (after a click in the card or the guide), its cursor where it is. */
export async function focusEditor(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
}

/** Resolves once the document's version is past `version`, or after `limitMs`. */
function changedSince(document: vscode.TextDocument, version: number, limitMs: number): Promise<void> {
  if (document.version !== version) return Promise.resolve();
  return new Promise(resolve => {
    const done = () => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const listener = vscode.workspace.onDidChangeTextDocument(event => {
      if (event.document === document) done();
    });
    const timer = setTimeout(done, limitMs);
  });
}

/** Typing kept changing the note under the edit: said and logged, as every refused note edit is. */
function explainRefused(action: WriteAction, uri: vscode.Uri): void {
  logRefusal(action.log, 'the note kept changing while the cursor was being placed', uri);
  void vscode.window.showWarningMessage(vscode.l10n.t('{0}: nothing was changed, because the note changed meanwhile or cannot be written. Try again.', action.shown));
}
