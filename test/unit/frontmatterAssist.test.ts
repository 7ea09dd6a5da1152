import * as assert from 'node:assert/strict';
import { applyEdits, completionsAt, hoverAt, quickFixes } from '../../src/core/live';
import { analyzeNote, validateNote } from '../../src/core/note';

const CONTEXT = { today: '2026-11-26', personFromFolder: 'Jordan Kim' };

const SPELLINGS = new Map([['ci-speed', 'ci-speed']]);
const WORKSPACE = { notePath: 'n.md', preferredSpelling: (key: string) => SPELLINGS.get(key) };

/** Applies the first fix of each problem with the given code, and returns the new text and its problems. */
function fix(text: string, code: string) {
  const analysis = analyzeNote(text);
  const problem = validateNote(analysis, WORKSPACE).find(p => p.code === code);
  assert.ok(problem, `no ${code} problem`);
  const [first] = quickFixes(analysis, problem, CONTEXT);
  assert.ok(first, `no fix for ${code}`);
  const fixed = applyEdits(text, first.edits, p => analysis.lines.offsetAt(p));
  return { title: first.title, text: fixed, codes: validateNote(analyzeNote(fixed), WORKSPACE).map(p => p.code) };
}

const HEAD = 'type: growth-conversation\nperson: Jordan\ndate: 2026-03-15\n';

describe('quick fixes', () => {
  it('replaces an invalid value with the closest valid one', () => {
    assert.deepEqual(fix(`---\n${HEAD}flightRisk: hgih # careful\n---\n`, 'invalid-value'),
      { title: 'Change to "high"', text: `---\n${HEAD}flightRisk: high # careful\n---\n`, codes: [] });
  });

  it('turns a scalar theme into a list', () => {
    assert.deepEqual(fix(`---\n${HEAD}themes: on call\n---\n`, 'invalid-type'),
      { title: 'Make themes a list', text: `---\n${HEAD}themes: [on call]\n---\n`, codes: [] });
  });

  it('rewrites a date in another common form', () => {
    assert.deepEqual(fix('---\ntype: growth-conversation\nperson: J\ndate: 15.03.2026\n---\n', 'invalid-date').text,
      '---\ntype: growth-conversation\nperson: J\ndate: 2026-03-15\n---\n');
  });

  it('merges duplicate themes in flow and block lists', () => {
    assert.deepEqual(fix(`---\n${HEAD}themes: [on-call, On Call, x]\n---\n`, 'duplicate-theme'),
      { title: 'Merge into "on-call"', text: `---\n${HEAD}themes: [on-call, x]\n---\n`, codes: [] });
    assert.equal(fix(`---\n${HEAD}themes: [x, on-call, On Call]\n---\n`, 'duplicate-theme').text, `---\n${HEAD}themes: [x, on-call]\n---\n`);
    assert.equal(fix(`---\n${HEAD}themes:\n  - a\n  - A\n  - b\n---\n`, 'duplicate-theme').text, `---\n${HEAD}themes:\n  - a\n  - b\n---\n`);
  });

  it('renames a theme to the spelling most notes use', () => {
    assert.deepEqual(fix(`---\n${HEAD}themes: [CI Speed, other]\n---\n`, 'theme-spelling'),
      { title: 'Write it "ci-speed", as most notes do', text: `---\n${HEAD}themes: [ci-speed, other]\n---\n`, codes: [] });
  });

  it('renames a misspelt key and adds missing required fields', () => {
    assert.equal(fix(`---\n${HEAD}flightrisk: low\n---\n`, 'unknown-field').text, `---\n${HEAD}flightRisk: low\n---\n`);
    assert.deepEqual(fix('---\ntype: growth-conversation\nperson: J\n---\n', 'missing-field'),
      { title: 'Add date: 2026-11-26', text: '---\ndate: 2026-11-26\ntype: growth-conversation\nperson: J\n---\n', codes: [] });
    assert.equal(fix('---\ntype: growth-conversation\ndate: 2026-01-01\n---\n', 'missing-field').title, 'Add person: Jordan Kim');
  });
});

describe('hover and completion', () => {
  const text = `---\n${HEAD}flightRisk: low\nthemes:\n  - \n\n---\n`;
  const analysis = analyzeNote(text);
  const sources = { today: '2026-11-26', people: ['Alex Morgan', 'Jordan Kim'], themes: [{ name: 'on-call-load', count: 4 }, { name: 'ci-speed', count: 3 }] };

  it('explains a key and its allowed values', () => {
    assert.equal(hoverAt(analysis, { line: 4, character: 3 }),
      '**flightRisk**: Your assessment of how likely the person is to leave. Manager-only: never in a shared copy.\n\nOne of: `low`, `medium`, `high`, `not-assessed`\n\nManager-only: never included in a shared copy.');
    assert.equal(hoverAt(analysis, { line: 4, character: 13 }), undefined);
  });

  it('offers missing keys, enum values, dates, people and workspace themes', () => {
    const labels = (line: number, character: number) => completionsAt(analysis, { line, character }, sources).map(c => c.label);
    assert.deepEqual(labels(7, 0), ['manager', 'team', 'level', 'previous', 'careerPath', 'sharedOn', 'personId', 'retainUntil', 'legalHold', 'nextConversation']);
    assert.deepEqual(labels(4, 12), ['low', 'medium', 'high', 'not-assessed']);
    assert.deepEqual(labels(3, 6), ['2026-11-26']);
    assert.deepEqual(labels(2, 8), ['Alex Morgan', 'Jordan Kim']);
    assert.deepEqual(labels(6, 4), ['on-call-load', 'ci-speed']);
    assert.deepEqual(labels(9, 0), [], 'outside the frontmatter');
  });
});
