import * as vscode from 'vscode';
import { CommitNotesCommand } from './vscode/commitNotesCommand';
import { registerDiagnostics } from './vscode/diagnostics';
import { registerFrontmatterAssist } from './vscode/frontmatterAssist';
import { registerGuideCommands } from './vscode/guideCommands';
import { NewConversationCommand } from './vscode/newConversationCommand';
import { QuestionGuideProvider, registerQuestionGuide } from './vscode/questionGuide';
import { WorkspaceVocabularyProvider } from './vscode/workspaceNotes';

/** Wiring only: each feature registers itself and hands back one disposable. */
/** What the extension hands to other extensions and to its integration tests. */
export interface GrowthApi {
  readonly questionGuide: QuestionGuideProvider;
  /** How long activate() took, in milliseconds: it only wires things up. */
  readonly activationMs: number;
}

export function activate(context: vscode.ExtensionContext): GrowthApi {
  const started = performance.now();
  const guide = new QuestionGuideProvider();
  const newConversation = new NewConversationCommand(context);
  const commitNotes = new CommitNotesCommand();
  const vocabulary = new WorkspaceVocabularyProvider();
  context.subscriptions.push(
    vscode.commands.registerCommand(newConversation.id, options => newConversation.execute(options)),
    vscode.commands.registerCommand(commitNotes.id, options => commitNotes.execute(options)),
    registerQuestionGuide(guide),
    registerGuideCommands(guide),
    vocabulary,
    registerDiagnostics(vocabulary),
    registerFrontmatterAssist(vocabulary),
  );
  return { questionGuide: guide, activationMs: performance.now() - started };
}

export function deactivate(): void {}
