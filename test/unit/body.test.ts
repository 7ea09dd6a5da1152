import * as assert from 'node:assert/strict';
import { analyzeNote, BUILT_IN_SCRIPT, summarizeNote, withSeniorLeader } from '../../src/core/note';

const HEAD = '---\ntype: growth-conversation\nperson: Alex\ndate: 2026-05-01\n---\n';

describe('body: sections, tasks and tags', () => {
  it('finds question sections by marker even after the heading text changed', () => {
    const note = analyzeNote(`${HEAD}\n## Warm-up chat <!-- growth:checkin -->\nFine.\n\n## Proud of <!-- growth:achievements -->\n1. A\n2. B\n3. C\n`).note;
    assert.deepEqual(note.sections.map(s => [s.kind, s.questionId, s.heading, s.headingLine, s.endLine, s.answered]), [
      ['question', 'checkin', 'Warm-up chat', 6, 7, true],
      ['question', 'achievements', 'Proud of', 9, 12, true],
    ]);
    assert.equal(note.achievements, 3);
  });

  it('falls back to the title, then the number, when the marker is gone', () => {
    const note = analyzeNote(`${HEAD}## How have the last six months gone?\nok\n## 7. Leaving\nnone\n## Extra\n## Next Steps\n## Private notes\n`).note;
    assert.deepEqual(note.sections.map(s => [s.kind, s.questionId ?? null]), [
      ['question', 'last-six-months'], ['question', 'leave-reason'], ['other', null], ['next-steps', null], ['private', null],
    ]);
  });

  it('keeps Private notes private until a known section begins', () => {
    const text = `${HEAD}## Private Notes (manager only)\nInterviewing #secret-a\n\nNot a heading\n---\n#secret-b\n# Aside\n#secret-c\n## Q <!-- growth:checkin -->\nFine #open\n`;
    const { note } = analyzeNote(text);
    assert.deepEqual(note.sections.map(s => s.kind), ['private', 'private', 'question']);
    assert.deepEqual(note.tags.map(t => [t.name, t.private]), [['secret-a', true], ['secret-b', true], ['secret-c', true], ['open', false]]);
    for (const marker of ['<!-- growth:Private -->', '<!--growth : private-->', '<!-- GROWTH:PRIVATE -->']) {
      assert.equal(analyzeNote(`${HEAD}## Later ${marker}\nx\n`).note.sections[0].kind, 'private', marker);
    }
  });

  it('marks an item (private) with everything nested or continued under it', () => {
    const text = `${HEAD}## Next steps\n- [ ] Ask HR about pay (private) #pay\n  more #cont\n\n  para #para\n  - [ ] sub task #sub\n- [ ] Book training #training\n`;
    const { note } = analyzeNote(text);
    assert.deepEqual(note.tags.map(t => [t.name, t.private]), [['pay', true], ['cont', true], ['para', true], ['sub', true], ['training', false]]);
    assert.deepEqual(note.tasks.map(t => t.private), [true, true, false]);
  });

  it('finds sections in any order and knows which are answered', () => {
    const text = `${HEAD}## Q <!-- growth:anything-else -->\n<!-- guide: leave room -->\n\n## Q <!-- growth:checkin -->\n<!-- guide -->\nTired.\n## Q <!-- growth:achievements -->\n1. \n2. \n3. \n`;
    const note = analyzeNote(text).note;
    assert.deepEqual(note.sections.map(s => [s.questionId, s.answered]), [['anything-else', false], ['checkin', true], ['achievements', false]]);
    assert.equal(note.achievements, 0);
  });

  it('does not count untouched carried goals as an answer', () => {
    const carried = `${HEAD}## Role <!-- growth:current-role -->\n<!-- Goals from last time -->\n- [ ] Lead the guild <!-- from: 2025-11-10 -->\n`;
    assert.equal(analyzeNote(carried).note.sections[0].answered, false);
    assert.equal(analyzeNote(carried.replace('[ ]', '[x]')).note.sections[0].answered, true);
    assert.equal(analyzeNote(carried + '\nMostly on track.\n').note.sections[0].answered, true);
    assert.equal(analyzeNote(carried.replace('2025-11-10 -->', '2025-11-10 --> blocked by the release')).note.sections[0].answered, true);
  });

  it('reads task items with owner, due date, origin and privacy', () => {
    const text = `${HEAD}## Next steps <!-- growth:next-steps -->\n- [ ] Book training @dana due:2026-06-01\n- [x] Send notes\n- [ ] Old item <!-- from: 2025-11-10 -->\n- [ ] Check pay band (private) @dana\n- plain item\n`;
    const tasks = analyzeNote(text).note.tasks;
    assert.deepEqual(tasks.map(t => [t.text, t.done, t.owner ?? null, t.due ?? null, t.line, t.sectionKind, t.carriedFrom ?? null, t.private]), [
      ['Book training @dana due:2026-06-01', false, 'dana', '2026-06-01', 6, 'next-steps', null, false],
      ['Send notes', true, null, null, 7, 'next-steps', null, false],
      ['Old item', false, null, null, 8, 'next-steps', '2025-11-10', false],
      ['Check pay band (private) @dana', false, 'dana', null, 9, 'next-steps', null, true],
    ]);
  });

  it('reads inline #tags with their section and exact position, but not in code, links or numbers', () => {
    const text = `${HEAD}## A <!-- growth:change-anything -->\nFaster #CI-speed, and #career/ladder.\nSee issue #12, \`#not-a-tag\`, url http://x.io/#frag, C# code, a&#35;b\n\n\`\`\`\n#also-not\n\`\`\`\n`;
    const tags = analyzeNote(text).note.tags;
    assert.deepEqual(tags.map(t => [t.name, t.key, t.line, t.character, t.questionId]), [
      ['CI-speed', 'ci-speed', 6, 7, 'change-anything'],
      ['career/ladder', 'career/ladder', 6, 22, 'change-anything'],
    ]);
  });

  it('fills the senior-leader title of question 8 from the setting', () => {
    const script = withSeniorLeader(BUILT_IN_SCRIPT, 'VP Engineering');
    assert.equal(script.questions[7].title, 'With unlimited money and the job of the VP Engineering, what would you change?');
    assert.equal(withSeniorLeader(BUILT_IN_SCRIPT, '  ').questions[7].title, 'With unlimited money and the job of the CTO, what would you change?');
  });
});

