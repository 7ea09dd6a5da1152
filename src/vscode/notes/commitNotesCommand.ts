import { execFile } from 'child_process';
import * as vscode from 'vscode';
import { Command } from '../common/commandManager';
import { WriteActions } from '../common/writeActions';
import { ChangedNote, commitMessage, neutralCommitMessage } from '../../core/base';
import { analyzeNote, TaskItem } from '../../core/note';
import { growthSettings } from '../common/settings';
import { GitApi, gitApi, GitRepository, repositoryFor } from './gitApi';
import { Commands } from '../common/ids';
import { readNoteText } from '../common/noteFiles';
import { initialiseChoice, initialiseRepository, wroteGitignore } from './notesRepository';
import { rulesFor } from '../common/growthRules';
import { trustedOrExplain } from '../common/trust';
import { ExtensionHost } from '../common/host';

export interface CommitNotesOptions {
  readonly folder?: vscode.WorkspaceFolder;
  /** Answer "initialise" without asking (tests, scripted use). */
  readonly initialise?: boolean;
}

/** "Growth: Commit Notes": stages the notes folder and commits it locally. It never pushes. */
export class CommitNotesCommand implements Command {
  readonly id = Commands.commitNotes;

  /** `host`: in a browser's web worker there is no git; the command is hidden there, and says why if run anyway. */
  constructor(private readonly host: ExtensionHost = 'node') {}

  async execute(rawOptions?: unknown): Promise<string | undefined> {
    if (this.host === 'web') {
      void vscode.window.showWarningMessage(vscode.l10n.t('Commit Notes is not available in the browser: it needs git on your own computer, which VS Code for the Web cannot run. Open the notes in VS Code on your computer to commit them.'));
      return undefined;
    }
    // A view-title button passes the selected row: only real options count.
    const given = rawOptions && typeof rawOptions === 'object' ? rawOptions as Record<string, unknown> : {};
    const options: CommitNotesOptions = {
      folder: given.folder && typeof given.folder === 'object' && 'uri' in given.folder ? given.folder as vscode.WorkspaceFolder : undefined,
      initialise: given.initialise === true,
    };
    if (!trustedOrExplain(WriteActions.commitNotes)) return undefined;
    const folder = options.folder ?? vscode.workspace.workspaceFolders?.[0];
    const api = await gitApi();
    if (!folder || !api) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Git is not available here: enable the built-in Git extension to commit notes.'));
      return undefined;
    }
    const notesRoot = vscode.Uri.joinPath(folder.uri, rulesFor(folder).rules.notesFolder);
    const repository = await notesRepository(api, folder, notesRoot, options.initialise === true);
    if (!repository) return undefined;
    await repository.status();
    const changed = changedNotes(repository, notesRoot, vscode.Uri.joinPath(folder.uri, '.gitignore'));
    if (changed.length === 0 || changed.every(uri => !isInside(uri, notesRoot))) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No changed notes to commit.'));
      return undefined;
    }
    const message = growthSettings(folder.uri).commitMessageStyle === 'names' ? await messageFor(changed) : await neutralMessageFor(repository, changed);
    try {
      await repository.add(changed.map(uri => uri.fsPath));
      await repository.commit(message);
    } catch (error) {
      const detail = (error as { stderr?: string }).stderr?.trim().split('\n')[0] ?? (error instanceof Error ? error.message : '');
      void vscode.window.showErrorMessage(detail
        ? vscode.l10n.t('Git could not commit the notes: {0}. If git asks who you are, set user.name and user.email.', detail)
        : vscode.l10n.t('Git could not commit the notes. If git asks who you are, set user.name and user.email.'));
      return undefined;
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('Committed: {0}', message));
    return message;
  }
}

/** The repository holding the notes; when there is none, one is started if the manager agrees. */
async function notesRepository(api: GitApi, folder: vscode.WorkspaceFolder, notesRoot: vscode.Uri, initialise: boolean): Promise<GitRepository | undefined> {
  const repository = await repositoryFor(api, notesRoot, 1000);
  if (repository) return repository;
  const choice = initialiseChoice();
  const answer = initialise ? choice
    : await vscode.window.showInformationMessage(vscode.l10n.t('The notes are not in a git repository yet. Initialise a private one here? Nothing is ever pushed.'), choice);
  return answer === choice ? initialiseRepository(api, folder) : undefined;
}

/** Changed files under the notes folder, and the .gitignore the extension wrote, so the first commit leaves nothing behind. */
function changedNotes(repository: GitRepository, notesRoot: vscode.Uri, gitignore: vscode.Uri): vscode.Uri[] {
  const { state } = repository;
  return uniqueUris([...state.indexChanges, ...state.workingTreeChanges, ...(state.untrackedChanges ?? [])].map(c => c.uri))
    .filter(uri => isInside(uri, notesRoot) || (uri.path === gitignore.path && wroteGitignore(uri.path)));
}

/** The old-style message (`growth.commit.messageStyle: names`): the people and dates changed, and how many other files. */
async function messageFor(changed: readonly vscode.Uri[]): Promise<string> {
  const notes: ChangedNote[] = [];
  let others = 0;
  for (const uri of changed) {
    const text = await readNoteText(uri); // undefined when deleted: still committed, counted as another file
    const note = text === undefined ? undefined : analyzeNote(text).note;
    if (note?.isGrowthNote) notes.push({ person: note.person, date: note.date });
    else others++;
  }
  return commitMessage(notes, others);
}

/**
 * The neutral message: how many conversations changed and actions were ticked, naming no one. Ticks
 * are counted against the committed version, read through git's filters (so a protected note is
 * compared in plain text); a note whose committed version cannot be read counts no ticks.
 */
async function neutralMessageFor(repository: GitRepository, changed: readonly vscode.Uri[]): Promise<string> {
  let conversations = 0;
  let actionsTicked = 0;
  let otherFiles = 0;
  for (const uri of changed) {
    const text = await readNoteText(uri);
    const note = text === undefined ? undefined : analyzeNote(text).note;
    if (!note?.isGrowthNote) {
      otherFiles++;
      continue;
    }
    conversations++;
    const before = await committedText(repository.rootUri, uri);
    const earlier = before === undefined ? undefined : analyzeNote(before).note;
    if (earlier?.isGrowthNote) actionsTicked += tickedSince(earlier.tasks, note.tasks);
  }
  return neutralCommitMessage({ conversations, actionsTicked, otherFiles });
}

/** Items open before and done now, matched by their text. */
function tickedSince(before: readonly TaskItem[], after: readonly TaskItem[]): number {
  const openBefore = new Set(before.filter(task => !task.done).map(task => task.text));
  return after.filter(task => task.done && openBefore.has(task.text)).length;
}

/** A file's text as last committed, through git's filters; undefined when new or unreadable. */
function committedText(root: vscode.Uri, uri: vscode.Uri): Promise<string | undefined> {
  const path = uri.path.slice(root.path.length + 1);
  return new Promise(resolve => {
    execFile('git', ['cat-file', '--filters', `HEAD:${path}`], { cwd: root.fsPath, maxBuffer: 8 * 1024 * 1024 },
      (error, stdout) => resolve(error ? undefined : stdout));
  });
}

function isInside(uri: vscode.Uri, folder: vscode.Uri): boolean {
  return uri.path === folder.path || uri.path.startsWith(`${folder.path}/`);
}

function uniqueUris(uris: vscode.Uri[]): vscode.Uri[] {
  return [...new Map(uris.map(uri => [uri.toString(), uri])).values()];
}
