import * as vscode from 'vscode';
import { HintAction, LiveHint } from '../../core/live';
import { Commands, Views } from '../common/ids';
import { GuideSnapshot, QuestionGuideProvider } from './questionGuide';
import { escapeHtml } from '../../core/outputs';
import { theirWordsIn } from '../../core/note';
import { Disposable } from '../common/dispose';
import { focusEditor } from './guideNavigator';

/** What the card shows: plain data, so a test can read it without the webview. */
export interface CurrentQuestionCard {
  /** "Question 4 of 9", "Next steps", "Private notes", or empty when no growth note is open. */
  readonly position: string;
  readonly title: string;
  readonly optional: boolean;
  readonly sections: readonly { readonly label: string; readonly text: string }[];
  /** Checks from the guide (fewer than three achievements, goals not reviewed...). */
  readonly checks: readonly string[];
  /** The method's suggestions, each with an optional one-click action. */
  readonly hints: readonly LiveHint[];
  /** What the person wrote to this question in their pre-read, when it was imported into the note. */
  readonly theirWords?: string;
}

/** The card for the two sections after the questions. */
function closingCard(stop: string): { title: string; text: string } | undefined {
  if (stop === 'next-steps') {
    return { title: vscode.l10n.t('Next steps'), text: vscode.l10n.t('Action items: what, @owner, due:YYYY-MM-DD. Each needs an owner and a date; they carry over until done.') };
  }
  if (stop === 'private') {
    return { title: vscode.l10n.t('Private notes'), text: vscode.l10n.t('For you only: never in a shared copy. Your read of flight risk, pay, what to raise with others.') };
  }
  return undefined;
}

/** The card for where the cursor is. */
export function currentQuestionCard(snapshot: GuideSnapshot | undefined): CurrentQuestionCard | undefined {
  if (!snapshot) return undefined;
  const { state, stop } = snapshot;
  const entry = state.questions.find(q => q.question.id === stop) ?? (stop === undefined ? state.questions[0] : undefined);
  if (entry) {
    const q = entry.question;
    const sections = [
      q.why ? { label: vscode.l10n.t('Why'), text: q.why } : undefined,
      q.listenFor ? { label: vscode.l10n.t('Listen for'), text: q.listenFor } : undefined,
      q.capture ? { label: vscode.l10n.t('Capture'), text: q.capture } : undefined,
    ].filter((s): s is { label: string; text: string } => s !== undefined);
    return {
      position: stop === undefined
        ? vscode.l10n.t('Up next: question {0} of {1}', entry.number, state.questions.length)
        : vscode.l10n.t('Question {0} of {1}', entry.number, state.questions.length),
      title: q.title, optional: q.optional === true, sections, checks: entry.hints,
      hints: snapshot.hints.filter(h => h.questionId === q.id),
      ...theirWordsFor(snapshot, q.id),
    };
  }
  const closing = stop ? closingCard(stop) : undefined;
  if (!closing) return undefined;
  return {
    position: vscode.l10n.t('After the questions'), title: closing.title, optional: false,
    sections: [{ label: vscode.l10n.t('Capture'), text: closing.text }], checks: [], hints: [],
  };
}

/** The person's own answer to a question, from the pre-read imported into the note. */
function theirWordsFor(snapshot: GuideSnapshot, questionId: string): { theirWords?: string } {
  const words = theirWordsIn(snapshot.analysis).get(questionId)?.text;
  return words ? { theirWords: words } : {};
}

/** Messages the card's buttons send; anything else is ignored. */
type CardMessage = { type: 'next' } | { type: 'previous' } | { type: 'hint'; index: number };

/**
 * "Current Question": the full guidance of the question the cursor is in, above the compact list.
 * A webview with a nonce-only CSP, theme colours, real buttons (keyboard reachable), no remote content.
 */
export class CurrentQuestionViewProvider extends Disposable implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;
  private shownHints: readonly LiveHint[] = [];
  /** The card last rendered: the page is only replaced when it changes, so it does not flicker while typing. */
  private shownKey: string | undefined;
  private viewListeners: vscode.Disposable | undefined;

  constructor(private readonly guide: QuestionGuideProvider) {
    super();
    this._register(guide.onDidChangeSnapshot(() => this.render()));
    this._register(new vscode.Disposable(() => this.viewListeners?.dispose()));
  }

  /** What the card shows now. */
  get card(): CurrentQuestionCard | undefined {
    return currentQuestionCard(this.guide.snapshot);
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.shownKey = undefined;
    view.webview.options = { enableScripts: true, localResourceRoots: [] };
    // Each resolve is a new webview: its listeners go with it, and the last one's are let go.
    this.viewListeners?.dispose();
    this.viewListeners = vscode.Disposable.from(
      view.webview.onDidReceiveMessage(message => this.handleMessage(message)),
      view.onDidChangeVisibility(() => {
        this.shownKey = undefined; // a hidden webview loses its page
        this.render();
      }),
      view.onDidDispose(() => {
        this.view = undefined;
        this.shownKey = undefined;
        this.viewListeners?.dispose();
        this.viewListeners = undefined;
      }),
    );
    this.render();
  }

  /**
   * What a button on the card does. A click leaves the keyboard in the card, so the editor gets it
   * back afterwards, its cursor where the manager was typing: the next words land in the note.
   */
  async handleMessage(message: unknown): Promise<void> {
    if (!message || typeof message !== 'object') return;
    const m = message as CardMessage;
    const editor = vscode.window.activeTextEditor;
    if (m.type === 'next') await vscode.commands.executeCommand(Commands.nextQuestion);
    else if (m.type === 'previous') await vscode.commands.executeCommand(Commands.previousQuestion);
    else if (m.type === 'hint' && Number.isInteger(m.index)) {
      const action: HintAction | undefined = this.shownHints[m.index]?.action?.run;
      if (action) await vscode.commands.executeCommand(Commands.applyHint, action);
    } else return;
    if (editor && vscode.window.visibleTextEditors.includes(editor)) await focusEditor(editor);
  }

  private render(): void {
    if (!this.view?.visible) return;
    const card = this.card;
    this.shownHints = card?.hints ?? [];
    const key = JSON.stringify(card ?? null);
    if (key === this.shownKey) return;
    this.shownKey = key;
    this.view.webview.html = cardHtml(card, nonce());
  }

}

