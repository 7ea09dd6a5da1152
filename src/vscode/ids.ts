/** Every command, view, context key and setting name, defined once. */
export const Commands = {
  newConversation: 'growth.conversation.new',
  commitNotes: 'growth.notes.commit',
  nextQuestion: 'growth.guide.nextQuestion',
  previousQuestion: 'growth.guide.previousQuestion',
  revealQuestion: 'growth.guide.revealQuestion',
  setCareerPath: 'growth.guide.setCareerPath',
  setFlightRisk: 'growth.guide.setFlightRisk',
  refreshGuide: 'growth.guide.refresh',
} as const;

export const Views = {
  container: 'growth',
  guide: 'growth.guide',
} as const;

export const ContextKeys = {
  isGrowthNote: 'growth.isGrowthNote',
} as const;

export const Settings = {
  section: 'growth',
  notesFolder: 'notesFolder',
  filePattern: 'filePattern',
  manager: 'manager',
  seniorLeaderTitle: 'seniorLeaderTitle',
  askForDate: 'askForDate',
  validateWorkspace: 'validation.workspace',
  templatePath: 'templatePath',
  questionScriptPath: 'questionScriptPath',
} as const;

export const DIAGNOSTIC_SOURCE = 'growth';
export const FORMAT_DOCS_URL = 'https://github.com/growth-conversations/growth-conversations#the-note-format-version-1';
