import * as vscode from 'vscode';

/**
 * Runs an action per document once typing in it pauses: each new keystroke restarts that document's
 * wait, so a burst of typing costs one run. Disposing it drops every run still waiting.
 */
export class TypingPause implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly delayMs: number) {}

  schedule(key: string, action: () => void): void {
    this.cancel(key);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      action();
    }, this.delayMs));
  }

  cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  dispose(): void {
    this.timers.forEach(timer => clearTimeout(timer));
    this.timers.clear();
  }
}
