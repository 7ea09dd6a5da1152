import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandManager } from '../../src/vscode/common/commandManager';
import { Disposable } from '../../src/vscode/common/dispose';
import { Commands } from '../../src/vscode/common/ids';
import { api } from './helpers';

/** A Disposable that owns what the test hands it. */
class Owner extends Disposable {
  own<T extends vscode.Disposable>(value: T): T {
    return this._register(value);
  }
}

describe('disposal and the command manager', () => {
  it('a Disposable releases what it owns once, newest first, and at once what it is given afterwards', () => {
    const released: string[] = [];
    const owner = new Owner();
    owner.own(new vscode.Disposable(() => released.push('first')));
    owner.own(new vscode.Disposable(() => released.push('second')));
    owner.dispose();
    owner.dispose();
    assert.deepEqual(released, ['second', 'first']);
    owner.own(new vscode.Disposable(() => released.push('late')));
    assert.deepEqual(released, ['second', 'first', 'late']);
  });

  it('one failing release does not keep the others from running, and the failure is not hidden', () => {
    const released: string[] = [];
    const owner = new Owner();
    owner.own(new vscode.Disposable(() => released.push('kept')));
    owner.own(new vscode.Disposable(() => { throw new Error('release failed'); }));
    assert.throws(() => owner.dispose(), /release failed/);
    assert.deepEqual(released, ['kept']);
  });

  it('the command manager registers each command once, passes its arguments, and unregisters on dispose', async () => {
    const id = 'growth.test.echo';
    const manager = new CommandManager().register({ id, execute: (...args: unknown[]) => args.join('+') });
    assert.equal(await vscode.commands.executeCommand(id, 'a', 'b'), 'a+b');
    assert.throws(() => manager.register({ id, execute: () => undefined }), /registered twice/);
    manager.dispose();
    assert.equal((await vscode.commands.getCommands(true)).includes(id), false);
  });

  it('the extension registers every command id it defines', async () => {
    await api();
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(Object.values(Commands).filter(id => !registered.has(id)), []);
  });
});
