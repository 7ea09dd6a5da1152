import * as vscode from 'vscode';
import { noteUri } from '../notes/workspaceNoteSource';
import { Command, optionsArgument } from '../common/commandManager';
import { WriteActions } from '../common/writeActions';
import { monthsBefore } from '../../core/workspace';
import { today } from '../../core/base';
import { quoteSourcePaths, ReportOptions, themesReport, themesReportName } from '../../core/outputs';
import { exportUri, freeName, ReplaceConsent } from '../common/exportFiles';
import type { EffectiveRules } from '../../core/privacy';
import { analyzeNote, Note, quotableLine } from '../../core/note';
import { Commands } from '../common/ids';
import { askSaveTarget, saveChoices, saveMarkdownDocument } from '../common/markdownExport';
import { readNoteText } from '../common/noteFiles';
import { NotesIndexManager } from '../notes/notesIndex';
import { PeriodMonths, pickPeriod } from '../common/periodPick';
import { configRefusal, rulesReady, workspaceRules } from '../common/growthRules';
import { ProgressContext, withDelayedProgress } from '../common/progress';
import { openUntitledMarkdown } from '../common/untitledDocuments';
import { VocabularyManager } from '../themes/vocabularyManager';

/** What a caller (a test, a script) may pass to Themes Report instead of answering its questions. */
export interface ThemesReportArgs {
  /** 6 or 12 months back, or 0 for all time; asked when missing. */
  readonly months?: PeriodMonths;
  readonly includeNames?: boolean;
  /** Quotes are off unless asked for. */
  readonly includeQuotes?: boolean;
  /** Save the report here (.html for HTML), or as Markdown in the export folder, instead of offering to. */
  readonly saveTo?: vscode.Uri | 'export-folder';
  /** Answer "replace the existing file?" with yes (tests, scripted use); asked otherwise. */
  readonly confirmReplace?: boolean;
}

/** "Themes Report": a Markdown report, anonymised unless asked, opened with its preview beside it. */
export class ThemesReportCommand implements Command {
  readonly id = Commands.themesReport;

  constructor(private readonly notes: NotesIndexManager, private readonly vocabulary: VocabularyManager) {}

  async execute(given?: unknown): Promise<vscode.TextDocument | undefined> {
    const options: ThemesReportArgs = optionsArgument<ThemesReportArgs>(given);
    const months = options.months ?? await pickPeriod(vscode.l10n.t('Themes Report: which period?'));
    if (months === undefined) return undefined;
    const kind = options.includeNames !== undefined ? { names: options.includeNames, quotes: options.includeQuotes ?? false } : await pickReportKind();
    if (kind === undefined) return undefined;

    await rulesReady();
    const found = workspaceRules();
    const refusal = configRefusal(found);
    if (refusal) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No report: {0}', refusal));
      return undefined;
    }
    const day = today();
    const result = await withDelayedProgress(vscode.l10n.t('Themes Report'), progress => this.build(day, months, kind, found.rules, progress));
    if (!result) return undefined;
    if ('refusal' in result) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No report: {0}', result.refusal));
      return undefined;
    }
    // Named for the period it covers: reports of two periods never take each other's name.
    const name = themesReportName(months > 0 ? monthsBefore(day, months) : undefined, day);
    const document = await openUntitledMarkdown(result.markdown);
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('markdown.showPreviewToSide');
    const exported = options.saveTo === 'export-folder' ? exportUri(`${name}.md`) : undefined;
    const target = exported ? await freeName(exported) : options.saveTo instanceof vscode.Uri ? options.saveTo : undefined;
    if (target) await saveReport(document, target, { confirmed: options.confirmReplace });
    else void offerSave(document, name);
    return document;
  }

  /** The report, once the index is built; the quoted lines are read one note at a time, so it can stop between them. */
  private async build(day: string, months: PeriodMonths, kind: { names: boolean; quotes: boolean }, rules: EffectiveRules, progress: ProgressContext) {
    await Promise.all([this.notes.ready, this.vocabulary.ready]);
    const { patternThreshold, report: groups } = rules;
    const since = months > 0 ? monthsBefore(day, months) : undefined;
    const vocabulary = this.vocabulary.current;
    const quoted = kind.quotes ? await quotedNotes(this.notes, { today: day, since, patternThreshold, vocabulary }, progress) : new Map<string, Note>();
    return themesReport(this.notes.index, {
      today: day, since, includeNames: kind.names, patternThreshold, lineText: (path, line) => { const note = quoted.get(path); return note && quotableLine(note, line); },
      minGroupSize: groups.minimumGroupSize, minQuoteGroup: groups.minimumQuoteGroup, minThemeGroup: groups.minimumThemeGroup, includeQuotes: kind.quotes, vocabulary,
    });
  }
}

async function pickReportKind(): Promise<{ names: boolean; quotes: boolean } | undefined> {
  return vscode.window.showQuickPick([
    { label: vscode.l10n.t('Anonymised'), detail: vscode.l10n.t('People counted, never named: fit to share with other managers.'), names: false, quotes: false },
    { label: vscode.l10n.t('Anonymised, with quotes'), detail: vscode.l10n.t('Adds a line per person, only for themes many people raised, names replaced.'), names: false, quotes: true },
    { label: vscode.l10n.t('With names'), detail: vscode.l10n.t('For your own use only.'), names: true, quotes: false },
  ], { title: vscode.l10n.t('Themes Report: names?') });
}

/** Quotes need the lines behind each pattern: just those notes are read. */
async function quotedNotes(notes: NotesIndexManager, options: Pick<ReportOptions, 'today' | 'since' | 'patternThreshold' | 'vocabulary'>, progress: ProgressContext)
  : Promise<Map<string, Note>> {
  const index = notes.index;
  const read = new Map<string, Note>();
  const paths = [...quoteSourcePaths(index, options)];
  for (const [done, path] of paths.entries()) {
    if (progress.token.isCancellationRequested) break;
    progress.report(vscode.l10n.t('Reading the quoted notes: {0} of {1}', done + 1, paths.length));
    // Quotes come from the note model, read with the same rules as the index: never from raw lines.
    read.set(path, analyzeNote((await readNoteText(noteUri(path))) ?? '', notes.pipeline.scriptFor(path)).note);
  }
  return read;
}

async function offerSave(report: vscode.TextDocument, name: string) {
  const save = saveChoices();
  const action = await vscode.window.showInformationMessage(vscode.l10n.t('The report is open beside your notes. Save a copy to share it.'), save.markdown, save.html);
  if (!action) return;
  const target = await askSaveTarget(vscode.l10n.t('Save the themes report'), name, action === save.html);
  // The save dialog itself asks before it picks a file that exists.
  if (target) await saveReport(report, target, { confirmed: true });
}

/** Saves the report as it reads now (never over a note, over another file once agreed). */
function saveReport(report: vscode.TextDocument, target: vscode.Uri, consent: ReplaceConsent): Promise<boolean> {
  return saveMarkdownDocument(WriteActions.saveReport, report, target, vscode.l10n.t('Themes report'), consent);
}
