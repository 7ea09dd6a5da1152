import * as assert from 'node:assert/strict';
import { analyzeNote, isRealDate, toIsoDate, validateNote } from '../../src/core/note';
import { closestValue, normalizeTheme, themeUsage } from '../../src/core/base';

function problemsOf(frontmatter: string, body = '') {
  return validateNote(analyzeNote(`---\n${frontmatter}---\n${body}`), {
    notePath: 'notes/alex/2026-05-01.md',
    personAt: path => ({ 'notes/alex/2025-11-01.md': 'Alex', 'notes/sam/2026-01-01.md': 'Sam', 'notes/readme.md': null } as Record<string, string | null>)[path],
  }).map(p => ({ code: p.code, severity: p.severity, at: [p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character], suggestion: p.suggestion }));
}

const BASE = 'type: growth-conversation\nperson: Alex\ndate: 2026-05-01\n';

describe('validation', () => {
  it('accepts a complete valid note', () => {
    assert.deepEqual(problemsOf(`${BASE}manager: Dana\nteam: Platform\nlevel: senior\nprevious: ../alex/2025-11-01.md\ncareerPath: undecided\nflightRisk: low\nthemes: [a, b]\nsharedOn: 2026-05-02\nnextConversation: 2026-11-01\n`), []);
  });

  it('reports missing required fields at the opening line', () => {
    assert.deepEqual(problemsOf('type: growth-conversation\n'), [
      { code: 'missing-field', severity: 'error', at: [0, 0, 0, 3], suggestion: undefined },
      { code: 'missing-field', severity: 'error', at: [0, 0, 0, 3], suggestion: undefined },
    ]);
  });

  it('warns about a growth marker that names no section, with the id it probably meant', () => {
    const body = '## Notes <!-- growth:privte -->\nsecret #s\n## Q\n<!--growth: CHEKIN-->\n## R <!-- growth:zzz-unknown -->\n```\n<!-- growth:in-code -->\n```\n## S <!-- growth:Next-Steps -->\n';
    assert.deepEqual(problemsOf(BASE, body), [
      { code: 'unknown-marker', severity: 'warning', at: [5, 9, 5, 31], suggestion: 'private' },
      { code: 'unknown-marker', severity: 'warning', at: [8, 0, 8, 21], suggestion: 'checkin' },
      { code: 'unknown-marker', severity: 'warning', at: [9, 5, 9, 32], suggestion: undefined },
    ]);
    const { note } = analyzeNote(`---\n${BASE}---\n${body}`);
    // A misspelt private marker fails closed: the section is private, and so are the unknown ones after it.
    assert.deepEqual(note.sections.map(s => s.kind), ['private', 'private', 'private', 'next-steps']);
    assert.equal(note.tags[0].private, true);
  });

  it('points an invalid enum value at the value and suggests the closest', () => {
    assert.deepEqual(problemsOf(`${BASE}flightRisk: hgih\n`), [{ code: 'invalid-value', severity: 'error', at: [4, 12, 4, 16], suggestion: 'high' }]);
    assert.deepEqual(problemsOf(`${BASE}level: mid-level\n`), [{ code: 'invalid-value', severity: 'error', at: [4, 7, 4, 16], suggestion: 'mid' }]);
  });

  it('points at list items inside themes', () => {
    assert.deepEqual(problemsOf(`${BASE}themes:\n  - ok\n  - 42\n  - ''\n`), [
      { code: 'invalid-type', severity: 'error', at: [6, 4, 6, 6], suggestion: undefined },
      { code: 'empty-value', severity: 'error', at: [7, 4, 7, 6], suggestion: undefined },
    ]);
  });

  it('reports a scalar where a list belongs, with the value to wrap', () => {
    assert.deepEqual(problemsOf(`${BASE}themes: onboarding\n`), [{ code: 'invalid-type', severity: 'error', at: [4, 8, 4, 18], suggestion: 'onboarding' }]);
  });

  it('never suggests renaming onto a field the note already has (found by the fuzzer)', () => {
    assert.deepEqual(problemsOf(`${BASE}ty: a\n`), [{ code: 'unknown-field', severity: 'warning', at: [4, 0, 4, 2], suggestion: undefined }]);
  });

  it('reports unknown fields as warnings at the key', () => {
    assert.deepEqual(problemsOf(`${BASE}mood: ok\nflightrisk: low\n`), [
      { code: 'unknown-field', severity: 'warning', at: [4, 0, 4, 4], suggestion: undefined },
      { code: 'unknown-field', severity: 'warning', at: [5, 0, 5, 10], suggestion: 'flightRisk' },
    ]);
  });

  it('reports dates in the wrong form with a converted suggestion, and dates that do not exist', () => {
    assert.deepEqual(problemsOf('type: growth-conversation\nperson: Alex\ndate: 05/03/2026\nsharedOn: 2026-02-30\n'), [
      { code: 'invalid-date', severity: 'error', at: [3, 6, 3, 16], suggestion: '2026-03-05' },
      { code: 'nonexistent-date', severity: 'error', at: [4, 10, 4, 20], suggestion: undefined },
    ]);
  });

  it('reports an empty value at its key', () => {
    assert.deepEqual(problemsOf('type: growth-conversation\nperson:\ndate: 2026-05-01\n'), [
      { code: 'invalid-type', severity: 'error', at: [2, 0, 2, 6], suggestion: undefined },
    ]);
  });

  it('checks previous: missing file, another person, a file that is not a note', () => {
    assert.deepEqual(problemsOf(`${BASE}previous: ../alex/nope.md\n`), [{ code: 'previous-missing', severity: 'warning', at: [4, 10, 4, 25], suggestion: undefined }]);
    assert.deepEqual(problemsOf(`${BASE}previous: ../sam/2026-01-01.md\n`), [{ code: 'previous-other-person', severity: 'error', at: [4, 10, 4, 30], suggestion: undefined }]);
    assert.deepEqual(problemsOf(`${BASE}previous: ../readme.md\n`), []);
  });

  it('reports duplicate themes after normalisation, suggesting the first spelling', () => {
    assert.deepEqual(problemsOf(`${BASE}themes: [CI speed, ci-speed, "#CI_Speed!", other]\n`), [
      { code: 'duplicate-theme', severity: 'warning', at: [4, 19, 4, 27], suggestion: 'CI speed' },
      { code: 'duplicate-theme', severity: 'warning', at: [4, 29, 4, 41], suggestion: 'CI speed' },
    ]);
  });

  it('hints when fewer than three achievements are listed, only once the question is answered', () => {
    const section = '## Achievements <!-- growth:achievements -->\n';
    assert.deepEqual(problemsOf(BASE, `${section}1. Shipped it\n2. \n`), [{ code: 'few-achievements', severity: 'info', at: [5, 0, 5, 44], suggestion: undefined }]);
    assert.deepEqual(problemsOf(BASE, `${section}1. \n2. \n3. \n`), []);
    assert.deepEqual(problemsOf(BASE, `${section}1. a\n2. b\n3. c\n`), []);
  });
});

