import * as vscode from 'vscode';
import { BUILT_IN_SCRIPT, parseQuestionScript, QuestionScript, withReadingRules, withSeniorLeader } from '../../core/note';
import { rulesFor, rulesReady } from '../common/growthRules';

export type ActiveScript = { script: QuestionScript; error?: undefined } | { script: QuestionScript; error: string };

const scripts = new Map<string, { stamp: string; result: ActiveScript }>();

/**
 * The question script in force for a folder: the team's own file when growth.config.json (or the setting) names one,
 * else the built-in nine. An invalid file yields the built-in script plus an error to show.
 * Kept until the file's size or modification time changes: the guide asks on every cursor move.
 */
export async function activeScript(folder: vscode.WorkspaceFolder | undefined): Promise<ActiveScript> {
  await rulesReady();
  const { rules } = rulesFor(folder);
  const path = folder ? rules.questionScriptPath : '';
  const uri = folder && path ? vscode.Uri.joinPath(folder.uri, path) : undefined;
  let stamp = '';
  if (uri) {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      stamp = `${stat.mtime}:${stat.size}`;
    } catch {
      stamp = 'missing';
    }
  }
  const key = JSON.stringify([uri?.toString() ?? 'built-in', rules.seniorLeaderTitle, rules.share.privateSections, rules.share.privacyWords]);
  const cached = scripts.get(key);
  if (cached?.stamp === stamp) return cached.result;
  const loaded = await loadScript(uri, path, rules.seniorLeaderTitle);
  // The configuration's privacy rules travel with the script, so every reader leaves out the same blocks.
  const result = { ...loaded, script: withReadingRules(loaded.script, rules.share) };
  scripts.set(key, { stamp, result });
  return result;
}

async function loadScript(uri: vscode.Uri | undefined, path: string, seniorLeader: string): Promise<ActiveScript> {
  const builtIn = withSeniorLeader(BUILT_IN_SCRIPT, seniorLeader);
  if (!uri) return { script: builtIn };
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return { script: builtIn, error: vscode.l10n.t('The question script "{0}" was not found.', path) };
  }
  const parsed = parseQuestionScript(text);
  if ('error' in parsed) return { script: builtIn, error: vscode.l10n.t('The question script "{0}" is not valid: {1}.', path, parsed.error) };
  return { script: withSeniorLeader(parsed.script, seniorLeader) };
}
