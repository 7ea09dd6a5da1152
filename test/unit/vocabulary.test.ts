import * as assert from 'node:assert/strict';
import { BUILT_IN_SCRIPT, summarizeNote } from '../../src/core/note';
import { renderNewNote } from '../../src/core/live';
import { CanonicalIndex, describeResponse, orgResponsesFor, parseVocabulary, tagAliasHints, themeTree, Vocabulary, withCanonicalThemes, WorkspaceIndex } from '../../src/core/workspace';

const GOOD = `version: 1
themes:
  - name: on-call load
    aliases: [oncall, Pager Load]
    description: Too many pages.
    response:
      status: in-progress
      owner: Platform leads
      note: A second rota starts in January.
      updated: 2026-11-01
  - name: ci speed
    aliases: [slow_ci]
`;

describe('the theme vocabulary', () => {
  it('merges aliases, case, spaces and hyphens into the canonical theme', () => {
    const { vocabulary, problems } = parseVocabulary(GOOD);
    assert.deepEqual(problems, []);
    assert.deepEqual(['oncall', 'ON-CALL', 'pager-load', 'On Call Load', '#slow-ci', 'slow ci', 'ci-speed', 'unknown'].map(s => vocabulary.lookup(s)?.name),
      ['on-call load', undefined, 'on-call load', 'on-call load', 'ci speed', 'ci speed', 'ci speed', undefined]);
    assert.deepEqual([vocabulary.isAlias('oncall'), vocabulary.isAlias('on-call-load'), vocabulary.canonicalName('Team Morale')], [true, false, 'team-morale']);
    assert.equal(describeResponse(vocabulary.themes[0]), 'on-call load: in progress, Platform leads. A second rota starts in January.');
  });

  it('reports invalid YAML at its place and is not used', () => {
    const { vocabulary, problems } = parseVocabulary('themes:\n  - name: [unclosed\n');
    assert.equal(vocabulary.isEmpty, true);
    assert.equal(problems[0].code, 'vocabulary-yaml');
  });

  it('reports an alias claimed by two themes, and an alias that is itself a theme, on the alias', () => {
    const { vocabulary, problems } = parseVocabulary(`themes:
  - name: on-call load
    aliases: [oncall, ci speed]
  - name: ci speed
    aliases: [OnCall]
`);
    assert.equal(vocabulary.isEmpty, true);
    assert.deepEqual(problems.map(p => [p.code, p.range.start.line, p.range.start.character, p.message]), [
      ['vocabulary-alias-is-theme', 2, 22, '"ci speed" is itself a theme ("ci speed"). Remove the alias, or merge the two themes.'],
      ['vocabulary-alias-twice', 4, 14, '"OnCall" is also an alias of "on-call load". An alias can mean only one theme.'],
    ]);
  });

  it('reports schema errors (an unknown field, a bad status, a duplicate theme) where they are', () => {
    const bad = parseVocabulary('themes:\n  - name: a\n    colour: red\n  - name: b\n    response:\n      status: done\n');
    assert.deepEqual(bad.problems.map(p => [p.code, p.range.start.line, p.message]), [
      ['vocabulary-schema', 2, '"colour" is not a field of themes.0. Known fields are in schemas/themes.schema.json.'],
      ['vocabulary-schema', 5, 'themes.1.response.status must be one of: open, acknowledged, in-progress, resolved, wont-fix.'],
    ]);
    const twice = parseVocabulary('themes:\n  - name: CI speed\n  - name: ci-speed\n');
    assert.deepEqual(twice.problems.map(p => [p.code, p.range.start.line]), [['vocabulary-duplicate-theme', 2]]);
  });

  it('refuses a file that is too large, and a missing themes list', () => {
    assert.equal(parseVocabulary('x'.repeat(600 * 1024)).problems[0].code, 'vocabulary-too-large');
    assert.equal(parseVocabulary('version: 1\n').problems[0].message, 'the file needs "themes".');
  });
});

