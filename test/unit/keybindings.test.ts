import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));

/** A key as the fixtures hold it: each chord part's modifiers and key sorted, so `alt+ctrl+]` equals `ctrl+alt+]`. */
function sortKey(key: string): string {
  return key.toLowerCase().split(' ').map(part => part.split('+').sort().join('+')).join(' ');
}

/** The keys VS Code 1.100.3 binds by default (written by scripts/default-keybindings.mjs). */
function defaultKeys(os: string): Set<string> {
  return new Set(readFileSync(`test/fixtures/vscode-default-keys/${os}.txt`, 'utf8').split('\n').filter(Boolean));
}

describe('keybindings: none shadows a VS Code default', () => {
  const platforms = [['linux', 'linux'], ['mac', 'mac'], ['windows', 'win']] as const;

  it('has the default keys of all three systems', () => {
    for (const [os] of platforms) assert.ok(defaultKeys(os).size > 300, os);
    assert.ok(defaultKeys('mac').has(sortKey('cmd+alt+]')), 'macOS Unfold is known');
  });

  it('binds keys VS Code leaves free on Linux, macOS and Windows', () => {
    const clashes: string[] = [];
    for (const binding of manifest.contributes.keybindings as Record<string, string>[]) {
      for (const [os, field] of platforms) {
        const key = sortKey(binding[field] ?? binding.key);
        const taken = defaultKeys(os);
        // A chord clashes when its first part is a key of its own, or a default chord starts the same way.
        const first = key.split(' ')[0];
        if (taken.has(key) || taken.has(first) || [...taken].some(other => other.startsWith(`${key} `))) clashes.push(`${os}: ${key} (${binding.command})`);
      }
    }
    assert.deepEqual(clashes, []);
  });

  it('sets no default for any other language or setting', () => {
    assert.equal(manifest.contributes.configurationDefaults, undefined);
  });
});