/** Tags and task privacy as both readers see them: remark, and the line scanner (which must agree). */
function readBoth(body: string) {
  const text = HEAD + body;
  const { note } = analyzeNote(text);
  const full = { tags: note.tags.map(t => [t.name, t.line - 5, t.private] as const), tasks: note.tasks.map(t => [t.text, t.private] as const) };
  const summary = summarizeNote(text, BUILT_IN_SCRIPT);
  const fast = { tags: summary.tags.map(t => [t.name, t.line - 5, t.private] as const), tasks: summary.tasks.map(t => [t.text, t.private] as const) };
  assert.deepEqual(fast, full, 'the line scanner and remark disagree');
  return full;
}

describe('themes come from tags only', () => {
  it('not from URLs, fragments, autolinks, link definitions and titles, HTML, code or colours', () => {
    const body = [
      '## Q <!-- growth:checkin -->',
      'A real #theme, [a link](http://x.io/#frag "title #in-title") and [#in-text](#anchor).',
      'Autolinks <https://x.io/#auto> and www.example.com/(#literal) and https://x.io/?q=(#query).',
      'HTML <span title="#attr">#inside-span</span> <a href="#href">x</a>; escaped \\#escaped, entity &#35;entity.',
      'Colours #fff #FFF000 #1e90ff #Ab12 #00ff0080 are not themes; #fade-in and #deadbeef1 are.',
      '',
      '[ref]: http://x.io/#definition "title #def-title"',
      '',
      '    #indented-code',
      '',
      '```',
      '#fenced',
      '```',
      '`#code-span` and #last',
      '',
    ].join('\n');
    assert.deepEqual(readBoth(body).tags.map(([name]) => name), ['theme', 'in-text', 'inside-span', 'fade-in', 'deadbeef1', 'last']);
  });

  it('caps a tag at 5 levels and 64 characters, so a hostile tag cannot make every prefix a theme', () => {
    const deep = `#${'a/'.repeat(20_000)}b`;
    const long = `#${'x'.repeat(5000)}`;
    const tags = readBoth(`## Q <!-- growth:checkin -->\n${deep} and ${long}\n`).tags.map(([name]) => name);
    assert.deepEqual(tags, ['a/a/a/a/a', 'x'.repeat(64)]);
  });
});

