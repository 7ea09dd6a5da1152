import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BUILT_IN_SCRIPT } from '../../src/core/note';
import { sensitiveWordsIn, shareableCopy } from '../../src/core/outputs';

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
      'the "Manager thoughts" section', 'a private action item', 'the "Private notes" section']);
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

  it('leaves out text hidden in HTML, link definitions and lines around an unpaired comment end', () => {
    const note = `---\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\n---\n## 1. Q <!-- growth:checkin -->\nFine.\n\n<details>\n<summary>mine</summary>\n\nsecret-1\n\n</details>\n\nA <span style="display:none">secret-2</span> b\n\n[//]: # (secret-3)\n\nText <!--> secret-4 -->\n\n(private) secret-5\n\nVisible end.\n`;
    const shared = shareableCopy(note, { privateFields: [], privateSections: [], script: BUILT_IN_SCRIPT });
    assert.ok('text' in shared);
    assert.doesNotMatch(shared.text, /secret/);
    assert.match(shared.text, /Fine\.[\s\S]*A b[\s\S]*Visible end\./);
  });

  it('refuses when a line looks like a Private heading but is not read as one', () => {
    for (const line of ['##\u00a0Private notes', '\u200b## Private notes', '- ## Private notes', '    ## Private notes']) {
      const shared = shareableCopy(`---\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\n---\n## 1. Q <!-- growth:checkin -->\nFine.\n\n${line}\nsecret\n`, { privateFields: [], privateSections: [], script: BUILT_IN_SCRIPT });
      assert.ok('refused' in shared && /Line 9 looks like a Private heading/.test(shared.refused), JSON.stringify(line));
    }
  });

  it('finds sensitive words that are still in the copy', () => {
    assert.deepEqual(sensitiveWordsIn('We talked about the Salary band.', ['salary', 'resign', 'pay']), ['salary']);
    assert.deepEqual(sensitiveWordsIn('repay the loan', ['pay']), []);
  });
});

describe('the fixture notes', () => {
  it('share without flightRisk', () => {
    const text = readFileSync('test/fixtures/sample-workspace/growth-notes/priya-shah/2026-06-03.md', 'utf8');
    const shared = shareableCopy(text, { privateFields: [], privateSections: [], script: BUILT_IN_SCRIPT });
    assert.ok('text' in shared && !shared.text.includes('flightRisk'));
  });
});
