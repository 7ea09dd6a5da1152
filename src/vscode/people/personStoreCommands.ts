import * as vscode from 'vscode';
import { personKey } from '../../core/base';
import { setFrontmatterField } from '../../core/live';
import { toTextEdits } from '../common/adapters';
import { applyNoteEditAt } from '../common/noteEdits';
import { analyzeDocument } from '../notes/noteAnalysis';
import { activeScript } from '../notes/questionScripts';
import { noteUri } from '../notes/workspaceNoteSource';
import { Command } from '../common/commandManager';
import { logRefusal } from '../common/growthLog';
import { ExtensionHost } from '../common/host';
import { Commands } from '../common/ids';
import { trustedOrExplain } from '../common/trust';
import { WriteAction, WriteActions } from '../common/writeActions';
import { NotesIndexManager } from '../notes/notesIndex';
import { ProtectOutcome, runStore } from '../notes/protectNotesCommand';
import { personFrom, pickPersonWithNotes } from './prepareCommand';

/** Given by a test or another command instead of the picks: the person, the folder to write into, the notes' workspace folder. */
interface StoreCommandOptions {
  readonly person?: string;
  /** Hand Over: add the new stable id to the person's latest note without asking (true) or not at all (false). */
  readonly addPersonId?: boolean;
  readonly target?: vscode.Uri;
  readonly folder?: vscode.WorkspaceFolder;
}

/** The words and the program a person-by-person store command needs. */
interface StoreCommandSpec {
  readonly action: WriteAction;
  readonly pick: { title: string; placeHolder: string; nobody: string };
  readonly targetTitle: string;
  readonly targetLabel: string;
  readonly progress: string;
  /** The store program's command, run as `<command> <person> <notes folder> <options>`. */
  readonly command: 'handover' | 'access';
  readonly options: (target: vscode.Uri) => string[];
}

/**
 * The shape both store commands share: pick the person (the People picker), pick the folder, run the
 * command line's own code in the store program, and say what happened. Refused in the browser (no
 * git, no program to run) and in Restricted Mode.
 */
async function runPersonStoreCommand(spec: StoreCommandSpec, notes: NotesIndexManager, extensionUri: vscode.Uri, host: ExtensionHost, argument: unknown)
  : Promise<(ProtectOutcome & { person: string; target: vscode.Uri }) | undefined> {
  if (host === 'web') {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} needs git and the files of your computer, which the browser does not have: run it in VS Code on your computer.', spec.action.shown));
    return undefined;
  }
  if (!trustedOrExplain(spec.action)) return undefined;
  const options = optionsFrom(argument);
  const folder = options.folder ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open the folder of your notes first: only notes in a folder on this machine can be read for this.'));
    return undefined;
  }
  await notes.ready;
  const person = options.person ?? personFrom(argument) ?? await pickPersonWithNotes(notes, spec.pick);
  if (!person) return undefined;
  const target = options.target ?? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, title: spec.targetTitle, openLabel: spec.targetLabel }))?.[0];
  if (!target) return undefined;
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: spec.progress },
    () => runStore(vscode.Uri.joinPath(extensionUri, 'dist', 'store.js').fsPath, [spec.command, person, folder.uri.fsPath, ...spec.options(target)]));
  if (!outcome.ok) {
    const reason = outcome.output.trim().split('\n').pop() ?? '';
    logRefusal(spec.action.log, reason, folder.uri);
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} did not happen: {1}', spec.action.shown, reason));
  }
  return { ...outcome, person, target };
}

function optionsFrom(argument: unknown): StoreCommandOptions {
  if (!argument || typeof argument !== 'object' || !('target' in argument || 'person' in argument)) return {};
  const given = argument as Record<string, unknown>;
  return {
    person: typeof given.person === 'string' ? given.person : undefined,
    addPersonId: typeof given.addPersonId === 'boolean' ? given.addPersonId : undefined,
    target: given.target instanceof vscode.Uri ? given.target : undefined,
    folder: given.folder && typeof given.folder === 'object' && 'uri' in given.folder ? given.folder as vscode.WorkspaceFolder : undefined,
  };
}

/**
 * "Growth: Hand Over to a New Manager…": the new manager's first note about a person, in their notes
 * folder, through the privacy gate (goals, open actions, career path, shared copies, the stable id;
 * never flight risk, Private notes or anything private). It runs `growth handover`; an existing note is
 * never replaced.
 */
export class HandOverCommand implements Command {
  readonly id = Commands.handOver;

  constructor(private readonly notes: NotesIndexManager, private readonly extensionUri: vscode.Uri, private readonly host: ExtensionHost = 'node') {}

