import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { [key: string]: Json };
const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;

/** Every string in `value` with the path that leads to it, e.g. `contributes.commands.0.title`. */
function stringsIn(value: Json, path: string): Array<{ path: string; text: string }> {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, `${path}.${index}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringsIn(item, path ? `${path}.${key}` : key));
  return [];
}

// The manifest fields a user reads in VS Code (palette, views, settings, walkthrough, extension page).
const USER_VISIBLE = [
  /^displayName$/, /^description$/, /^capabilities\.\w+\.description$/,
  /^contributes\.commands\.\d+\.(title|category|shortTitle)$/,
  /^contributes\.viewsContainers\.\w+\.\d+\.title$/,
  /^contributes\.views\.\w+\.\d+\.(name|contextualTitle)$/,
  /^contributes\.viewsWelcome\.\d+\.contents$/,
  /^contributes\.configuration(\.\d+)?\.title$/,
  /^contributes\.configuration(\.\d+)?\.properties\.[\w.]+\.(description|markdownDescription|deprecationMessage|markdownDeprecationMessage|markdownEnumDescriptions\.\d+|enumDescriptions\.\d+)$/,
  /^contributes\.walkthroughs\.\d+\.(title|description)$/,
  /^contributes\.walkthroughs\.\d+\.steps\.\d+\.(title|description)$/,
  /^contributes\.submenus\.\d+\.label$/,
  /^contributes\.problemMatchers\.\d+\.label$/,
];

describe('package.json: contributed texts come from package.nls.json', () => {
  const strings = stringsIn(manifest, '');
  const references = strings.flatMap(({ path, text }) => {
    const key = /^%(.+)%$/.exec(text)?.[1];
    return key ? [{ path, key }] : [];
  });

  it('every %key% exists in package.nls.json', () => {
    assert.ok(references.length > 100, `only ${references.length} references`);
    assert.deepEqual(references.filter(({ key }) => !(key in nls)).map(({ path, key }) => `${path}: ${key}`), []);
  });

  it('every key in package.nls.json is used, and holds plain non-empty text', () => {
    const used = new Set(references.map(({ key }) => key));
    assert.deepEqual(Object.keys(nls).filter(key => !used.has(key)), []);
    assert.deepEqual(Object.entries(nls).filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => key), []);
  });

  it('leaves no user-visible text literal in the manifest', () => {
    const literal = strings.filter(({ path, text }) => USER_VISIBLE.some(pattern => pattern.test(path)) && !/^%.+%$/.test(text));
    assert.deepEqual(literal.map(({ path, text }) => `${path}: ${text}`), []);
  });

  it('the checker sees a literal title and accepts a reference', () => {
    const sample = stringsIn({ contributes: { commands: [{ command: 'x', title: 'Do It', category: '%command.category%' }] } }, '');
    const flagged = sample.filter(({ path, text }) => USER_VISIBLE.some(pattern => pattern.test(path)) && !/^%.+%$/.test(text));
    assert.deepEqual(flagged.map(({ path }) => path), ['contributes.commands.0.title']);
  });

  it('keeps the English texts VS Code showed before', () => {
    assert.equal(nls['command.growth.conversation.new.title'], 'New Growth Conversation');
    assert.equal(nls['command.category'], 'Growth');
    assert.equal(nls['view.growth.themes.name'], 'Themes');
  });
});
