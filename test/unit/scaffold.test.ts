import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { commitMessage, neutralCommitMessage } from '../../src/core/base';
import { applyEdits, carryOverFrom, guideState, missingSectionInsertion, nextFreePath, notePath, personSlug, relativeNotePath, renderNewNote, setFrontmatterField, uniquePersonSlug } from '../../src/core/live';
import { analyzeNote, BUILT_IN_SCRIPT, parseQuestionScript, validateNote } from '../../src/core/note';
import { shareableCopy } from '../../src/core/outputs';

const ALEX_MAY = readFileSync('test/fixtures/sample-workspace/growth-notes/alex-morgan/2026-05-12.md', 'utf8');

describe('scaffolding a new note', () => {
  it('slugs names: accents, spaces, punctuation', () => {
    assert.deepEqual(['Zoë Ångström', '  Sam   Lee ', "Seán O'Brien-Smith", '李 雷', '!!!'].map(personSlug),
      ['zoe-angstrom', 'sam-lee', 'sean-o-brien-smith', '李-雷', 'person']);
  });

  it('gives two people with the same name their own folders', () => {
    assert.equal(uniquePersonSlug('Sam Lee', new Set(['alex-morgan'])), 'sam-lee');
    assert.equal(uniquePersonSlug('Sam Lee', new Set(['sam-lee'])), 'sam-lee-2');
    assert.equal(uniquePersonSlug('Sam Lee', new Set(['sam-lee', 'sam-lee-2'])), 'sam-lee-3');
    assert.equal(notePath('{person}/{date}.md', 'Sam Lee', '2026-05-01', 'sam-lee-2'), 'sam-lee-2/2026-05-01.md');
  });

  it('builds paths from the pattern and finds a free one on collision', () => {
    assert.equal(notePath('{person}/{date}.md', 'Sam Lee', '2026-05-01'), 'sam-lee/2026-05-01.md');
    assert.equal(notePath('{date}-{person}', 'Sam Lee', '2026-05-01'), '2026-05-01-sam-lee.md');
    assert.equal(notePath('../../{person}.md', 'Sam', '2026-05-01'), 'sam.md');
    const taken = new Set(['2026-05-01.md', '2026-05-01-2.md']);
    assert.equal(nextFreePath('2026-05-01.md', p => taken.has(p)), '2026-05-01-3.md');
    assert.equal(nextFreePath('2026-06-01.md', p => taken.has(p)), '2026-06-01.md');
    assert.equal(relativeNotePath('/w/notes/sam/2026-11-01.md', '/w/notes/sam/2026-05-01.md'), '2026-05-01.md');
  });

  it('carries over six-month goals and unticked actions, not ticked ones', () => {
    const carry = carryOverFrom(ALEX_MAY, '2026-05-12.md', BUILT_IN_SCRIPT);
    assert.deepEqual(carry, {
      previousPath: '2026-05-12.md', previousDate: '2026-05-12', manager: 'Dana Reyes', team: 'Platform', level: 'senior',
      goals: ['Lead the architecture guild', 'Present tracing at the engineering all-hands'],
      openActions: [
        'Propose an on-call rota change @dana due:2025-12-15',
        'Draft an architect track for the career ladder @dana due:2026-06-30',
        'Book Alex a slot at the all-hands @alex due:2026-07-15',
      ],
      openActionsFirstWritten: ['2025-11-10', '2026-05-12', '2026-05-12'],
    });
    assert.equal(carryOverFrom('# not a note', 'x.md', BUILT_IN_SCRIPT), undefined);
  });

  it('renders a valid note with every section, and carried items marked with their origin', () => {
    const text = renderNewNote({
      person: 'Alex Morgan', date: '2026-11-20', manager: 'Dana Reyes', script: BUILT_IN_SCRIPT,
      carryOver: carryOverFrom(ALEX_MAY, '2026-05-12.md', BUILT_IN_SCRIPT), guidance: 'comments',
    });
    assert.ok(text.startsWith('---\ntype: growth-conversation\nperson: Alex Morgan\ndate: 2026-11-20\nmanager: Dana Reyes\nteam: Platform\nlevel: senior\nprevious: 2026-05-12.md\nflightRisk: not-assessed\nthemes: []\n---\n\n# Growth conversation: Alex Morgan, 2026-11-20\n\n## 1. How are you doing? How is work? <!-- growth:checkin -->\n<!-- Opens the conversation'));
    assert.ok(text.includes('<!-- growth:current-role -->\n<!-- Their own view'));
    assert.ok(text.includes('<!-- Goals from last time: tick each one met, or note what blocked it. -->\n- [ ] Lead the architecture guild <!-- from: 2026-05-12 -->\n- [ ] Present tracing at the engineering all-hands <!-- from: 2026-05-12 -->'));
    assert.ok(text.includes('## Next steps <!-- growth:next-steps -->\n<!-- Action items: - [ ] what @owner due:YYYY-MM-DD -->\n- [ ] Propose an on-call rota change @dana due:2025-12-15 <!-- from: 2025-11-10 -->'));
    const analysis = analyzeNote(text);
    assert.deepEqual(validateNote(analysis), []);
    const state = guideState(analysis.note, BUILT_IN_SCRIPT);
    assert.equal(state.answeredCount, 0, 'scaffolding and carried items are not answers');
    assert.deepEqual(state.questions[3].hints, ['2 goals from last time not yet reviewed.']);
  });

  it('renders a team template with its variables, leaving unknown ones visible', () => {
    const text = renderNewNote({ person: 'Sam: Lee', date: '2026-01-02', script: BUILT_IN_SCRIPT, template: '---\ntype: growth-conversation\nperson: {{personYaml}}\ndate: {{date}}\n---\n{{person}} {{previous}} {{nope}}\n' });
    assert.equal(text, '---\ntype: growth-conversation\nperson: "Sam: Lee"\ndate: 2026-01-02\n---\nSam: Lee  {{nope}}\n');
  });

  it('reads a custom question script and rejects an invalid one', () => {
    const ok = parseQuestionScript('questions:\n  - id: mood\n    title: How is it going?\n    records: themes\n');
    assert.ok('script' in ok && ok.script.questions[0].records === 'themes');
    for (const [text, error] of [
      ['questions: []', '/questions must NOT have fewer than 1 items'],
      ['{"questions": [{"id": "Bad Id", "title": "x"}]}', '/questions/0/id must match pattern "^[a-z0-9][a-z0-9-]{0,40}$"'],
      ['questions:\n  - {id: a, title: x}\n  - {id: a, title: y}\n', 'the id "a" is used twice'],
    ]) assert.deepEqual(parseQuestionScript(text), { error });
    assert.ok('error' in parseQuestionScript('questions: [\n'));
  });
});