describe('theme spelling across the workspace', () => {
  it('points at a theme spelt unlike most notes, and counts mentions by spelling', () => {
    const usage = themeUsage(['ci-speed', 'CI speed', 'ci-speed', 'ci_speed', 'Onboarding']);
    assert.deepEqual(usage, [{ key: 'ci-speed', name: 'ci-speed', count: 4 }, { key: 'onboarding', name: 'Onboarding', count: 1 }]);
    const spellings = new Map(usage.map(u => [u.key, u.name]));
    const problems = validateNote(analyzeNote(`---\n${BASE}themes: [CI speed, Onboarding]\n---\n`), { notePath: 'n.md', preferredSpelling: key => spellings.get(key) });
    assert.deepEqual(problems.map(p => [p.code, p.severity, p.range.start.line, p.range.start.character, p.suggestion]), [['theme-spelling', 'info', 4, 9, 'ci-speed']]);
  });
});

describe('themes and suggestions', () => {
  it('normalises case, separators, punctuation and nesting', () => {
    assert.deepEqual(['CI Speed', 'ci_speed', '#ci-speed.', ' "CI  speed" ', 'Career/Ladder ', 'a//b', 'Ünïcode Thème'].map(normalizeTheme),
      ['ci-speed', 'ci-speed', 'ci-speed', 'ci-speed', 'career/ladder', 'a/b', 'ünïcode-thème']);
  });

  it('suggests the closest allowed value only when it is close', () => {
    assert.equal(closestValue('hgih', ['low', 'medium', 'high']), 'high');
    assert.equal(closestValue('med', ['low', 'medium', 'high']), 'medium');
    assert.equal(closestValue('banana', ['low', 'medium', 'high']), undefined);
  });

  it('knows real dates and converts common date forms', () => {
    assert.deepEqual(['2024-02-29', '2026-02-29', '2026-13-01', '2026-04-31'].map(isRealDate), [true, false, false, false]);
    assert.deepEqual(['2026-3-5', '2026/03/05', '05.03.2026', '5/3/2026', '31/02/2026', 'soon'].map(toIsoDate),
      ['2026-03-05', '2026-03-05', '2026-03-05', '2026-03-05', undefined, undefined]);
  });
});
