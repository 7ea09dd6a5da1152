import * as vscode from 'vscode';
import { ConfigProblem, ConfigReading, GROWTH_CONFIG_FILE, GrowthConfig, MAX_CONFIG_BYTES, parseGrowthConfig } from '../../core/note';
import { EffectiveRules, effectiveRules, RuleDisagreement, RuleSettings } from '../../core/privacy';
import { configDiagnostic } from './adapters';
import { Disposable } from './dispose';
import { Settings } from './ids';

/** The rules in force for one workspace folder: growth.config.json merged with the settings. */
export interface FolderRules {
  readonly rules: EffectiveRules;
  /** The configuration file, when the folder has one. */
  readonly configUri?: vscode.Uri;
  /** Its problems: while there are any, nothing is made for someone else (the file fails closed). */
  readonly problems: readonly ConfigProblem[];
  readonly disagreements: readonly RuleDisagreement[];
}

/** The settings that say what the file says, by the file's key (privacy words have no setting). */
const SETTING_KEYS: Readonly<Partial<Record<keyof GrowthConfig, string>>> = {
  notesFolder: Settings.notesFolder, questionScriptPath: Settings.questionScriptPath, templatePath: Settings.templatePath,
  seniorLeaderTitle: Settings.seniorLeaderTitle, patternThreshold: Settings.patternThreshold, vocabularyPath: Settings.vocabularyPath,
  privateFields: Settings.privateFields, privateSections: Settings.privateSections, sensitiveWords: Settings.sensitiveWords,
  minimumGroupSize: Settings.minimumGroupSize, minimumQuoteGroup: Settings.minimumQuoteGroup, minimumThemeGroup: Settings.minimumThemeGroup,
};

/** Paths to files the extension reads into notes: a folder's own value is ignored until it is trusted. */
const RESTRICTED: ReadonlySet<string> = new Set([Settings.questionScriptPath, Settings.templatePath]);

/** Only what the person set (user, workspace or folder): a default is not a rule they chose. */
function explicitSettings(scope: vscode.ConfigurationScope | undefined): RuleSettings {
  const config = vscode.workspace.getConfiguration(Settings.section, scope);
  const chosen: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(SETTING_KEYS)) {
    const inspected = config.inspect(setting as string);
    const fromWorkspace = vscode.workspace.isTrusted || !RESTRICTED.has(setting as string);
    const value = (fromWorkspace ? inspected?.workspaceFolderValue ?? inspected?.workspaceValue : undefined) ?? inspected?.globalValue;
    if (value !== undefined) chosen[key] = value;
  }
  return chosen as RuleSettings;
}

/** The manager in use, so free functions (the question script, a command) reach the same rules. */
const registry: { current?: GrowthRulesManager } = {};

/** The rules for the folder holding `scope` (a note, a folder), or the first folder's. */
export function rulesFor(scope?: vscode.Uri | vscode.WorkspaceFolder): FolderRules {
  const folder = scope instanceof vscode.Uri ? vscode.workspace.getWorkspaceFolder(scope) : scope ?? vscode.workspace.workspaceFolders?.[0];
  return registry.current?.forFolder(folder) ?? merged(folder);
}

/** Resolves once the configuration files in use have been read. */
export async function rulesReady(): Promise<void> {
  await registry.current?.ready;
}

/**
 * Why nothing may be made for someone else under these rules (a configuration with problems), in a
 * sentence; undefined when the rules are sound.
 */
export function configRefusal(found: FolderRules): string | undefined {
  if (found.problems.length === 0) return undefined;
  const where = found.configUri ? vscode.workspace.asRelativePath(found.configUri) : GROWTH_CONFIG_FILE;
  return vscode.l10n.t('{0} has problems (see the Problems panel). Fix them first: until then it is not clear what may leave your notes.', where);
}

/**
 * The rules for outputs over every folder (the report, the digest): the first folder's, with the
 * larger group sizes any folder asks for, and the problems of every folder's configuration.
 */
export function workspaceRules(): FolderRules {
  const all = (vscode.workspace.workspaceFolders ?? []).map(folder => rulesFor(folder));
  const first = all[0] ?? rulesFor();
  const larger = (pick: (rules: EffectiveRules) => number) => Math.max(...all.map(entry => pick(entry.rules)), pick(first.rules));
  return {
    ...first,
    rules: {
      ...first.rules,
      report: { minimumGroupSize: larger(r => r.report.minimumGroupSize), minimumQuoteGroup: larger(r => r.report.minimumQuoteGroup), minimumThemeGroup: larger(r => r.report.minimumThemeGroup) },
    },
    configUri: all.find(entry => entry.problems.length > 0)?.configUri ?? first.configUri,
    problems: all.flatMap(entry => entry.problems),
  };
}

/**
 * The file's rules merged with the settings as they are now (settings are read on every call, so a
 * change applies at once). In Restricted Mode the file's script and template paths are ignored, as
 * their settings are; its privacy rules still apply (they only make it stricter).
 */