describe('the question guide', () => {
  it('tracks the current question by cursor line, blank lines included', () => {
    const note = analyzeNote(ALEX_MAY).note;
    const q3 = note.sections.find(s => s.questionId === 'achievements')!;
    assert.equal(guideState(note, BUILT_IN_SCRIPT, q3.headingLine).currentIndex, 2);
    assert.equal(guideState(note, BUILT_IN_SCRIPT, q3.endLine + 1).currentIndex, 2);
    assert.equal(guideState(note, BUILT_IN_SCRIPT, 2).currentIndex, -1);
  });

  it('gives each hint from the note\'s content', () => {
    const head = (extra: string) => `---\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\n${extra}---\n`;
    const hints = (text: string) => guideState(analyzeNote(text).note, BUILT_IN_SCRIPT).questions.flatMap(q => q.hints.map(h => `${q.number}: ${h}`));
    assert.deepEqual(hints(head('') + '## <!-- growth:achievements -->\n1. One\n'), ['3: Only 1 of 3 achievements: worth a gentle follow-up.']);
    assert.deepEqual(hints(head('') + '## <!-- growth:role-2-years -->\nArchitect, maybe.\n'), ['6: No career path set in this note yet.']);
    assert.deepEqual(hints(head('flightRisk: not-assessed\n') + '## <!-- growth:leave-reason -->\nPay.\n'), ['7: Answered, but flight risk is still not assessed.']);
    assert.deepEqual(hints(head('flightRisk: high\n') + '## <!-- growth:next-steps -->\n- [ ] old <!-- from: 2025-01-01 -->\n'), ['7: Flight risk is high, and Next steps has no new action item.']);
    assert.deepEqual(hints(head('flightRisk: high\n') + '## <!-- growth:next-steps -->\n- [ ] Talk about pay @me\n'), []);
  });

  it('knows where a deleted section goes back', () => {
    const note = analyzeNote(ALEX_MAY).note;
    const withoutQ5 = analyzeNote(ALEX_MAY.replace(/## 5\.[^\n]*\n(- [^\n]*\n)*\n/, '')).note;
    const q6 = withoutQ5.sections.find(s => s.questionId === 'role-2-years')!;
    assert.deepEqual(missingSectionInsertion(withoutQ5, BUILT_IN_SCRIPT, 'role-6-months', 60),
      { line: q6.headingLine, text: '## 5. What do you want your role to look like in six months? <!-- growth:role-6-months -->\n\n\n', cursor: 91 });
    assert.equal(missingSectionInsertion(note, BUILT_IN_SCRIPT, 'unknown', 60), undefined);
  });
});

describe('frontmatter edits', () => {
  const source = '---\n# who and when\ntype: growth-conversation   # ours\nperson: "Alex"\ndate: 2026-01-01\nthemes: [a,  b]   # spacing kept\nflightRisk: low # was medium\ncareerPath:\n---\nBody\n';
  const edit = (text: string, key: string, value: string) => {
    const analysis = analyzeNote(text);
    const change = setFrontmatterField(analysis, key, value);
    return change ? applyEdits(text, [change], p => analysis.lines.offsetAt(p)) : undefined;
  };

  it('replaces only the value, keeping comments, spacing and key order', () => {
    assert.equal(edit(source, 'flightRisk', 'high'), source.replace('flightRisk: low # was medium', 'flightRisk: high # was medium'));
  });

  it('fills an empty value and appends a missing key before the closing fence', () => {
    assert.equal(edit(source, 'careerPath', 'undecided'), source.replace('careerPath:\n', 'careerPath: undecided\n'));
    assert.equal(edit(source, 'sharedOn', '2026-02-01'), source.replace('careerPath:\n---', 'careerPath:\nsharedOn: 2026-02-01\n---'));
    const crlf = source.replace(/\n/g, '\r\n');
    assert.equal(edit(crlf, 'flightRisk', 'medium'), crlf.replace('flightRisk: low', 'flightRisk: medium'));
  });

  it('refuses to edit unreadable frontmatter or a list value', () => {
    assert.equal(edit('---js\nx\n---\n', 'flightRisk', 'high'), undefined);
    assert.equal(edit(source, 'themes', 'x'), undefined);
  });
});

describe('commit messages', () => {
  it('names people and dates, sorted, and counts other files', () => {
    assert.equal(commitMessage([{ person: 'Sam Lee', date: '2026-10-20' }, { person: 'Alex Morgan', date: '2026-05-12' }, { person: 'Sam Lee', date: '2026-04-20' }], 1),
      'Growth notes: Alex Morgan (2026-05-12), Sam Lee (2026-04-20, 2026-10-20); 1 other file');
    assert.equal(commitMessage([], 2), 'Growth notes: 2 other files');
  });

  it('says only counts in the neutral style, the default', () => {
    assert.equal(neutralCommitMessage({ conversations: 2, actionsTicked: 1, otherFiles: 0 }), 'Growth notes: 2 conversations, 1 action ticked');
    assert.equal(neutralCommitMessage({ conversations: 1, actionsTicked: 0, otherFiles: 3 }), 'Growth notes: 1 conversation, 3 other files');
    assert.equal(neutralCommitMessage({ conversations: 0, actionsTicked: 0, otherFiles: 0 }), 'Growth notes: no changes');
  });
});

describe('carry-over keeps privacy', () => {
  it('carries items nested under a (private) goal or action marked (private), so a copy of the next note leaves them out', () => {
    const previous = `---\ntype: growth-conversation\nperson: Sam Lee\ndate: 2026-05-01\n---\n## 5. Role in six months <!-- growth:role-6-months -->\n- Lead the guild\n- Move teams (private)\n  - ask HR first zqxSUB\n- Mentor two people\n\n## Next steps <!-- growth:next-steps -->\n- [ ] Talk to the director (private)\n  - [ ] about the counter-offer zqxACT\n- [ ] Book the training\n`;
    const carry = carryOverFrom(previous, 'sam-lee/2026-05-01.md', BUILT_IN_SCRIPT);
    assert.deepEqual(carry?.goals, ['Lead the guild', 'Move teams (private)', 'ask HR first zqxSUB (private)', 'Mentor two people']);
    assert.deepEqual(carry?.openActions, ['Talk to the director (private)', 'about the counter-offer zqxACT (private)', 'Book the training']);
    const next = renderNewNote({ person: 'Sam Lee', date: '2026-11-01', script: BUILT_IN_SCRIPT, carryOver: carry });
    const copy = shareableCopy(next, { privateFields: [], privateSections: [], script: BUILT_IN_SCRIPT });
    assert.ok('text' in copy, 'the new note can be shared');
    assert.doesNotMatch(copy.text, /zqx|Move teams|director/);
    assert.match(copy.text, /Book the training/);
  });
});
