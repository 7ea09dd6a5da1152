import * as vscode from 'vscode';
import { DEFAULT_MIN_GROUP_SIZE, DEFAULT_MIN_QUOTE_GROUP, effectiveMinGroupSize } from '../../core/privacy';
import { Settings } from './ids';

/** Words that usually mean a line is not for the person's copy. */
export const DEFAULT_SENSITIVE_WORDS = ['salary', 'pay', 'raise', 'bonus', 'resign', 'resignation', 'quit', 'offer', 'flight risk', 'performance plan'];

/** The extension's settings, read fresh each time so changes apply at once. */
export function growthSettings(scope?: vscode.ConfigurationScope) {
  const config = vscode.workspace.getConfiguration(Settings.section, scope);
  return {
    notesFolder: config.get<string>(Settings.notesFolder, 'growth-notes').replace(/^\/+|\/+$/g, '') || 'growth-notes',
    filePattern: config.get<string>(Settings.filePattern, '{person}/{date}.md'),
    manager: config.get<string>(Settings.manager, '').trim(),
    seniorLeaderTitle: config.get<string>(Settings.seniorLeaderTitle, 'CTO'),
    askForDate: config.get<boolean>(Settings.askForDate, false),
    validateWorkspace: config.get<boolean>(Settings.validateWorkspace, true),
    templatePath: config.get<string>(Settings.templatePath, '').trim(),
    questionScriptPath: config.get<string>(Settings.questionScriptPath, '').trim(),
    patternThreshold: Math.max(1, config.get<number>(Settings.patternThreshold, 2)),
    privateFields: config.get<string[]>(Settings.privateFields, []),
    privateSections: config.get<string[]>(Settings.privateSections, []),
    sensitiveWords: config.get<string[]>(Settings.sensitiveWords, DEFAULT_SENSITIVE_WORDS),
    exportFolder: config.get<string>(Settings.exportFolder, 'growth-exports').replace(/^\/+|\/+$/g, '') || 'growth-exports',
    minimumGroupSize: effectiveMinGroupSize(config.get<number>(Settings.minimumGroupSize, DEFAULT_MIN_GROUP_SIZE)),
    minimumQuoteGroup: config.get<number>(Settings.minimumQuoteGroup, DEFAULT_MIN_QUOTE_GROUP),
    vocabularyPath: config.get<string>(Settings.vocabularyPath, '').trim(),
    guidanceComments: config.get<string>(Settings.guidanceComments, 'none') === 'comments' ? 'comments' as const : 'none' as const,
  };
}
