import * as vscode from 'vscode';

/** Work this quick finishes without a notification: a flash of progress would only distract. */
const PROGRESS_DELAY_MS = 1000;

/** What a long task is given: a token to stop at the next safe point, and a way to say where it is. */
export interface ProgressContext {
  readonly token: vscode.CancellationToken;
  report(message: string): void;
}

/**
 * Runs `work`, and when it takes over a second shows a progress notification with a Cancel button
 * (the native way to watch or stop a long task). Resolves to undefined when cancelled: the work
 * checks the token between its steps, and what it returns after that is dropped.
 */
export async function withDelayedProgress<T>(title: string, work: (context: ProgressContext) => Promise<T>): Promise<T | undefined> {
  const cancellation = new vscode.CancellationTokenSource();
  let lastMessage: string | undefined;
  let reporter: ((message: string) => void) | undefined;
  const running = work({
    token: cancellation.token,
    report: message => {
      lastMessage = message;
      reporter?.(message);
    },
  });
  const timer = setTimeout(() => void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    token.onCancellationRequested(() => cancellation.cancel());
    reporter = message => progress.report({ message });
    if (lastMessage !== undefined) reporter(lastMessage);
    return running.then(() => undefined, () => undefined);
  }), PROGRESS_DELAY_MS);
  try {
    const result = await running;
    return cancellation.token.isCancellationRequested ? undefined : result;
  } finally {
    clearTimeout(timer);
    cancellation.dispose();
  }
}