describe('private tags and items, as both readers see them', () => {
  it('a lazy continuation line belongs to its (private) item', () => {
    const read = readBoth('## Next steps\n- [ ] ask about pay\n(private) #pay\n- [ ] book #training\n');
    assert.deepEqual(read.tags, [['pay', 2, true], ['training', 3, false]]);
    assert.deepEqual(read.tasks, [['ask about pay (private) #pay', true], ['book #training', false]]);
  });

  it('sub-items, continuation paragraphs and indented blocks stay private; code holds no tags', () => {
    const read = readBoth('## Next steps\n1. [ ] pay (private)\n   more #cont\n\n   para #para\n\n       code #code\n   - [ ] sub #sub\n     > quoted #quote\n2. [ ] open #open\n');
    assert.deepEqual(read.tags, [['cont', 2, true], ['para', 4, true], ['sub', 7, true], ['quote', 8, true], ['open', 9, false]]);
    assert.deepEqual(read.tasks, [['pay (private) more #cont', true], ['sub #sub', true], ['open #open', false]]);
  });

  it('a setext heading inside Private notes does not end them; a section named by its marker does', () => {
    const read = readBoth('## Private notes\nInterviewing #a\n---\n#b\n\nAside #c\n===\n- [ ] call (private-ish) #d\n## 1. How are you doing? How is work?\nStill mine #e\n## 1:1 with HR\n#f\n3 things\n---\n#g\n## Q <!-- growth:checkin -->\nFine #h\n');
    assert.deepEqual(read.tags, [['a', 1, true], ['b', 3, true], ['c', 5, true], ['d', 7, true], ['e', 9, true], ['f', 11, true], ['g', 14, true], ['h', 16, false]]);
  });

  it('a (private) item inside a quote, and an item after it that is not private', () => {
    const read = readBoth('## Q <!-- growth:checkin -->\n> - [ ] raise (PRIVATE) #raise\n>   still #still\n> - [ ] public #public\n');
    assert.deepEqual(read.tags, [['raise', 1, true], ['still', 2, true], ['public', 3, false]]);
  });

  it('recognises Private notes by marker in any case and spacing, and by a heading starting with Private', () => {
    for (const heading of ['## Notes <!--GROWTH : Private-->', '## Private Notes (manager only)', '## private', '## Notes\n<!-- growth:PRIVATE -->']) {
      assert.deepEqual(readBoth(`${heading}\nsecret #s\n`).tags, [['s', heading.includes('\n') ? 2 : 1, true]], heading);
    }
  });

  it('keeps a "### Private" part of a section private until a heading as high, in both readers', () => {
    const text = `${HEAD}## Q <!-- growth:checkin -->\nFine #open\n### Private aside\nInterviewing #secret-a\n#### deeper\nstill #secret-b\n- [ ] call HR\n### Other\nback #open2\n`;
    const { note } = analyzeNote(text);
    assert.deepEqual(note.tags.map(t => [t.name, t.private]), [['open', false], ['secret-a', true], ['secret-b', true], ['open2', false]]);
    assert.deepEqual(note.tasks.map(t => t.private), [true]);
    assert.deepEqual(summarizeNote(text, BUILT_IN_SCRIPT).tags.map(t => [t.name, t.private]), note.tags.map(t => [t.name, t.private]));
  });
});
