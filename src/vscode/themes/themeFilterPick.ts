import * as vscode from 'vscode';
import { stringArgument } from '../common/commandManager';
import { ThemeFilters, ThemesViewProvider } from './themesView';

/** The team or manager filter: what the notes name in that field, sorted, the current one ticked. */
export async function filterByNoteField(view: ThemesViewProvider, field: 'team' | 'manager', title: string, given: unknown): Promise<void> {
  const choice = stringArgument(given) ?? await pickFilterValue(title, view.valuesOf(field), view.filters[field]);
  if (choice === undefined) return;
  const filters: ThemeFilters = { ...view.filters, [field]: choice ?? undefined };
  view.setFilters(filters);
}

/** The chosen value, null for "All" (the filter cleared), undefined when dismissed. */
async function pickFilterValue(title: string, values: string[], current: string | undefined): Promise<string | null | undefined> {
  const all = vscode.l10n.t('$(clear-all) All');
  const choice = await vscode.window.showQuickPick([all, ...values.map(v => (v === current ? `$(check) ${v}` : v))], { title });
  return choice === undefined ? undefined : choice === all ? null : choice.replace(/^\$\(check\) /, '');
}