  async execute(argument?: unknown): Promise<(ProtectOutcome & { note?: vscode.Uri; idAdded?: vscode.Uri }) | undefined> {
    const outcome = await runPersonStoreCommand({
      action: WriteActions.handOver,
      pick: { title: vscode.l10n.t('Hand Over to a New Manager'), placeHolder: vscode.l10n.t('Whose notes go to a new manager?'), nobody: vscode.l10n.t('No conversations yet: there is nobody to hand over.') },
      targetTitle: vscode.l10n.t('The new manager\'s notes folder'), targetLabel: vscode.l10n.t('Hand Over Here'), progress: vscode.l10n.t('Writing the handover note…'),
      command: 'handover', options: target => ['--to', target.fsPath],
    }, this.notes, this.extensionUri, this.host, argument);
    if (!outcome?.ok) return outcome;
    const written = /^Wrote (.+) from \d+ notes\./m.exec(outcome.output)?.[1];
    const note = written ? vscode.Uri.file(written) : undefined;
    const OPEN = vscode.l10n.t('Open Note');
    void vscode.window.showInformationMessage(vscode.l10n.t('The handover note for {0} is in the new manager\'s notes folder. Only what {0} could be shown went into it.', outcome.person), OPEN)
      .then(answer => (answer === OPEN && note ? vscode.window.showTextDocument(note) : undefined));
    // The person had no stable id: the new one goes into their latest note here too, so both managers' digests share it.
    const newId = /add "personId: (p-[0-9a-f]{16})"/.exec(outcome.output)?.[1];
    const idAdded = newId ? await this.offerPersonId(outcome.person, newId, optionsFrom(argument).addPersonId) : undefined;
    return { ...outcome, note, idAdded };
  }

  private async offerPersonId(person: string, id: string, given: boolean | undefined): Promise<vscode.Uri | undefined> {
    const latest = this.notes.index.all().filter(n => n.person !== undefined && personKey(n.person) === personKey(person) && !n.stablePersonId)
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')).pop();
    if (!latest) return undefined;
    const ADD = vscode.l10n.t('Add to Latest Note');
    const add = given ?? (await vscode.window.showInformationMessage(vscode.l10n.t('{0}\'s notes here have no stable id yet. Add the one the handover gave them to their latest note, so your team digests and the new manager\'s count {0} once?', person), ADD)) === ADD;
    if (!add || !trustedOrExplain(WriteActions.handOver)) return undefined;
    const document = await vscode.workspace.openTextDocument(noteUri(latest.path));
    const { script } = await activeScript(vscode.workspace.getWorkspaceFolder(document.uri));
    // From here to the edit nothing is awaited: the field is found in the text of this very version.
    const version = document.version;
    const change = setFrontmatterField(analyzeDocument(document, script), 'personId', id);
    if (!change) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Fix the frontmatter first: {0} could not be set safely.', 'personId'));
      return undefined;
    }
    return await applyNoteEditAt(WriteActions.handOver, document, version, toTextEdits([change])) ? document.uri : undefined;
  }
}

/**
 * "Growth: Export Everything About…": a person's request for their data, as `growth access` writes it
 * (their notes in full, shared copies, mentions with other names replaced, versions, an index) into an
 * empty folder, then offers to reveal it.
 */
export class ExportEverythingCommand implements Command {
  readonly id = Commands.exportEverything;

  constructor(private readonly notes: NotesIndexManager, private readonly extensionUri: vscode.Uri, private readonly host: ExtensionHost = 'node') {}

  async execute(argument?: unknown): Promise<ProtectOutcome | undefined> {
    const outcome = await runPersonStoreCommand({
      action: WriteActions.exportEverything,
      pick: { title: vscode.l10n.t('Export Everything About…'), placeHolder: vscode.l10n.t('Who asked for their data?'), nobody: vscode.l10n.t('No conversations yet: there is nothing to export.') },
      targetTitle: vscode.l10n.t('An empty folder for the export'), targetLabel: vscode.l10n.t('Export Here'), progress: vscode.l10n.t('Gathering everything about the person…'),
      command: 'access', options: target => ['--out', target.fsPath],
    }, this.notes, this.extensionUri, this.host, argument);
    if (!outcome?.ok) return outcome;
    const REVEAL = vscode.l10n.t('Reveal Folder');
    void vscode.window.showInformationMessage(vscode.l10n.t('Everything the notes hold about {0} is in the folder, with index.md saying what each file is. Read it before you send it.', outcome.person), REVEAL)
      .then(answer => (answer === REVEAL ? vscode.commands.executeCommand('revealFileInOS', outcome.target) : undefined));
    return outcome;
  }
}
