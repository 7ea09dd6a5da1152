import * as vscode from 'vscode';

/**
 * A class that owns other disposables (emitters, watchers, subscriptions, timers) and releases them
 * all with itself. What it creates it hands to `_register`; `dispose()` runs once, however often it
 * is called, and anything registered after that is released at once instead of leaking.
 */
export abstract class Disposable implements vscode.Disposable {
  private disposed = false;
  private readonly owned: vscode.Disposable[] = [];

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // Newest first: what was created last may depend on what came before it.
    const failures: unknown[] = [];
    for (const item of this.owned.splice(0).reverse()) {
      try {
        item.dispose();
      } catch (error) {
        failures.push(error);
      }
    }
    // One failing release must not keep the others from running; it is still reported.
    if (failures.length > 0) throw failures[0];
  }

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  /** Takes ownership of `value` and hands it back, so a field can be declared and registered in one line. */
  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this.disposed) value.dispose();
    else this.owned.push(value);
    return value;
  }
}

