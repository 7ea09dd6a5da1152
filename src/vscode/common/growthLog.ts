import * as vscode from 'vscode';
import { Disposable } from './dispose';

export const GROWTH_LOG_NAME = 'Growth';

/** The logs refusals and failures go to: the one opened at activation, until it is disposed. */
const openLogs = new Set<GrowthLog>();

/**
 * The "Growth" output channel: what the extension did and why, never the content of a note. One per
 * window, opened at activation and owned by this object, which the extension disposes on deactivation.
 */
export class GrowthLog extends Disposable {
  readonly channel = this._register(vscode.window.createOutputChannel(GROWTH_LOG_NAME, { log: true }));

  constructor() {
    super();
    // Refusals are noticed deep in shared helpers (trust, edits, exports): they find the log here
    // rather than through every command's constructor.
    openLogs.add(this);
    this._register(new vscode.Disposable(() => openLogs.delete(this)));
  }

  show(): void {
    this.channel.show(true);
  }

  refusal(action: string, reason: string, uri?: vscode.Uri): void {
    this.channel.warn(`Refused: ${action}${uri ? ` in ${vscode.workspace.asRelativePath(uri)}` : ''}: ${reason}.`);
  }

  failure(feature: string, error: unknown): void {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.channel.error(`${feature} failed: ${message.split('\n')[0].slice(0, 200)}`);
  }
}

/** Records a write the extension declined, so a manager who wonders why can look it up. */
export function logRefusal(action: string, reason: string, uri?: vscode.Uri): void {
  openLogs.forEach(log => log.refusal(action, reason, uri));
}

/** Records a feature's failure. Only the first line of the message: parser messages can quote a note. */
export function logFailure(feature: string, error: unknown): void {
  openLogs.forEach(log => log.failure(feature, error));
}
