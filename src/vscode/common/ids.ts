/** Every command, view, context key and setting name, defined once. */
export const Commands = {
  newConversation: 'growth.conversation.new',
  commitNotes: 'growth.notes.commit',
  protectNotes: 'growth.notes.protect',
  handOver: 'growth.people.handOver',
  exportEverything: 'growth.people.exportEverything',
  nextQuestion: 'growth.guide.nextQuestion',
  previousQuestion: 'growth.guide.previousQuestion',
  revealQuestion: 'growth.guide.revealQuestion',
  setCareerPath: 'growth.guide.setCareerPath',
  setFlightRisk: 'growth.guide.setFlightRisk',
  refreshGuide: 'growth.guide.refresh',
  filterThemesByPeriod: 'growth.themes.filterPeriod',
  filterThemesByTeam: 'growth.themes.filterTeam',
  filterThemesByManager: 'growth.themes.filterManager',
  filterThemesByQuestion: 'growth.themes.filterQuestion',
  clearThemeFilters: 'growth.themes.clearFilters',
  openNoteAt: 'growth.notes.openAt',
  completeAction: 'growth.actions.complete',
  groupActionsByPerson: 'growth.actions.groupByPerson',
  groupActionsByOwner: 'growth.actions.groupByOwner',
  newConversationWith: 'growth.people.newConversation',
  createShareableCopy: 'growth.share.create',
  markShared: 'growth.share.markShared',
  themesReport: 'growth.report.themes',
  showLog: 'growth.log.show',
  exportTeamDigest: 'growth.digest.export',
  collateDigests: 'growth.digest.collate',
  applyHint: 'growth.guide.applyHint',
  prepare: 'growth.people.prepare',
  sendPreread: 'growth.preread.send',
  importPreread: 'growth.preread.import',
  exportCalendar: 'growth.calendar.export',
} as const;

export const Views = {
  container: 'growth',
  guide: 'growth.guide',
  themes: 'growth.themes',
  actions: 'growth.actions',
  people: 'growth.people',
  currentQuestion: 'growth.currentQuestion',
  /** The cross-note views' own container, so the guide has the room during a conversation. */
  overviewContainer: 'growthOverview',
} as const;

export const ContextKeys = {
  /** The workspace holds growth notes (or the manager created the first): the Growth views show only then. */
  hasNotes: 'growth.hasNotes',
  /** Runs in a Node extension host, where git can be reached (menus show Commit Notes there even in a browser UI such as code-server). */
  nodeHost: 'growth.nodeHost',
  isGrowthNote: 'growth.isGrowthNote',
  actionsGroupedByOwner: 'growth.actionsGroupedByOwner',
  themeFilterActive: 'growth.themeFilterActive',
} as const;

export const Settings = {
  section: 'growth',
  notesFolder: 'notesFolder',
  filePattern: 'filePattern',
  manager: 'manager',
  seniorLeaderTitle: 'seniorLeaderTitle',
  askForDate: 'askForDate',
  commitMessageStyle: 'commit.messageStyle',
  validateWorkspace: 'validation.workspace',
  templatePath: 'templatePath',
  questionScriptPath: 'questionScriptPath',
  patternThreshold: 'themes.patternThreshold',
  privateFields: 'share.privateFields',
  privateSections: 'share.privateSections',
  sensitiveWords: 'share.sensitiveWords',
  exportFolder: 'exportFolder',
  minimumGroupSize: 'report.minimumGroupSize',
  minimumQuoteGroup: 'report.minimumQuoteGroup',
  minimumThemeGroup: 'report.minimumThemeGroup',
  vocabularyPath: 'themes.vocabularyPath',
  guidanceComments: 'scaffold.guidance',
  remindConversationsDue: 'reminders.conversationsDue',
} as const;

export const DIAGNOSTIC_SOURCE = 'growth';
const PROBLEM_DOCS_URL = 'https://github.com/growth-conversations/growth-conversations/blob/main/docs/problems/';

/** The page that explains one problem code (docs/problems/<code>.md), linked from each diagnostic's code. */
export function problemDocsUrl(code: string): string {
  return `${PROBLEM_DOCS_URL}${code}.md`;
}
