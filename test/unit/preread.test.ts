import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { decodeReturnedBytes } from '../../src/core/base';
import { guideState, matchReturnedPreread, planTheirWords, withInsertions } from '../../src/core/live';
import { achievementsNamed, analyzeNote, BUILT_IN_SCRIPT as BUILT_IN, summarizeNote, theirWordsIn, validateNote, withSeniorLeader } from '../../src/core/note';
import { prereadFor, prereadHtml, shareableCopy } from '../../src/core/outputs';
import { IndexedNote } from '../../src/core/workspace';

const BUILT_IN_SCRIPT = withSeniorLeader(BUILT_IN, 'CTO');
const FIXTURES = 'test/fixtures/sample-workspace/growth-notes';
const PRIYA = ['priya-shah/2025-12-02.md', 'priya-shah/2026-06-03.md'];
const TEXTS = new Map(PRIYA.map(path => [path, readFileSync(`${FIXTURES}/${path}`, 'utf8')]));
const SHARE = { privateFields: [], privateSections: [] };
const TODAY = '2026-11-30';

function indexed(texts: ReadonlyMap<string, string>): IndexedNote[] {
  return [...texts].map(([path, text]) => ({ ...summarizeNote(text, BUILT_IN_SCRIPT), path }));
}

function preread(texts: ReadonlyMap<string, string> = TEXTS) {
  return prereadFor({ person: 'priya shah', script: BUILT_IN_SCRIPT, notes: indexed(texts), textOf: path => texts.get(path), share: SHARE, today: TODAY });
}

/** The pre-read with an answer typed under some of its questions (by question id), as the person would. */
function answered(markdown: string, answers: Record<string, string>): string {
  let out = markdown;
  for (const [id, answer] of Object.entries(answers)) {
    const heading = out.split('\n').find(line => line.includes(`<!-- growth:${id} -->`));
    assert.ok(heading, id);
    out = out.replace(`${heading}\n`, `${heading}\n\n${answer}\n`);
  }
  return out;
}

/** A note of today's conversation, as scaffolded, with some of the manager's own notes in it. */
const TODAYS_NOTE = `---
type: growth-conversation
person: Priya Shah
date: 2026-12-03
flightRisk: not-assessed
themes: []
---

# Growth conversation: Priya Shah, 2026-12-03

## 1. How are you doing? How is work? <!-- growth:checkin -->
Seems tired; asked about the on-call rota. #on-call

## 3. Which three achievements from the last 6 to 12 months are you most proud of? <!-- growth:achievements -->
1. 
2. 
3. 

## 4. How would you describe your current role? <!-- growth:current-role -->
- [ ] Design the next ledger service <!-- from: 2026-06-03 -->

## 8. With unlimited money and the job of the CTO, what would you change? <!-- growth:change-anything -->

## Next steps <!-- growth:next-steps -->

## Private notes <!-- growth:private -->
Flight risk feels higher than in June.
`;

