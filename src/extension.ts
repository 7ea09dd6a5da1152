import * as vscode from 'vscode';
import { setTranslator } from './core/messages';
import { ActionItemsViewProvider, registerActionItemsView } from './vscode/actionItemsView';
import { CommitNotesCommand } from './vscode/commitNotesCommand';
import { CurrentQuestionViewProvider, registerCurrentQuestionView } from './vscode/currentQuestionView';
import { DiagnosticsManager } from './vscode/diagnostics';
import { registerFrontmatterAssist } from './vscode/frontmatterAssist';
import { registerGuideCommands } from './vscode/guideCommands';
import { GROWTH_LOG_NAME, openGrowthLog } from './vscode/growthLog';
import { Commands } from './vscode/ids';
import { NewConversationCommand } from './vscode/newConversationCommand';
import { NotesIndexManager } from './vscode/notesIndex';
import { PeopleViewProvider, registerOpenNoteAt, registerPeopleView } from './vscode/peopleView';
import { PrepareCommand, registerPrepare } from './vscode/prepareCommand';
import { QuestionGuideProvider, registerQuestionGuide } from './vscode/questionGuide';
import { registerShareCommands } from './vscode/shareCommands';
import { registerDigestCommands } from './vscode/digestCommands';
import { registerReportCommand } from './vscode/reportCommand';
import { registerVocabularyAssist } from './vscode/vocabularyAssist';
import { VocabularyManager } from './vscode/vocabularyManager';
import { registerThemesView, ThemesViewProvider } from './vscode/themesView';
import { WorkspaceVocabularyProvider } from './vscode/workspaceNotes';

/** What the extension hands to other extensions and to its integration tests. */
export interface GrowthApi {
  readonly questionGuide: QuestionGuideProvider;
  /** The card above the guide: the current question's full guidance and hints. */
  readonly currentQuestion: CurrentQuestionViewProvider;
  readonly notes: NotesIndexManager;
  readonly views: { readonly themes: ThemesViewProvider; readonly actions: ActionItemsViewProvider; readonly people: PeopleViewProvider };
  /** The file behind the Growth output channel, for anyone checking what it logged. */
  readonly logFile: vscode.Uri;
  /** How long activate() took, in milliseconds: it only wires things up. */
  readonly activationMs: number;
}

/** Wiring only: each feature registers itself and hands back one disposable. */
export function activate(context: vscode.ExtensionContext): GrowthApi {
  const started = performance.now();
  // Core messages (problems, hints, refusals) are shown in the editor's language; the CLI stays English.
  setTranslator((english, args) => vscode.l10n.t(english, ...args));
  // What the extension did and why, never the content of a note.
  const log = openGrowthLog();
  const notes = new NotesIndexManager(context.storageUri, log);
  const guide = new QuestionGuideProvider(notes);
  const currentQuestion = new CurrentQuestionViewProvider(guide);
  const themeVocabulary = new VocabularyManager();
  const prepare = new PrepareCommand(notes, theme => themeVocabulary.responseFor(theme));
  const vocabulary = new WorkspaceVocabularyProvider(notes, themeVocabulary);
  const diagnostics = new DiagnosticsManager(notes, vocabulary);
  const newConversation = new NewConversationCommand(context, notes, themeVocabulary);
  const commitNotes = new CommitNotesCommand();
  const views = { themes: new ThemesViewProvider(notes, themeVocabulary), actions: new ActionItemsViewProvider(notes), people: new PeopleViewProvider(notes) };
  context.subscriptions.push(
    log,
    notes,
    vocabulary,
    vscode.commands.registerCommand(newConversation.id, options => newConversation.execute(options)),
    vscode.commands.registerCommand(commitNotes.id, options => commitNotes.execute(options)),
    vscode.commands.registerCommand(Commands.showLog, () => log.show(true)),
    registerQuestionGuide(guide),
    registerGuideCommands(guide),
    registerCurrentQuestionView(currentQuestion),
    registerPrepare(prepare),
    diagnostics,
    registerFrontmatterAssist(vocabulary, diagnostics),
    registerThemesView(views.themes, notes),
    registerActionItemsView(views.actions, notes),
    registerPeopleView(views.people, notes),
    registerOpenNoteAt(),
    registerShareCommands(),
    themeVocabulary,
    registerReportCommand(notes, themeVocabulary),
    registerDigestCommands(notes, themeVocabulary),
    registerVocabularyAssist(themeVocabulary),
  );
  const logFile = vscode.Uri.joinPath(context.logUri, `${GROWTH_LOG_NAME}.log`);
  return { questionGuide: guide, currentQuestion, notes, views, logFile, activationMs: performance.now() - started };
}

export function deactivate(): void {}
