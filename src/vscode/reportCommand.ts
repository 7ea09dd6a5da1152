import * as vscode from 'vscode';
import { monthsBefore } from '../core/crossNoteViews';
import { markdownToHtml } from '../core/html';
import { quoteSourcePaths, themesReport } from '../core/report';
import { isoDay } from '../core/scaffold';
import { closeUnsaved, exportUri, writeExport } from './exportFiles';
import { Commands } from './ids';
import { openUntitledMarkdown, readNoteText } from './noteDocuments';
import { NotesIndexManager } from './notesIndex';
import { growthSettings } from './settings';
import { VocabularyManager } from './vocabularyManager';

export interface ReportOptions {
  /** 6 or 12 months back, or 0 for all time; asked when missing. */
  readonly months?: 0 | 6 | 12;
  readonly includeNames?: boolean;
  /** Quotes are off unless asked for. */
  readonly includeQuotes?: boolean;
  /** Save the report here (.html for HTML) instead of offering to. */
  readonly saveTo?: vscode.Uri;
}

const SAVE_MARKDOWN = 'Save as Markdown…';
const SAVE_HTML = 'Save as HTML…';

/** "Themes Report": a Markdown report, anonymised unless asked, opened with its preview beside it. */
export async function openThemesReport(notes: NotesIndexManager, vocabulary: VocabularyManager, options: ReportOptions = {}): Promise<vscode.TextDocument | undefined> {
  const months = options.months ?? (await vscode.window.showQuickPick([
    { label: 'Last 6 months', months: 6 as const }, { label: 'Last 12 months', months: 12 as const }, { label: 'All time', months: 0 as const },
  ], { title: 'Themes Report: which period?' }))?.months;
  if (months === undefined) return undefined;
  const kind = options.includeNames !== undefined ? { names: options.includeNames, quotes: options.includeQuotes ?? false } : (await vscode.window.showQuickPick([
    { label: 'Anonymised', detail: 'People counted, never named: fit to share with other managers.', names: false, quotes: false },
    { label: 'Anonymised, with quotes', detail: 'Adds a line per person, only for themes many people raised, names replaced.', names: false, quotes: true },
    { label: 'With names', detail: 'For your own use only.', names: true, quotes: false },
  ], { title: 'Themes Report: names?' }));
  if (kind === undefined) return undefined;
  const includeNames = kind.names;

  await Promise.all([notes.ready, vocabulary.ready]);
  const settings = growthSettings();
  const today = isoDay(new Date());
  const since = months > 0 ? monthsBefore(today, months) : undefined;
  const includeQuotes = kind.quotes;
  // Quotes need the lines behind each pattern: read just those notes.
  const lines = new Map<string, string[]>();
  if (includeQuotes) {
    for (const path of quoteSourcePaths(notes.index, { today, since, patternThreshold: settings.patternThreshold, vocabulary: vocabulary.current })) {
      lines.set(path, (await readNoteText(vscode.Uri.parse(path)))?.split(/\r?\n/) ?? []);
    }
  }
  const result = themesReport(notes.index, {
    today, since, includeNames, patternThreshold: settings.patternThreshold, lineText: (path, line) => lines.get(path)?.[line],
    minGroupSize: settings.minimumGroupSize, minQuoteGroup: settings.minimumQuoteGroup, includeQuotes, vocabulary: vocabulary.current,
  });
  if ('refusal' in result) {
    void vscode.window.showWarningMessage(`No report: ${result.refusal}`);
    return undefined;
  }
  const name = `themes-report-${today}`;
  const document = await openUntitledMarkdown(name, result.markdown);
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('markdown.showPreviewToSide');
  if (options.saveTo) await saveReport(document, options.saveTo);
  else void offerSave(document, name);
  return document;
}

async function offerSave(report: vscode.TextDocument, name: string) {
  const action = await vscode.window.showInformationMessage('The report is open beside your notes. Save a copy to share it.', SAVE_MARKDOWN, SAVE_HTML);
  if (!action) return;
  const html = action === SAVE_HTML;
  const target = await vscode.window.showSaveDialog({
    title: 'Save the themes report', filters: html ? { HTML: ['html'] } : { Markdown: ['md'] }, defaultUri: exportUri(`${name}.${html ? 'html' : 'md'}`),
  });
  if (target) await saveReport(report, target);
}

/** Saves the report as it reads now; the unsaved report then closes without asking to be saved. */
async function saveReport(report: vscode.TextDocument, target: vscode.Uri): Promise<boolean> {
  const html = target.path.toLowerCase().endsWith('.html');
  const markdown = report.getText();
  if (!(await writeExport('Saving the themes report', target, html ? markdownToHtml(markdown, 'Themes report') : markdown))) return false;
  await closeUnsaved(report);
  return true;
}

export function registerReportCommand(notes: NotesIndexManager, vocabulary: VocabularyManager): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.themesReport, (options?: ReportOptions) => openThemesReport(notes, vocabulary, options));
}
