import * as vscode from 'vscode';
import { ActionItemsViewProvider } from './vscode/actions/actionItemsView';
import { CommandManager } from './vscode/common/commandManager';
import { ContextKeys } from './vscode/common/ids';
import { ExtensionHost } from './vscode/common/host';
import { ApplyHintCommand } from './vscode/guide/applyHintCommand';
import { ClearThemeFiltersCommand } from './vscode/themes/clearThemeFiltersCommand';
import { CollateDigestsCommand } from './vscode/collation/collateDigestsCommand';
import { CommitNotesCommand } from './vscode/notes/commitNotesCommand';
import { ProtectNotesCommand } from './vscode/notes/protectNotesCommand';
import { refreshInstalledStore } from './vscode/notes/installedStore';
import { ExportEverythingCommand, HandOverCommand } from './vscode/people/personStoreCommands';
import { CompleteActionCommand } from './vscode/actions/completeActionCommand';
import { CreateShareableCopyCommand } from './vscode/share/createShareableCopyCommand';
import { ConversationReminder } from './vscode/calendar/conversationReminder';
import { ExportCalendarCommand } from './vscode/calendar/exportCalendarCommand';
import { ExportTeamDigestCommand } from './vscode/collation/exportTeamDigestCommand';
import { FilterThemesByManagerCommand } from './vscode/themes/filterThemesByManagerCommand';
import { FilterThemesByPeriodCommand } from './vscode/themes/filterThemesByPeriodCommand';
import { FilterThemesByQuestionCommand } from './vscode/themes/filterThemesByQuestionCommand';
import { FilterThemesByTeamCommand } from './vscode/themes/filterThemesByTeamCommand';
import { GroupActionsByOwnerCommand } from './vscode/actions/groupActionsByOwnerCommand';
import { GroupActionsByPersonCommand } from './vscode/actions/groupActionsByPersonCommand';
import { MarkSharedCommand } from './vscode/share/markSharedCommand';
import { NewConversationCommand } from './vscode/notes/newConversationCommand';
import { NewConversationWithCommand } from './vscode/notes/newConversationWithCommand';
import { NextQuestionCommand } from './vscode/guide/nextQuestionCommand';
import { OpenNoteAtCommand } from './vscode/notes/openNoteAtCommand';
import { PrepareCommand } from './vscode/people/prepareCommand';
import { ImportPrereadCommand } from './vscode/preread/importPrereadCommand';
import { SendPrereadCommand } from './vscode/preread/sendPrereadCommand';
import { PreviousQuestionCommand } from './vscode/guide/previousQuestionCommand';
import { RefreshGuideCommand } from './vscode/guide/refreshGuideCommand';
import { RevealQuestionCommand } from './vscode/guide/revealQuestionCommand';
import { SetCareerPathCommand } from './vscode/guide/setCareerPathCommand';
import { SetFlightRiskCommand } from './vscode/guide/setFlightRiskCommand';
import { ShowLogCommand } from './vscode/common/showLogCommand';
import { ThemesReportCommand } from './vscode/report/themesReportCommand';
import { setTranslator } from './core/base';
import { CurrentQuestionViewProvider, registerCurrentQuestionView } from './vscode/guide/currentQuestionView';
import { DiagnosticsManager } from './vscode/notes/diagnostics';
import { registerFrontmatterAssist } from './vscode/notes/frontmatterAssist';
import { GROWTH_LOG_NAME, GrowthLog } from './vscode/common/growthLog';
import { GrowthRulesManager } from './vscode/common/growthRules';
import { GuideNavigator } from './vscode/guide/guideNavigator';
import { NotesIndexManager } from './vscode/notes/notesIndex';
import { PeopleViewProvider } from './vscode/people/peopleView';
import { PrepareBriefProvider } from './vscode/people/prepareBriefs';
import { QuestionGuideProvider, registerQuestionGuide } from './vscode/guide/questionGuide';
import { ThemeAliasHints } from './vscode/themes/themeAliasHints';
import { ThemesViewProvider } from './vscode/themes/themesView';
import { VocabularyManager } from './vscode/themes/vocabularyManager';
import { WorkspaceVocabularyProvider } from './vscode/themes/workspaceVocabulary';

