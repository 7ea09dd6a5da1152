import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { FIELD_SCHEMAS, MESSAGES } from '../../src/core/base';

describe('l10n/bundle.l10n.json', () => {
  it('is what `npm run l10n` makes from the sources today (not stale)', function () {
    this.timeout(60_000);
    const check = spawnSync(process.execPath, ['scripts/l10n.mjs', '--check'], { encoding: 'utf8' });
    assert.equal(check.stderr, '');
    assert.equal(check.status, 0);
  });

  it('holds every core message, keyed by its English text', () => {
    const bundle = JSON.parse(readFileSync('l10n/bundle.l10n.json', 'utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.values(MESSAGES).filter(english => bundle[english] !== english), []);
  });

  it('holds the note fields\' descriptions from the schema, shown in hovers, completions and problems', () => {
    const bundle = JSON.parse(readFileSync('l10n/bundle.l10n.json', 'utf8')) as Record<string, unknown>;
    const descriptions = Object.values(FIELD_SCHEMAS).flatMap(field => (field.description ? [field.description] : []));
    assert.ok(descriptions.length > 5);
    assert.deepEqual(descriptions.filter(english => bundle[english] !== english), []);
  });

  it('is the folder package.json names, so VS Code finds the translations beside it', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { l10n?: string };
    assert.equal(manifest.l10n, './l10n');
    assert.match(readFileSync('.vscodeignore', 'utf8'), /^!l10n\/bundle\.l10n\.json$/m);
    assert.match(readFileSync('.vscodeignore', 'utf8'), /^!package\.nls\.json$/m);
  });
});