function merged(folder: vscode.WorkspaceFolder | undefined, file?: { readonly uri: vscode.Uri; readonly reading: ConfigReading }): FolderRules {
  const config = file && !vscode.workspace.isTrusted ? { ...file.reading.config, questionScriptPath: undefined, templatePath: undefined } : file?.reading.config;
  const { rules, disagreements } = effectiveRules(config, explicitSettings(folder?.uri));
  return { rules, disagreements, configUri: file?.uri, problems: file?.reading.problems ?? [] };
}

/**
 * growth.config.json of every workspace folder: read at start and again when it changes on disk, its
 * problems shown in the file; where it and the settings disagree, said once.
 */
export class GrowthRulesManager extends Disposable {
  /** Each folder's configuration file as last read, by folder URI; a folder without one is absent. */
  private readonly files = new Map<string, { readonly uri: vscode.Uri; readonly reading: ConfigReading }>();
  private readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('growth-config'));
  private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
  /** Fires after any folder's rules were read again. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly said = new Map<string, string>();
  ready: Promise<void>;

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    registry.current = this;
    this._register(new vscode.Disposable(() => { if (registry.current === this) registry.current = undefined; }));
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(`**/${GROWTH_CONFIG_FILE}`));
    const reload = (uri?: vscode.Uri) => {
      // One read at a time, in order, so an older read never lands after a newer one.
      if (!uri || (vscode.workspace.workspaceFolders ?? []).some(folder => configUri(folder).toString() === uri.toString())) this.ready = this.ready.then(() => this.reload());
    };
    [
      watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload),
      vscode.workspace.onDidSaveTextDocument(document => reload(document.uri)),
      vscode.workspace.onDidChangeConfiguration(event => { if (event.affectsConfiguration(Settings.section)) reload(); }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => reload()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => reload()),
    ].forEach(owned => this._register(owned));
    this.ready = this.reload();
  }

  /** The folder's rules: its file as last read (none until the first read ends) with the settings now. */
  forFolder(folder: vscode.WorkspaceFolder | undefined): FolderRules {
    return merged(folder, folder && this.files.get(folder.uri.toString()));
  }

  private async reload(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const read = await Promise.all(folders.map(folder => readConfigFile(configUri(folder))));
    this.files.clear();
    this.diagnostics.clear();
    folders.forEach((folder, i) => {
      const file = read[i];
      if (file) {
        this.files.set(folder.uri.toString(), file);
        this.diagnostics.set(file.uri, file.reading.problems.map(configDiagnostic));
        if (file.reading.problems.length > 0) this.log.warn(`${vscode.workspace.asRelativePath(file.uri)} has ${file.reading.problems.length} problem(s): nothing is made for someone else until they are fixed.`);
      }
      this.sayDisagreements(folder, this.forFolder(folder).disagreements);
    });
    this.changeEmitter.fire();
  }

  /** Says once (until it changes) where the file and the settings disagree, and which was used. */
  private sayDisagreements(folder: vscode.WorkspaceFolder, disagreements: readonly RuleDisagreement[]) {
    const key = disagreements.map(d => d.key).join(',');
    if (this.said.get(folder.uri.toString()) === key) return;
    this.said.set(folder.uri.toString(), key);
    const stricter = disagreements.filter(d => d.used === 'stricter').map(d => d.key).join(', ');
    const fromFile = disagreements.filter(d => d.used === 'file').map(d => d.key).join(', ');
    if (stricter) void vscode.window.showInformationMessage(vscode.l10n.t('{0} and your settings disagree on {1}; the stricter is used.', GROWTH_CONFIG_FILE, stricter));
    if (fromFile) void vscode.window.showInformationMessage(vscode.l10n.t('{0} and your settings disagree on {1}; {0} is used.', GROWTH_CONFIG_FILE, fromFile));
    if (key) this.log.info(`${folder.name}: growth.config.json and the settings disagree on ${disagreements.map(d => `${d.key} (${d.used})`).join(', ')}.`);
  }
}

/** A configuration file read and checked; undefined when there is none. */
async function readConfigFile(uri: vscode.Uri): Promise<{ uri: vscode.Uri; reading: ConfigReading } | undefined> {
  const stat = await vscode.workspace.fs.stat(uri).then(s => s, () => undefined);
  if (!stat || stat.type & vscode.FileType.Directory) return undefined;
  // Too large to be a configuration: not read at all, and reported as such.
  const text = stat.size > MAX_CONFIG_BYTES ? ' '.repeat(MAX_CONFIG_BYTES + 1)
    : await vscode.workspace.fs.readFile(uri).then(bytes => new TextDecoder().decode(bytes), () => '');
  return { uri, reading: parseGrowthConfig(text) };
}

function configUri(folder: vscode.WorkspaceFolder): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, GROWTH_CONFIG_FILE);
}
