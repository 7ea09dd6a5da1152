import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, EXTENSION_ID } from './helpers';

describe('activation and contributions', () => {
  it('activates cheaply and registers every contributed command', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const { activationMs } = await api();
    console.log(`    activate() took ${activationMs.toFixed(1)} ms`);
    assert.ok(activationMs < 500, 'activate() only wires things up');
    assert.ok(extension.isActive);
    const contributed: string[] = extension.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter(id => !registered.has(id)), []);
    for (const command of extension.packageJSON.contributes.commands) assert.equal(command.category, 'Growth');
  });

  it('links only to commands that exist, from the walkthrough and the welcome view', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON;
    const registered = new Set(await vscode.commands.getCommands(true));
    const texts = [...pkg.contributes.walkthroughs[0].steps.map((s: { description: string }) => s.description), ...pkg.contributes.viewsWelcome.map((v: { contents: string }) => v.contents)];
    const linked = texts.flatMap(text => [...text.matchAll(/\(command:([\w.]+)\)/g)].map(m => m[1]));
    assert.ok(linked.length >= 6);
    assert.deepEqual(linked.filter(id => !registered.has(id)), []);
  });

  it('contributes the Growth container, the guide view and the settings', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON;
    assert.deepEqual(pkg.contributes.views.growth.map((v: { id: string }) => v.id), ['growth.currentQuestion', 'growth.guide']);
    // The cross-note views have their own container, so the guide keeps the room during a conversation.
    assert.deepEqual(pkg.contributes.views.growthOverview.map((v: { id: string }) => v.id), ['growth.themes', 'growth.actions', 'growth.people']);
    const config = vscode.workspace.getConfiguration('growth');
    assert.equal(config.get('notesFolder'), 'growth-notes');
    assert.equal(config.get('seniorLeaderTitle'), 'CTO');
  });
});