describe('the person\'s pre-read: made', function () {
  // Several notes read and shared per test: room for a loaded machine, no speed measured.
  this.timeout(120_000);
  it('asks the script\'s questions, each with its marker, and brings last time\'s goals and the open actions', () => {
    const made = preread();
    for (const [i, q] of BUILT_IN_SCRIPT.questions.entries()) assert.ok(made.markdown.includes(`## ${i + 1}. ${q.title} <!-- growth:${q.id} -->`), q.id);
    assert.deepEqual(made.goals, ['Design the next ledger service']);
    assert.deepEqual(made.actions, ['Ask the platform team about build caching (@priya, due 2026-07-01)']);
    assert.match(made.markdown, /^# Before our conversation: Priya Shah\n/);
    assert.match(made.markdown, /What happens to your answers/);
    for (const secret of ['flightRisk', 'low', 'technical-specialist', 'hard technical problems', 'Dana Reyes']) assert.ok(!made.markdown.includes(secret), secret);
    assert.deepEqual(made.leftOut, []);
  });

  it('leaves out a goal or an action the copy for the person would leave out, and says how many', () => {
    const texts = new Map(TEXTS);
    const june = TEXTS.get(PRIYA[1]) ?? '';
    texts.set(PRIYA[1], june
      .replace('- Design the next ledger service', '- Design the next ledger service\n- Move to the Risk team (private)')
      .replace('- [ ] Ask the platform team', '- [ ] Talk to HR about the counter-offer (confidential) @dana\n- [ ] Ask the platform team'));
    const made = preread(texts);
    assert.deepEqual(made.goals, ['Design the next ledger service']);
    assert.deepEqual(made.actions, ['Ask the platform team about build caching (@priya, due 2026-07-01)']);
    assert.ok(!made.markdown.includes('Risk team') && !made.markdown.includes('counter-offer'));
  });

  it('takes nothing from a note the copy refuses, and names it for the manager', () => {
    const texts = new Map(TEXTS);
    texts.set(PRIYA[1], `${TEXTS.get(PRIYA[1]) ?? ''}\n## 5. Six months, again <!-- growth:role-6-months -->\nSomething else.\n`);
    const made = preread(texts);
    assert.deepEqual(made.goals, []);
    assert.deepEqual(made.actions, []);
    assert.equal(made.leftOut.length, 1);
    assert.match(made.leftOut[0], /^Nothing taken from priya-shah\/2026-06-03\.md: /);
  });

  it('makes a page that loads nothing and holds no comment', () => {
    const page = prereadHtml(preread());
    assert.match(page, /default-src 'none'/);
    assert.ok(!page.includes('<!--') && page.includes('Design the next ledger service'));
  });
});

describe('the person\'s pre-read: matched when it comes back', function () {
  // Several notes read and shared per test: room for a loaded machine, no speed measured.
  this.timeout(120_000);
  const sent = preread().markdown;
  const answers = {
    checkin: 'Busy but fine. The on-call weeks are heavy.',
    achievements: '- Shipped the ledger design\n- Mentored Chris',
    'change-anything': 'Fewer meetings on Mondays.',
  };

  it('places each answer by its marker, and only what the person wrote', () => {
    const match = matchReturnedPreread(answered(sent, answers), BUILT_IN_SCRIPT);
    assert.deepEqual(match.placed.map(p => [p.questionId, p.answer, p.how]), [
      ['checkin', answers.checkin, 'marker'], ['achievements', answers.achievements, 'marker'], ['change-anything', answers['change-anything'], 'marker'],
    ]);
    assert.deepEqual(match.unplaced, []);
    assert.equal(match.textBeforeFirst, false);
  });

  it('places answers under reworded, reordered headings without markers: by number, then by words', () => {
    const file = [
      '# My answers', '',
      '## What I would change', '', 'Fewer meetings on Mondays.', '',
      '### Q1 - how I am', '', 'Busy but fine.', '',
      '**My proudest achievements**', '', '- Shipped the ledger design', '',
      '## Reason I might leave', '', 'Nothing right now.', '',
      '## Something else entirely', '', 'A note about the coffee machine.', '',
    ].join('\n');
    const match = matchReturnedPreread(file, BUILT_IN_SCRIPT);
    assert.deepEqual(match.placed.map(p => [p.questionId, p.how]), [
      ['checkin', 'number'], ['achievements', 'words'], ['leave-reason', 'words'], ['change-anything', 'words'],
    ]);
    assert.deepEqual(match.unplaced, [{ heading: 'Something else entirely', line: 19 }]);
  });

  it('reads a pre-read pasted into a mail, every line quoted', () => {
    const mail = `Hi Dana, here you go.\n\nOn Mon, Dana wrote:\n${answered(sent, answers).split('\n').map(line => (line ? `> ${line}` : '>')).join('\n')}\n`;
    const match = matchReturnedPreread(mail, BUILT_IN_SCRIPT);
    assert.deepEqual(match.placed.map(p => [p.questionId, p.answer]), [['checkin', answers.checkin], ['achievements', answers.achievements], ['change-anything', answers['change-anything']]]);
  });

  it('reads UTF-16 with a byte-order mark and Windows-1252', () => {
    const text = answered(sent, { checkin: 'Très bien — “busy”.' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')]);
    assert.deepEqual(decodeReturnedBytes(utf16), { text, encoding: 'utf-16le' });
    const cp1252 = Buffer.from(text.replace(/[—“”]/g, c => ({ '—': '\u0097', '“': '\u0093', '”': '\u0094' })[c] ?? c), 'latin1');
    assert.deepEqual(decodeReturnedBytes(cp1252), { text, encoding: 'windows-1252' });
    assert.equal(matchReturnedPreread(decodeReturnedBytes(cp1252).text, BUILT_IN_SCRIPT).placed[0].answer, 'Très bien — “busy”.');
  });

  it('places nothing for questions left empty, and the goals and actions sent are no answer', () => {
    const match = matchReturnedPreread(sent, BUILT_IN_SCRIPT);
    assert.deepEqual(match.placed, []);
    assert.deepEqual(match.unplaced, []);
  });
});

describe('the person\'s pre-read: their words in the note', function () {
  // Several notes read and shared per test: room for a loaded machine, no speed measured.
  this.timeout(120_000);
  const sent = preread().markdown;
  const returned = answered(sent, {
    checkin: 'Busy but fine. #burnout is a word I would not use <yet>.',
    achievements: '- Shipped the ledger design\n- Mentored Chris',
    'change-anything': 'Fewer meetings.',
    'leave-reason': 'Nothing right now.',
  });
  const placed = matchReturnedPreread(returned, BUILT_IN_SCRIPT).placed;

  it('inserts each answer under its heading, above the manager\'s notes, changing nothing already there', () => {
    const plan = planTheirWords(TODAYS_NOTE, placed, BUILT_IN_SCRIPT);
    assert.equal(plan.refused, undefined);
    assert.deepEqual(plan.notes, ['The note has no section for "If you were to leave, what would be the number one reason?": its answer was not placed.']);
    const after = withInsertions(TODAYS_NOTE, plan.insertions);
    assert.ok(after.includes('## 1. How are you doing? How is work? <!-- growth:checkin -->\n<!-- growth:their-words -->\n> Busy but fine. \\#burnout is a word I would not use \\<yet>.\n\nSeems tired;'));
    assert.ok(after.includes('<!-- growth:achievements -->\n<!-- growth:their-words -->\n> - Shipped the ledger design\n> - Mentored Chris\n\n1. \n'));
    assertSubsequence(TODAYS_NOTE, after);
    const read = analyzeNote(after, BUILT_IN_SCRIPT);
    assert.deepEqual([...theirWordsIn(read).keys()], ['checkin', 'achievements', 'change-anything']);
    assert.deepEqual(read.note.unknownMarkers, []);
    // Their words are no theme of the manager's, and their list is no count of achievements.
    assert.deepEqual(summarizeNote(after, BUILT_IN_SCRIPT).tags.map(t => t.name), ['on-call']);
    assert.deepEqual(analyzeNote(after, BUILT_IN_SCRIPT).note.sections.map(s => s.questionId), analyzeNote(TODAYS_NOTE, BUILT_IN_SCRIPT).note.sections.map(s => s.questionId));
    const copy = shareableCopy(after, { ...SHARE, script: BUILT_IN_SCRIPT });
    assert.ok(!('refused' in copy) && copy.text.includes('> Fewer meetings.') && !copy.text.includes('Flight risk feels'));
  });

  it('adds nothing twice: a second import says the words are already there', () => {
    const once = withInsertions(TODAYS_NOTE, planTheirWords(TODAYS_NOTE, placed, BUILT_IN_SCRIPT).insertions);
    const again = planTheirWords(once, placed, BUILT_IN_SCRIPT);
    assert.deepEqual(again.insertions, []);
    assert.equal(again.notes.filter(n => n.startsWith('Their words are already in the note')).length, 3);
  });

  it('keeps a CRLF note and a byte-order mark as they are', () => {
    const crlf = `\ufeff${TODAYS_NOTE.replace(/\n/g, '\r\n')}`;
    const plan = planTheirWords(crlf, placed, BUILT_IN_SCRIPT);
    const after = withInsertions(crlf, plan.insertions);
    assertSubsequence(crlf, after);
    assert.deepEqual([...theirWordsIn(analyzeNote(after, BUILT_IN_SCRIPT)).keys()], ['checkin', 'achievements', 'change-anything']);
  });

  it('reads their words as the person\'s: shared back in the copy unless private, never a theme or an achievement of the manager\'s', () => {
    const text = readFileSync('test/fixtures/preread/their-words.md', 'utf8');
    const read = analyzeNote(text, BUILT_IN_SCRIPT);
    assert.deepEqual(read.note.unknownMarkers, []);
    assert.equal(read.note.achievements, 0);
    assert.deepEqual(summarizeNote(text, BUILT_IN_SCRIPT).tags.map(t => t.name), ['on-call', 'meetings']);
    assert.deepEqual(theirWordsIn(read).get('achievements')?.text, 'Shipped the ledger design\nMentored two new joiners');
    const copy = shareableCopy(text, { ...SHARE, script: BUILT_IN_SCRIPT });
    assert.ok(!('refused' in copy));
    assert.ok(copy.text.includes('> - Shipped the ledger design') && copy.text.includes('> Fewer meetings.'));
    assert.ok(!copy.text.includes('offer from a friend') && !copy.text.includes('Flight risk'));
  });

  it('labels their words as theirs in the copy, and counts the achievements they listed (no "only 0 of 3" beside their list)', () => {
    const text = readFileSync('test/fixtures/preread/their-words.md', 'utf8');
    const copy = shareableCopy(text, { ...SHARE, script: BUILT_IN_SCRIPT });
    assert.ok(!('refused' in copy));
    assert.ok(copy.text.includes('_In your words, from your pre-read:_\n\n> - Shipped the ledger design'), copy.text);
    const read = analyzeNote(text, BUILT_IN_SCRIPT);
    assert.equal(achievementsNamed(read), 2);
    const few = (analysis: typeof read) => validateNote(analysis).filter(p => p.code === 'few-achievements').map(p => p.message);
    assert.deepEqual(few(read), ['Only 2 of 3 achievements listed. Struggling to name three can hint at low fulfilment: worth a follow-up.']);
    const three = analyzeNote(text.replace('> - Mentored two new joiners', '> - Mentored two new joiners\n> - Ran the guild'), BUILT_IN_SCRIPT);
    assert.equal(achievementsNamed(three), 3);
    assert.deepEqual(few(three), []);
    const hints = guideState(three.note, BUILT_IN_SCRIPT, undefined, achievementsNamed(three)).questions.find(q => q.question.id === 'achievements')?.hints;
    assert.deepEqual(hints, []);
    assert.equal(analyzeNote(TODAYS_NOTE, BUILT_IN_SCRIPT).note.achievements, achievementsNamed(analyzeNote(TODAYS_NOTE, BUILT_IN_SCRIPT)), 'without their words, the manager\'s own count');
    // The scaffold's unfilled "1." says nothing to the person: the copy leaves it out.
    assert.match(TODAYS_NOTE, /^1\. *$/m);
    const today = shareableCopy(TODAYS_NOTE, { ...SHARE, script: BUILT_IN_SCRIPT });
    assert.ok(!('refused' in today) && !/^\s*\d+\.\s*$/m.test(today.text), 'refused' in today ? today.refused : today.text);
  });

  it('refuses a file that is not a growth note', () => {
    assert.ok(planTheirWords('# Just notes\n', placed, BUILT_IN_SCRIPT).refused);
  });
});

/** Every character of `before`, in order, is in `after`: nothing was changed or removed. */
function assertSubsequence(before: string, after: string) {
  let at = 0;
  for (const c of after) if (at < before.length && c === before[at]) at++;
  assert.equal(at, before.length, `the old text stops being found at ${at}: ${JSON.stringify(before.slice(at, at + 40))}`);
}

describe('the person\'s pre-read: growth preread', function () {
  // Several notes read and shared per test: room for a loaded machine, no speed measured.
  this.timeout(120_000);
  const folder = mkdtempSync(join(tmpdir(), 'growth-preread-cli-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  async function run(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { print: text => out.push(text), printError: text => err.push(text), today: TODAY });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('prints the pre-read for a person, from the notes of a folder', async () => {
    const { code, out } = await run(['preread', 'Priya Shah', 'test/fixtures/sample-workspace']);
    assert.equal(code, 0);
    assert.equal(out, preread().markdown);
  });

  it('prints the note with their words, says what it placed, and never writes over the note', async () => {
    const returned = join(folder, 'returned.md');
    writeFileSync(returned, answered(preread().markdown, { checkin: 'Fine, thanks.', 'last-six-months': 'Long.' }));
    const note = `${FIXTURES}/priya-shah/2026-06-03.md`;
    const { code, out, err } = await run(['preread', 'import', returned, note]);
    assert.equal(code, 0);
    assert.ok(out.includes('<!-- growth:checkin -->\n<!-- growth:their-words -->\n> Fine, thanks.\n\nGood.'));
    assert.equal(err, 'The note has no section for "How have the last six months gone?": its answer was not placed.\n1 of 2 answers placed in the note.');
    const refused = await run(['preread', 'import', returned, note, '--out', note]);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /is a growth note/);
    assert.equal(readFileSync(note, 'utf8'), TEXTS.get(PRIYA[1]));
  });
});
