// What the pseudo-localised run (*.pseudo.test.ts) counts as English left in what the extension shows.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, readFile } from './helpers';

/**
 * English words left in a shown text: runs of three or more ASCII letters, once the parts that are
 * data, not words of ours, are taken out (values from the note, command links, icons, `{0}`).
 */
export function englishLeft(text: string, data: readonly string[] = []): string[] {
  // Markdown escapes (ci\-speed in a tooltip) come off first, so data matches as the note writes it.
  let rest = text.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1').replace(/\(command:[^)]*\)|\$\([\w-]+\)|\{\w+\}|`[^`]*`/g, ' ');
  for (const value of [...data].sort((a, b) => b.length - a.length)) rest = rest.split(value).join(' ');
  return rest.match(/[A-Za-z]{3,}/g) ?? [];
}

/**
 * Words that are data, not ours: everything written in the workspace's notes (names, values such as
 * mid-level or hgih, themes), the values the schema allows (junior, mid…), which are what a note holds,
 * and any `extra` (question titles, which stay as the script writes them).
 */
export async function dataWords(extra: readonly string[] = []): Promise<string[]> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const words = new Set(extra);
  for (const uri of await vscode.workspace.findFiles('growth-notes/**/*.md')) {
    for (const word of (await readFile(uri)).match(/[\w-]+/g) ?? []) words.add(word);
  }
  const allowed = (node: unknown): string[] => (node === null || typeof node !== 'object' ? []
    : Object.entries(node).flatMap(([key, value]) => (key === 'enum' && Array.isArray(value) ? value.map(String) : allowed(value))));
  for (const value of allowed(JSON.parse(await readFile(vscode.Uri.joinPath(extension.extensionUri, 'schemas/conversation.schema.json'))))) words.add(value);
  return [...words];
}
