import * as assert from 'node:assert/strict';
import { analyzeNote, bodyTree, FieldLocator, topLevelSections } from '../../src/core/note';
import { conversationSchema, inSkippedFolder, isoDay, SKIPPED_FOLDERS_GLOB, today } from '../../src/core/base';
import { CAREER_PATHS, FLIGHT_RISKS } from '../../src/core/live';

// Rules the editor and the core used to write more than once, now defined in one place each.
describe('rules defined once', () => {
  it('the guide offers exactly the schema\'s career paths and flight risks, in its order, with words for each', () => {
    assert.deepEqual(CAREER_PATHS.map(c => c.value), conversationSchema.properties.careerPath.enum);
    assert.deepEqual(FLIGHT_RISKS.map(c => c.value), conversationSchema.properties.flightRisk.enum);
    assert.deepEqual(CAREER_PATHS.map(c => c.label), ['Technical specialist', 'Architect / consultant', 'Product and strategy', 'People management', 'Undecided']);
    assert.ok([...CAREER_PATHS, ...FLIGHT_RISKS].every(c => c.detail.length > 0), 'every value has its explanation');
  });

  it('a day is YYYY-MM-DD in local time, and today() is that of now', () => {
    assert.equal(isoDay(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
    assert.equal(isoDay(new Date(2026, 11, 31, 0, 0)), '2026-12-31');
    assert.equal(today(), isoDay(new Date()));
  });

  it('skipped folders: one list gives the search glob and the folder check', () => {
    assert.equal(SKIPPED_FOLDERS_GLOB, '{**/node_modules/**,**/.*/**}');
    assert.equal(inSkippedFolder('notes/.git'), true);
    assert.equal(inSkippedFolder('notes/node_modules/pkg/readme.md'), true);
    assert.equal(inSkippedFolder('.vscode-test/x'), true);
    assert.equal(inSkippedFolder('.history/alex/2026-01-05_20260105101010.md'), true);
    assert.equal(inSkippedFolder('notes/git-notes/node_modules2'), false);
    assert.equal(inSkippedFolder('growth-notes/alex'), false);
  });

  it('the top level of a note is cut at its # and ## headings, with the text before them apart', () => {
    const text = 'intro\n\n# Title\n\nunder the title\n\n## One\n\na\n\n### Sub\n\nb\n\n## Two\n';
    const parsed = bodyTree(text, 0, 0);
    assert.ok('tree' in parsed);
    const { preamble, sections } = topLevelSections(parsed.tree);
    assert.deepEqual(preamble.map(n => n.type), ['paragraph']);
    assert.deepEqual(sections.map(s => [s.heading.depth, s.content.length, s.following?.type]), [[1, 1, 'heading'], [2, 3, 'heading'], [2, 0, undefined]]);
  });

  it('the field locator finds the key under a position, and nothing between keys or outside the frontmatter', () => {
    const analysis = analyzeNote('---\ntype: growth-conversation\nperson: Jordan Kim\nflightRisk: low\n---\n\nbody\n');
    const locate = new FieldLocator(analysis);
    assert.equal(locate.keyAt({ line: 2, character: 2 }), 'person');
    assert.equal(locate.keyAt({ line: 3, character: 10 }), 'flightRisk');
    assert.equal(locate.keyAt({ line: 2, character: 10 }), undefined, 'on the value');
    assert.equal(locate.keyAt({ line: 6, character: 1 }), undefined, 'in the body');
    assert.deepEqual(locate.valueRange(['flightRisk']), { start: { line: 3, character: 12 }, end: { line: 3, character: 15 } });
  });
});
