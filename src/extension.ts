import * as vscode from 'vscode';
import { ActionItemsViewProvider } from './vscode/actionItemsView';
import { CommandManager } from './vscode/commandManager';
import { ApplyHintCommand } from './vscode/commands/applyHintCommand';
import { ClearThemeFiltersCommand } from './vscode/commands/clearThemeFiltersCommand';
import { CollateDigestsCommand } from './vscode/commands/collateDigestsCommand';
import { CommitNotesCommand } from './vscode/commands/commitNotesCommand';
import { CompleteActionCommand } from './vscode/commands/completeActionCommand';
import { CreateShareableCopyCommand } from './vscode/commands/createShareableCopyCommand';
import { ExportTeamDigestCommand } from './vscode/commands/exportTeamDigestCommand';
import { FilterThemesByManagerCommand } from './vscode/commands/filterThemesByManagerCommand';
import { FilterThemesByPeriodCommand } from './vscode/commands/filterThemesByPeriodCommand';
import { FilterThemesByQuestionCommand } from './vscode/commands/filterThemesByQuestionCommand';
import { FilterThemesByTeamCommand } from './vscode/commands/filterThemesByTeamCommand';
import { GroupActionsByOwnerCommand } from './vscode/commands/groupActionsByOwnerCommand';
import { GroupActionsByPersonCommand } from './vscode/commands/groupActionsByPersonCommand';
import { MarkSharedCommand } from './vscode/commands/markSharedCommand';
import { NewConversationCommand } from './vscode/commands/newConversationCommand';
import { NewConversationWithCommand } from './vscode/commands/newConversationWithCommand';
import { NextQuestionCommand } from './vscode/commands/nextQuestionCommand';
import { OpenNoteAtCommand } from './vscode/commands/openNoteAtCommand';
import { PrepareCommand } from './vscode/commands/prepareCommand';
import { PreviousQuestionCommand } from './vscode/commands/previousQuestionCommand';
import { RefreshGuideCommand } from './vscode/commands/refreshGuideCommand';
import { RevealQuestionCommand } from './vscode/commands/revealQuestionCommand';
import { SetCareerPathCommand } from './vscode/commands/setCareerPathCommand';
import { SetFlightRiskCommand } from './vscode/commands/setFlightRiskCommand';
import { ShowLogCommand } from './vscode/commands/showLogCommand';
import { ThemesReportCommand } from './vscode/commands/themesReportCommand';
import { setTranslator } from './core/messages';
import { CurrentQuestionViewProvider, registerCurrentQuestionView } from './vscode/currentQuestionView';
import { DiagnosticsManager } from './vscode/diagnostics';
import { registerFrontmatterAssist } from './vscode/frontmatterAssist';
import { GROWTH_LOG_NAME, GrowthLog } from './vscode/growthLog';
import { GuideNavigator } from './vscode/guideNavigator';
import { NotesIndexManager } from './vscode/notesIndex';
import { PeopleViewProvider } from './vscode/peopleView';
import { PrepareBriefProvider } from './vscode/prepareBriefs';
import { QuestionGuideProvider, registerQuestionGuide } from './vscode/questionGuide';
import { ThemeAliasHints } from './vscode/themeAliasHints';
import { ThemesViewProvider } from './vscode/themesView';
import { VocabularyManager } from './vscode/vocabularyManager';
import { WorkspaceVocabularyProvider } from './vscode/workspaceVocabulary';

/** What the extension hands to other extensions and to its integration tests. */
export interface GrowthApi {
  readonly questionGuide: QuestionGuideProvider;
  /** The card above the guide: the current question's full guidance and hints. */
  readonly currentQuestion: CurrentQuestionViewProvider;
  readonly notes: NotesIndexManager;
  readonly views: CrossNoteViews;
  /** The file behind the Growth output channel, for anyone checking what it logged. */
  readonly logFile: vscode.Uri;
  /** How long activate() took, in milliseconds: it only wires things up. */
  readonly activationMs: number;
}

