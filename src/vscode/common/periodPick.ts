import * as vscode from 'vscode';

/** How far back a view or report looks: 6 or 12 months, or 0 for all time. */
export type PeriodMonths = 0 | 6 | 12;

/** Asks which period; undefined when the manager dismisses the pick. */
export async function pickPeriod(title: string): Promise<PeriodMonths | undefined> {
  const choices: { label: string; months: PeriodMonths }[] = [
    { label: vscode.l10n.t('Last 6 months'), months: 6 },
    { label: vscode.l10n.t('Last 12 months'), months: 12 },
    { label: vscode.l10n.t('All time'), months: 0 },
  ];
  return (await vscode.window.showQuickPick(choices, { title }))?.months;
}
