import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The documentation a reader follows: the README, CONTRIBUTING, the CHANGELOG and every page under docs/. */
function pages(): string[] {
  const docs = (folder: string): string[] => readdirSync(folder, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory() ? docs(join(folder, entry.name)) : entry.name.endsWith('.md') ? [join(folder, entry.name)] : []);
  return ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...docs('docs')];
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchor(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
}

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map(match => anchor(match[1])));
}

describe('documentation: every link inside the repository leads somewhere', () => {
  it('points each relative link at a file that exists, and each #anchor at a heading of that file', () => {
    const broken: string[] = [];
    for (const page of pages()) {
      const text = readFileSync(page, 'utf8').replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue;
        const [path, hash] = target.split('#');
        const file = path === '' ? page : join(dirname(page), path);
        if (!existsSync(file)) broken.push(`${page}: ${target} (no such file)`);
        else if (hash && file.endsWith('.md') && !anchorsOf(file).has(hash)) broken.push(`${page}: ${target} (no such heading)`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it('keeps the README for managers: what it is for first, with a picture, and no Mermaid anywhere the Marketplace shows', () => {
    const readme = readFileSync('README.md', 'utf8');
    const firstScreen = readme.split('\n').slice(0, 12).join('\n');
    assert.match(firstScreen, /managers and mentors/);
    assert.match(firstScreen, /!\[[^\]]+\]\(docs\/images\/[a-z-]+\.png\)/);
    for (const page of ['README.md', 'CHANGELOG.md']) assert.doesNotMatch(readFileSync(page, 'utf8'), /```mermaid/);
    assert.ok(readFileSync('.vscodeignore', 'utf8').split('\n').includes('!CHANGELOG.md'));
  });
});