describe('closing the loop: last time\'s themes and what the organisation did', () => {
  const { vocabulary } = parseVocabulary(GOOD);
  const previous = `---
type: growth-conversation
person: Ann
date: 2026-05-01
themes: [pager load, hiring]
---
## 8. Change <!-- growth:change-anything -->
More #slow-ci fixes please.
## Private notes <!-- growth:private -->
#oncall only here, and private
`;

  it('lists the responses for the themes raised last time, never from private places', () => {
    assert.deepEqual(orgResponsesFor(previous, vocabulary, BUILT_IN_SCRIPT), ['on-call load: in progress, Platform leads. A second rota starts in January.']);
    assert.deepEqual(orgResponsesFor(previous, parseVocabulary('themes: []\n').vocabulary, BUILT_IN_SCRIPT), []);
  });

  it('puts them as a comment in question 8 of the new note, and nowhere else', () => {
    const text = renderNewNote({ person: 'Ann', date: '2026-11-01', script: BUILT_IN_SCRIPT, orgResponses: ['on-call load: in progress, Platform leads', 'ci speed: resolved -- shipped'] });
    const lines = text.split('\n');
    const q8 = lines.findIndex(line => line.startsWith('## 8.'));
    const comment = lines.findIndex(line => line.startsWith('<!-- What the organisation did'));
    assert.equal(lines[comment], '<!-- What the organisation did about what they raised last time: on-call load: in progress, Platform leads; ci speed: resolved - shipped. -->');
    assert.ok(comment > q8 && comment < lines.findIndex(line => line.startsWith('## 9.')));
    assert.equal(renderNewNote({ person: 'Ann', date: '2026-11-01', script: BUILT_IN_SCRIPT }).includes('What the organisation did'), false);
  });
});

describe('inline tags and the vocabulary', () => {
  it('points an alias or another spelling at the agreed theme, written as a tag', () => {
    const { vocabulary } = parseVocabulary(GOOD);
    const tags = [{ name: 'oncall', line: 3, character: 7 }, { name: 'On-Call-Load', line: 4, character: 0 }, { name: 'on-call-load', line: 5, character: 0 }, { name: 'hiring', line: 6, character: 0 }];
    assert.deepEqual(tagAliasHints(tags, vocabulary), [
      { line: 3, character: 7, length: 7, replacement: '#on-call-load', message: '#oncall is an alias of the agreed theme "on-call load": write #on-call-load.' },
      { line: 4, character: 0, length: 13, replacement: '#on-call-load', message: '#On-Call-Load is another spelling of the agreed theme "on-call load": write #on-call-load.' },
    ]);
  });
});

describe('the theme tree under a vocabulary, kept note by note', () => {
  const note = (person: string, themes: string) => summarizeNote(`---\ntype: growth-conversation\nperson: ${person}\ndate: 2026-03-01\nthemes: [${themes}]\n---\n`, BUILT_IN_SCRIPT);
  const tree = (index: WorkspaceIndex) => themeTree(index, {}, 2).map(t => `${t.name}:${t.peopleCount}/${t.conversationCount}`);
  /** What the view counted before: a whole second index, built from scratch. */
  const rebuilt = (source: WorkspaceIndex, vocabulary: Vocabulary) => {
    const index = new WorkspaceIndex();
    for (const n of source.all()) index.set(n.path, withCanonicalThemes(n, vocabulary));
    return index;
  };

  it('follows every set, change and delete of its index, with the counts a rebuilt index gives', () => {
    const { vocabulary } = parseVocabulary(GOOD);
    const source = new WorkspaceIndex();
    source.set('a.md', note('Ana', 'oncall, pay'));
    source.set('b.md', note('Ben', 'Pager Load'));
    const canonical = new CanonicalIndex(source, vocabulary);
    assert.deepEqual(tree(canonical.index), ['on-call load:2/2', 'pay:1/1']);
    source.batch(() => {
      source.set('c.md', note('Cy', 'slow_ci, pay'));
      source.set('b.md', note('Ben', 'ci-speed'));
    });
    source.delete('a.md');
    source.set('c.md', summarizeNote('# not a growth note\n', BUILT_IN_SCRIPT));
    source.set('d.md', note('Dee', 'oncall'));
    assert.deepEqual(tree(canonical.index), ['ci speed:1/1', 'on-call load:1/1']);
    assert.deepEqual(tree(canonical.index), tree(rebuilt(source, vocabulary)));
    canonical.dispose();
    source.set('e.md', note('Eve', 'oncall'));
    assert.deepEqual(tree(canonical.index), ['ci speed:1/1', 'on-call load:1/1']);
  });
});
