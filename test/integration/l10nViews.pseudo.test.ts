// The pseudo-localised run, continued: the words the views themselves add (descriptions, tooltips,
// group labels) must be pseudo-localised too. Question titles stay as the script writes them (they head
// the notes), and names, themes and values come from the notes: those are data, not our words.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, openNote, waitFor } from './helpers';
import { dataWords, englishLeft } from './pseudoLocale';

/** Every text a tree shows, two levels deep: label, description and tooltip of each item. */
async function shownTexts<T>(provider: vscode.TreeDataProvider<T>): Promise<string[]> {
  const texts: string[] = [];
  const visit = async (element: T | undefined, depth: number) => {
    for (const child of (await provider.getChildren(element)) ?? []) {
      const item = await provider.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : item.label?.label;
      const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
      for (const text of [label, typeof item.description === 'string' ? item.description : undefined, tooltip]) if (text) texts.push(text);
      if (depth < 1) await visit(child, depth + 1);
    }
  };
  await visit(undefined, 0);
  return texts;
}

describe('pseudo-localised run (qps-ploc): the views', () => {
  it('shows no plain English of ours in the guide, themes, action items and people views', async () => {
    const growth = await api();
    await openNote('alex-morgan/2026-05-12.md');
    const guide = await waitFor('the guide', () => (growth.questionGuide.getChildren().length > 0 ? growth.questionGuide : undefined), 10_000);
    const titles = guide.getChildren().flatMap(item => ('entry' in item ? [item.entry.question.title] : []));
    const data = await dataWords(titles);
    const providers: Array<[string, vscode.TreeDataProvider<unknown>]> = [
      ['guide', guide as vscode.TreeDataProvider<unknown>],
      ['themes', growth.views.themes as vscode.TreeDataProvider<unknown>],
      ['actions', growth.views.actions as vscode.TreeDataProvider<unknown>],
      ['people', growth.views.people as vscode.TreeDataProvider<unknown>],
    ];
    const english: string[] = [];
    for (const [view, provider] of providers) {
      const texts = await shownTexts(provider);
      assert.ok(texts.length > 0, `${view} shows something`);
      for (const text of texts) if (englishLeft(text, data).length > 0) english.push(`${view}: ${text}`);
    }
    assert.deepEqual(english, []);
  });
});
