import * as vscode from 'vscode';
import { Settings } from './ids';

/**
 * The editor's own preferences, read fresh each time so changes apply at once. What changes what a
 * note means or what leaves it (folder, script, template, privacy, group sizes) is read through
 * `rulesFor` (growthRules.ts): growth.config.json merged with the older settings, the stricter winning.
 */
export function growthSettings(scope?: vscode.ConfigurationScope) {
  const config = vscode.workspace.getConfiguration(Settings.section, scope);
  return {
    filePattern: config.get<string>(Settings.filePattern, '{person}/{date}.md'),
    manager: config.get<string>(Settings.manager, '').trim(),
    askForDate: config.get<boolean>(Settings.askForDate, false),
    /** `neutral` (the default) names no one in commit messages; `names` lists the people and days changed. */
    commitMessageStyle: config.get<string>(Settings.commitMessageStyle, 'neutral') === 'names' ? 'names' as const : 'neutral' as const,
    validateWorkspace: config.get<boolean>(Settings.validateWorkspace, true),
    exportFolder: config.get<string>(Settings.exportFolder, 'growth-exports').replace(/^\/+|\/+$/g, '') || 'growth-exports',
    guidanceComments: config.get<string>(Settings.guidanceComments, 'none') === 'comments' ? 'comments' as const : 'none' as const,
  };
}