function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
}


/** The card's page. Everything from a note or a script is escaped; the only script is ours, by nonce. */
export function cardHtml(card: CurrentQuestionCard | undefined, nonceValue: string): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonceValue}'; script-src 'nonce-${nonceValue}';`;
  const body = card ? `
    <p class="position">${escapeHtml(card.position)}${card.optional ? ` · ${escapeHtml(vscode.l10n.t('may be skipped'))}` : ''}</p>
    <h2>${escapeHtml(card.title)}</h2>
    ${card.theirWords ? `<h3>${escapeHtml(vscode.l10n.t('In their words'))}</h3><blockquote class="their-words">${escapeHtml(card.theirWords)}</blockquote>` : ''}
    ${card.hints.map((hint, index) => `<div class="hint" role="note"><p>${escapeHtml(hint.text)}</p>${hint.action
    ? `<button data-hint="${index}">${escapeHtml(hint.action.label)}</button>` : ''}</div>`).join('')}
    ${card.checks.map(check => `<p class="check" role="note">${escapeHtml(check)}</p>`).join('')}
    ${card.sections.map(s => `<h3>${escapeHtml(s.label)}</h3><p>${escapeHtml(s.text)}</p>`).join('')}
    <div class="nav">${navButton('previous', vscode.l10n.t('Previous Question (Ctrl+Alt+[)'), vscode.l10n.t('Previous'))}${navButton('next', vscode.l10n.t('Next Question (Ctrl+Alt+])'), vscode.l10n.t('Next'))}</div>`
    : `<p>${escapeHtml(vscode.l10n.t('Open a growth note: the question you are on shows here, with why it is asked and what to listen for.'))}</p>`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonceValue}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 4px 12px 12px; line-height: 1.45; }
  h2 { font-size: 1.15em; margin: 2px 0 8px; }
  h3 { font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--vscode-descriptionForeground); margin: 10px 0 2px; }
  p { margin: 0 0 4px; }
  .position { color: var(--vscode-descriptionForeground); font-size: 0.9em; margin-top: 6px; }
  .hint, .check { border-left: 3px solid var(--vscode-editorWarning-foreground); padding: 4px 8px; margin: 6px 0; background: var(--vscode-editorWidget-background); }
  button { font-family: inherit; font-size: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: 3px 10px; margin: 4px 6px 0 0; cursor: pointer; }
  button:hover { background: var(--vscode-button-hoverBackground); }
  button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
  button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
  .nav { margin-top: 12px; }
  .their-words { white-space: pre-line; margin: 2px 0 8px; padding: 4px 8px; border-left: 3px solid var(--vscode-textBlockQuote-border); background: var(--vscode-textBlockQuote-background); }
</style></head>
<body>${body}
<script nonce="${nonceValue}">
  const vscode = acquireVsCodeApi();
  for (const button of document.querySelectorAll('button[data-go]')) button.addEventListener('click', () => vscode.postMessage({ type: button.dataset.go }));
  for (const button of document.querySelectorAll('button[data-hint]')) button.addEventListener('click', () => vscode.postMessage({ type: 'hint', index: Number(button.dataset.hint) }));
  // The workbench does not see keys pressed inside a webview: Ctrl+Alt+] / [ (Control+Option on a Mac too) are handled here.
  document.addEventListener('keydown', event => {
    if (!event.ctrlKey || !event.altKey || event.metaKey) return;
    const go = event.code === 'BracketRight' ? 'next' : event.code === 'BracketLeft' ? 'previous' : undefined;
    if (!go) return;
    event.preventDefault();
    vscode.postMessage({ type: go });
  });
</script>
</body></html>`;
}

function navButton(go: 'next' | 'previous', title: string, label: string): string {
  return `<button data-go="${go}"${go === 'previous' ? ' class="secondary"' : ''} title="${escapeHtml(title)}">${escapeHtml(label)}</button>`;
}

/** Registers the Current Question view; it follows the guide, which follows the cursor. */
export function registerCurrentQuestionView(provider: CurrentQuestionViewProvider): vscode.Disposable {
  return vscode.Disposable.from(
    provider,
    vscode.window.registerWebviewViewProvider(Views.currentQuestion, provider),
  );
}
