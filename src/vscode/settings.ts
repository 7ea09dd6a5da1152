import * as vscode from 'vscode';
import { Settings } from './ids';

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
  };
}