/** What the extension hands to other extensions and to its integration tests. */
export interface GrowthApi {
  readonly questionGuide: QuestionGuideProvider;
  /** The card above the guide: the current question's full guidance and hints. */
  readonly currentQuestion: CurrentQuestionViewProvider;
  readonly notes: NotesIndexManager;
  /** Each folder's growth.config.json merged with the settings: the rules every output applies. */
  readonly rules: GrowthRulesManager;
  readonly views: CrossNoteViews;
  /** The opt-in reminder that a conversation is due. */
  readonly reminder: ConversationReminder;
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

/** The Node entry (desktop VS Code, code-server, Codespaces); the browser's is webExtension.ts. */
export function activate(context: vscode.ExtensionContext): GrowthApi {
  return activateIn(context, 'node');
}

/** Wiring only: each feature is built, owned by the extension's subscriptions, and its commands registered once. */
export function activateIn(context: vscode.ExtensionContext, host: ExtensionHost): GrowthApi {
  const started = performance.now();
  const own = <T extends vscode.Disposable>(value: T): T => {
    context.subscriptions.push(value);
    return value;
  };
  // Core messages (problems, hints, refusals) are shown in the editor's language; the CLI stays English.
  setTranslator((english, args) => vscode.l10n.t(english, ...args));
  // Commands that need git show in menus only where git can be reached (package.json: !isWeb || growth.nodeHost).
  void vscode.commands.executeCommand('setContext', ContextKeys.nodeHost, host === 'node');
  // What the extension did and why, never the content of a note.
  const log = own(new GrowthLog());
  log.channel.info(host === 'web'
    ? 'Started in the browser\'s web worker extension host (dist/web/extension.js): Commit Notes is not available here.'
    : 'Started in the Node extension host (dist/extension.js).');
  const rules = own(new GrowthRulesManager(log.channel));
  const notesIndex = own(new NotesIndexManager(context.storageUri, log.channel, rules));
  const guide = new QuestionGuideProvider(notesIndex);
  const currentQuestion = new CurrentQuestionViewProvider(guide);
  const themeVocabulary = own(new VocabularyManager(rules));
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
  own(registerCommands({ context, host, log, notesIndex, guide, themeVocabulary, briefs, views }));
  const reminder = own(new ConversationReminder(notesIndex, context.globalState));
  // Git runs the store's program from a lasting copy: after an update it is this version's.
  if (host === 'node') {
    void refreshInstalledStore(context.extensionUri, context.globalStorageUri).then(
      replaced => { if (replaced) log.channel.info('Updated the program git runs for protected notes repositories to this version.'); },
      error => log.channel.warn(`Could not update the program git runs for protected notes repositories: ${error instanceof Error ? error.message : String(error)}`));
  }
  const logFile = vscode.Uri.joinPath(context.logUri, `${GROWTH_LOG_NAME}.log`);
  return { questionGuide: guide, currentQuestion, notes: notesIndex, rules, views, reminder, logFile, activationMs: performance.now() - started };
}

/** Every command of the extension, one class each, registered by one manager. */
function registerCommands(parts: {
  context: vscode.ExtensionContext; host: ExtensionHost; log: GrowthLog; notesIndex: NotesIndexManager; guide: QuestionGuideProvider;
  themeVocabulary: VocabularyManager; briefs: PrepareBriefProvider; views: CrossNoteViews;
}): vscode.Disposable {
  const { context, host, log, notesIndex, guide, themeVocabulary, briefs, views } = parts;
  const navigator = new GuideNavigator(guide);
  return new CommandManager().register(
    new NewConversationCommand(context, notesIndex, themeVocabulary, host),
    new NewConversationWithCommand(),
    new CommitNotesCommand(host),
    new ProtectNotesCommand(context.extensionUri, context.globalStorageUri, host),
    new HandOverCommand(notesIndex, context.extensionUri, host),
    new ExportEverythingCommand(notesIndex, context.extensionUri, host),
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
    new SendPrereadCommand(notesIndex),
    new ImportPrereadCommand(),
    new ShowLogCommand(log),
    new CreateShareableCopyCommand(notesIndex),
    new ExportCalendarCommand(notesIndex),
    new MarkSharedCommand(),
    new ThemesReportCommand(notesIndex, themeVocabulary),
    new ExportTeamDigestCommand(notesIndex, themeVocabulary),
    new CollateDigestsCommand(themeVocabulary),
  );
}

export function deactivate(): void {}