/** The three views over every note in the workspace. */
export interface CrossNoteViews {
  readonly themes: ThemesViewProvider;
  readonly actions: ActionItemsViewProvider;
  readonly people: PeopleViewProvider;
}

/** Wiring only: each feature is built, owned by the extension's subscriptions, and its commands registered once. */
export function activate(context: vscode.ExtensionContext): GrowthApi {
  const started = performance.now();
  const own = <T extends vscode.Disposable>(value: T): T => {
    context.subscriptions.push(value);
    return value;
  };
  // Core messages (problems, hints, refusals) are shown in the editor's language; the CLI stays English.
  setTranslator((english, args) => vscode.l10n.t(english, ...args));
  // What the extension did and why, never the content of a note.
  const log = own(new GrowthLog());
  const notesIndex = own(new NotesIndexManager(context.storageUri, log.channel));
  const guide = new QuestionGuideProvider(notesIndex);
  const currentQuestion = new CurrentQuestionViewProvider(guide);
  const themeVocabulary = own(new VocabularyManager());
  const workspaceVocabulary = own(new WorkspaceVocabularyProvider(notesIndex, themeVocabulary));
  const diagnostics = own(new DiagnosticsManager(notesIndex, workspaceVocabulary));
  const briefs = own(new PrepareBriefProvider(notesIndex, theme => themeVocabulary.responseFor(theme)));
  const views: CrossNoteViews = {
    themes: own(new ThemesViewProvider(notesIndex, themeVocabulary)),
    actions: own(new ActionItemsViewProvider(notesIndex)),
    people: own(new PeopleViewProvider(notesIndex)),
  };
  own(registerQuestionGuide(guide));
  own(registerCurrentQuestionView(currentQuestion));
  own(registerFrontmatterAssist(workspaceVocabulary, diagnostics));
  own(new ThemeAliasHints(themeVocabulary));
  own(registerCommands({ context, log, notesIndex, guide, themeVocabulary, briefs, views }));
  const logFile = vscode.Uri.joinPath(context.logUri, `${GROWTH_LOG_NAME}.log`);
  return { questionGuide: guide, currentQuestion, notes: notesIndex, views, logFile, activationMs: performance.now() - started };
}

/** Every command of the extension, one class each, registered by one manager. */
function registerCommands(parts: {
  context: vscode.ExtensionContext; log: GrowthLog; notesIndex: NotesIndexManager; guide: QuestionGuideProvider;
  themeVocabulary: VocabularyManager; briefs: PrepareBriefProvider; views: CrossNoteViews;
}): vscode.Disposable {
  const { context, log, notesIndex, guide, themeVocabulary, briefs, views } = parts;
  const navigator = new GuideNavigator(guide);
  return new CommandManager().register(
    new NewConversationCommand(context, notesIndex, themeVocabulary),
    new NewConversationWithCommand(),
    new CommitNotesCommand(),
    new RevealQuestionCommand(navigator),
    new NextQuestionCommand(navigator),
    new PreviousQuestionCommand(navigator),
    new SetCareerPathCommand(navigator),
    new SetFlightRiskCommand(navigator),
    new ApplyHintCommand(navigator),
    new RefreshGuideCommand(guide),
    new FilterThemesByPeriodCommand(views.themes),
    new FilterThemesByTeamCommand(views.themes),
    new FilterThemesByManagerCommand(views.themes),
    new FilterThemesByQuestionCommand(views.themes),
    new ClearThemeFiltersCommand(views.themes),
    new CompleteActionCommand(views.actions),
    new GroupActionsByPersonCommand(views.actions),
    new GroupActionsByOwnerCommand(views.actions),
    new OpenNoteAtCommand(),
    new PrepareCommand(notesIndex, briefs),
    new ShowLogCommand(log),
    new CreateShareableCopyCommand(),
    new MarkSharedCommand(),
    new ThemesReportCommand(notesIndex, themeVocabulary),
    new ExportTeamDigestCommand(notesIndex, themeVocabulary),
    new CollateDigestsCommand(themeVocabulary),
  );
}

export function deactivate(): void {}
