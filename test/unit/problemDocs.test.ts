import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { problemDocsUrl } from '../../src/vscode/common/ids';

/** Every code a diagnostic can carry, read from the type unions that define them. */
function problemCodes(): string[] {
  const union = (file: string, start: string, end: string) => {
    const text = readFileSync(file, 'utf8');
    const from = text.indexOf(start);
    return [...text.slice(from, text.indexOf(end, from)).matchAll(/'([a-z0-9-]+)'/g)].map(match => match[1]);
  };
  return [
    ...union('src/core/base/problem.ts', 'export type ProblemCode', ';'),
    ...union('src/core/workspace/vocabulary.ts', 'readonly code:', ';'),
    ...union('src/vscode/themes/themeAliasHints.ts', 'const CODE', ';'),
  ];
}

describe('problem pages: each code links to its own explanation', () => {
  it('has a page for every code, titled with the code and saying its severity', () => {
    const codes = problemCodes();
    assert.equal(codes.length, 41);
    const wrong = codes.filter(code => {
      const file = `docs/problems/${code}.md`;
      return !existsSync(file) || !/^# [a-z0-9-]+\n\n\*\*Severity:\*\* (error|warning|info)\n/.test(readFileSync(file, 'utf8'))
        || !readFileSync(file, 'utf8').startsWith(`# ${code}\n`);
    });
    assert.deepEqual(wrong, []);
  });

  it('lists every page in the index, and the index nothing else', () => {
    const index = readFileSync('docs/problems/README.md', 'utf8');
    const listed = [...index.matchAll(/^\| \[`([a-z0-9-]+)`\]\(\1\.md\) \|/gm)].map(match => match[1]).sort();
    assert.deepEqual(listed, problemCodes().sort());
  });

  it('links a code to its page', () => {
    assert.equal(problemDocsUrl('invalid-value'), 'https://github.com/growth-conversations/growth-conversations/blob/main/docs/problems/invalid-value.md');
  });
});
