import * as vscode from 'vscode';
import { Command, stringArgument } from '../common/commandManager';
import { Commands } from '../common/ids';
import { activeScript } from '../notes/questionScripts';
import { ThemesViewProvider } from './themesView';

/** Themes raised under one question (such as "what would you change?"); a question id as the argument skips the pick. */
export class FilterThemesByQuestionCommand implements Command {
  readonly id = Commands.filterThemesByQuestion;

  constructor(private readonly view: ThemesViewProvider) {}

  async execute(given?: unknown): Promise<void> {
    let choice: string | null | undefined = stringArgument(given);
    if (choice === undefined) {
      const { script } = await activeScript(vscode.workspace.workspaceFolders?.[0]);
      const all = { label: vscode.l10n.t('$(clear-all) All questions'), id: null };
      const questions = script.questions.map((q, i) => ({ label: `${i + 1}. ${q.title}`, id: q.id }));
      const picked = await vscode.window.showQuickPick([all, ...questions], { title: vscode.l10n.t('Themes raised under which question?') });
      if (!picked) return;
      choice = picked.id;
    }
    this.view.setFilters({ ...this.view.filters, questionId: choice ?? undefined });
  }
}
