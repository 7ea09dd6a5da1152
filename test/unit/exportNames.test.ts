import * as assert from 'node:assert/strict';
import { dayInFileName } from '../../src/core/base';
import { quickFixes } from '../../src/core/live';
import { analyzeNote, validateNote } from '../../src/core/note';
import { shareableCopyName, themesReportName } from '../../src/core/outputs';

// Issue 23, item 9: what a saved copy or report is called, and the day a missing date is offered.

describe('names of saved copies and reports (issue 23, item 9)', () => {
  it('a shareable copy holds the person and the day, so two people\'s copies of one day never share a name', () => {
    assert.equal(shareableCopyName('Alex Morgan', '2026-05-12', '2026-05-12.md'), 'alex-morgan-2026-05-12-shared');
    assert.equal(shareableCopyName('Zoë Park', '2026-05-12', '2026-05-12.md'), 'zoe-park-2026-05-12-shared');
    assert.equal(shareableCopyName('Alex Morgan', '2026-05-12', '2026-05-12-2.md'), 'alex-morgan-2026-05-12-shared');
    // What the frontmatter lacks comes from the file name, else the name is kept.
    assert.equal(shareableCopyName('Alex Morgan', undefined, '2026-05-12.md'), 'alex-morgan-2026-05-12-shared');
    assert.equal(shareableCopyName('Alex Morgan', '2026-02-30', 'catch-up.md'), 'alex-morgan-catch-up-shared');
    assert.equal(shareableCopyName(undefined, '2026-05-12', 'catch-up.md'), 'catch-up-shared');
  });

  it('a themes report holds its period', () => {
    assert.equal(themesReportName('2026-06-06', '2026-12-06'), 'themes-report-2026-06-06-to-2026-12-06');
    assert.equal(themesReportName(undefined, '2026-12-06'), 'themes-report-all-to-2026-12-06');
  });

  it('reads the day a file name gives, only when it is a real day', () => {
    assert.equal(dayInFileName('growth-notes/alex/2026-07-07.md'), '2026-07-07');
    assert.equal(dayInFileName('2026-07-07-2.md'), '2026-07-07');
    assert.equal(dayInFileName('1-1 2026-07-07.md'), '2026-07-07');
    assert.equal(dayInFileName('2026-02-30.md'), undefined);
    assert.equal(dayInFileName('12026-07-07.md'), undefined);
    assert.equal(dayInFileName('2026-07/catch-up.md'), undefined, 'only the name, never a folder');
  });

  it('the missing-date fix offers the file name\'s day first, today only when the name has none', () => {
    const analysis = analyzeNote('---\ntype: growth-conversation\nperson: J\n---\n');
    const missing = validateNote(analysis, { notePath: '2026-07-07.md', preferredSpelling: () => undefined }).find(p => p.code === 'missing-field');
    assert.ok(missing);
    const titles = (dateFromFileName: string | undefined) => quickFixes(analysis, missing, { today: '2026-12-06', dateFromFileName }).map(f => f.title);
    assert.deepEqual(titles(dayInFileName('2026-07-07.md')), ['Add date: 2026-07-07']);
    assert.deepEqual(titles(dayInFileName('catch-up.md')), ['Add date: 2026-12-06']);
  });
});
