import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { typeScriptFiles } from '../support/sourceFiles';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));

describe('manifest: a quiet, native guest in VS Code', () => {
  it('activates only where notes are, or through its own commands and views', () => {
    assert.deepEqual(manifest.activationEvents, ['workspaceContains:growth-notes/**/*.md', 'workspaceContains:growth.config.json']);
  });

  it('shows its views only in a workspace that holds notes', () => {
    const views = Object.values(manifest.contributes.views).flat() as { id: string; when?: string }[];
    assert.deepEqual(views.filter(view => view.when !== 'growth.hasNotes').map(view => view.id), []);
  });

  it('groups its settings, each with a Markdown description and an order', () => {
    const groups = manifest.contributes.configuration as { id: string; title: string; order: number; properties: Record<string, { markdownDescription?: string; description?: string; order?: number }> }[];
    assert.deepEqual(groups.map(group => [group.id, group.order]), [['growth.notes', 1], ['growth.problems', 2], ['growth.themes', 3], ['growth.sharing', 4]]);
    const settings = groups.flatMap(group => Object.entries(group.properties));
    assert.equal(settings.length, 20);
    assert.deepEqual(settings.filter(([, setting]) => !setting.markdownDescription || setting.description !== undefined || typeof setting.order !== 'number').map(([id]) => id), []);
  });

  it('is filed under the right categories', () => {
    assert.deepEqual(manifest.categories, ['Other', 'Linters', 'Snippets']);
  });

  it('gives every status bar item an id and a name, so it can be hidden', () => {
    const calls = typeScriptFiles('src').flatMap(file => [...readFileSync(file, 'utf8').matchAll(/createStatusBarItem\(([^,)]*)/g)].map(match => `${file}: ${match[1]}`));
    assert.ok(calls.length > 0);
    assert.deepEqual(calls.filter(call => !/: (id|'growth\.[\w.]+')$/.test(call)), []);
  });
});
