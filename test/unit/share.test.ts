import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BUILT_IN_SCRIPT } from '../../src/core/questionScript';
import { classifyTrend, nameScrubber, previousPeriod, themesReport } from '../../src/core/report';
import { sensitiveWordsIn, shareableCopy } from '../../src/core/share';
import { summarizeNote } from '../../src/core/noteSummary';
import { WorkspaceIndex } from '../../src/core/workspaceIndex';

const NOTE = `---
type: growth-conversation
person: Alex Morgan
date: 2026-05-12
manager: Dana Reyes   # who ran it
flightRisk: high
salaryBand:
  current: L4
  next: L5
themes: [on-call-load]
---

# Growth conversation: Alex Morgan, 2026-05-12

## 1. How are you doing? How is work? <!-- growth:checkin -->
<!-- Opens the conversation. Listen for pain points. -->
Tired of on-call. #on-call-load

## 7. If you were to leave, what would be the number one reason? <!-- growth:leave-reason -->
Better offer elsewhere.

## Manager thoughts
Seems restless.

## Next steps <!-- growth:next-steps -->
- [ ] Fix the rota @dana due:2026-06-01
- [ ] Ask HR about the band (private) @dana
  with the note about the counter-offer
- [x] Send the notes <!-- from: 2025-11-10 -->

## Private notes <!-- growth:private -->
Flight risk is real.
<!--
multi-line
comment
-->
`;

describe('the shareable copy', () => {
  const made = shareableCopy(NOTE, { privateFields: ['salaryBand'], privateSections: ['leave-reason', 'Manager thoughts'], script: BUILT_IN_SCRIPT });
  const copy = 'refused' in made ? assert.fail(made.refused) : made;

  it('leaves out every private field, section, comment and private task', () => {
    for (const secret of ['flightRisk', 'salaryBand', 'L4', 'L5', 'Better offer', 'number one reason', 'Manager thoughts', 'restless',
      'Ask HR', 'counter-offer', 'Private notes', 'Flight risk is real', 'multi-line', '<!--', '-->', 'Listen for pain points', 'growth:checkin', 'who ran it']) {
      assert.ok(!copy.text.includes(secret), `"${secret}" survived`);
    }
    assert.deepEqual(copy.removed, ['the flightRisk field', 'the salaryBand field', 'the themes field', 'comments in the frontmatter', 'comments and guidance',
      'the "7. If you were to leave, what would be the number one reason?" section (listed as private in your settings)',
      'the "Manager thoughts" section (listed as private in your settings)', 'a private action item', 'the "Private notes" section']);
  });

  it('keeps the title, the questions and the action items as written, under fresh frontmatter', () => {
    assert.equal(copy.text, `---
type: growth-shared-copy
person: Alex Morgan
date: 2026-05-12
manager: Dana Reyes
---

# Growth conversation: Alex Morgan, 2026-05-12

## 1. How are you doing? How is work?

Tired of on-call. #on-call-load

## Next steps

- [ ] Fix the rota @dana due:2026-06-01
- [x] Send the notes
`);
  });

  it('finds sensitive words that are still in the copy', () => {
    assert.deepEqual(sensitiveWordsIn('We talked about the Salary band.', ['salary', 'resign', 'pay']), ['salary']);
    assert.deepEqual(sensitiveWordsIn('repay the loan', ['pay']), []);
  });
});

describe('the themes report', () => {
  const index = new WorkspaceIndex();
  const note = (person: string, date: string, team: string, body: string) =>
    summarizeNote(`---\ntype: growth-conversation\nperson: ${person}\ndate: ${date}\nmanager: Dana Reyes\nteam: ${team}\nflightRisk: medium\n---\n## Q <!-- growth:change-anything -->\n${body}\n## Next steps\n- [ ] Call @sam.lee due:2026-01-01\n`, BUILT_IN_SCRIPT);
  index.set('a/1.md', note('Alex Morgan', '2026-10-01', 'Platform', 'Alex wants #faster-ci; Sam agrees.'));
  index.set('b/1.md', note('Sam Lee', '2026-10-03', 'Mobile', 'Same as Morgan said: #faster-ci and #Pay'));
  index.set('b/0.md', note('Sam Lee', '2026-03-03', 'Mobile', 'Mentioned #pay once.'));
  const lines = new Map([['a/1.md', 'Alex wants #faster-ci; Sam agrees.'], ['b/1.md', 'Same as Morgan said: #faster-ci and #Pay']]);

  it('classifies trends against the previous period of the same length', () => {
    assert.deepEqual([classifyTrend(2, 0), classifyTrend(3, 1), classifyTrend(1, 2), classifyTrend(2, 2)], ['new', 'growing', 'fading', 'steady']);
    assert.deepEqual(previousPeriod('2026-06-01', '2026-12-01'), { since: '2025-11-30', until: '2026-05-31' });
  });

  it('names nobody when anonymised: not in counts, quotes or file names', () => {
    const report = themesReport(index, { today: '2026-11-26', since: '2026-06-01', includeNames: false, patternThreshold: 2, lineText: (path, _line) => lines.get(path) });
    for (const name of ['Alex', 'Morgan', 'Sam', 'Lee', 'Dana', 'Reyes', 'sam.lee', 'a/1.md', 'b/1.md']) {
      assert.ok(!new RegExp(`(^|[^\\p{L}])${name.replace('.', '\\.')}([^\\p{L}]|$)`, 'u').test(report), `${name} appears`);
    }
    assert.match(report, /\| faster-ci ★ \| 2 \| 2 \| new \| █{20} \|/);
    assert.match(report, /\| pay \| 1 \| 1 \| steady \(1 before\) \| █{10} \|/);
    assert.match(report, /> \[name\] wants #faster-ci; \[name\] agrees\./);
    assert.match(report, /\*\*Mobile\*\*, 1 conversation: faster-ci \(1\), pay \(1\)/);
    assert.match(report, /\| medium \| 2 \| █{20} \|/);
  });

  it('scrubs names in every form the notes use', () => {
    const scrub = nameScrubber(index.all());
    assert.equal(scrub('@sam.lee told Alex and MORGAN, not Alexander.'), '[name] told [name] and [name], not Alexander.');
  });

  it('lists names only when asked, and says so', () => {
    const report = themesReport(index, { today: '2026-11-26', includeNames: true, patternThreshold: 2 });
    assert.match(report, /Includes names: for your own use only/);
    assert.match(report, /\| faster-ci ★ \| 2 \| 2 \| Alex Morgan, Sam Lee \| █{20} \|/);
  });

  it('reads the fixture notes into a report without names', () => {
    const text = readFileSync('test/fixtures/sample-workspace/growth-notes/priya-shah/2026-06-03.md', 'utf8');
    const shared = shareableCopy(text, { privateFields: [], privateSections: [], script: BUILT_IN_SCRIPT });
    assert.ok('text' in shared && !shared.text.includes('flightRisk'));
  });
});
