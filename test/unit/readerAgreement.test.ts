import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { withoutLoneCr } from '../../src/core/base';
import { carryOverFrom } from '../../src/core/live';
import { analyzeNote, BUILT_IN_SCRIPT, locateOpenTask, quotableLine, summarizeNote, summaryFromAnalysis, validateNote } from '../../src/core/note';
import { shareableCopy } from '../../src/core/outputs';
import { validateNoteText } from '../../src/core/workspace';
import { generateNotes } from '../support/corpus';

/** Every Markdown file under the fixtures, and a generated corpus: the notes every reader is held to. */
function corpus(): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      // Decoded as every command and the editor decode a note: a lone CR (an old Mac export) is a line end.
      else if (name.endsWith('.md')) files.push({ name: full, text: withoutLoneCr(readFileSync(full, 'utf8')) });
    }
  };
  walk('test/fixtures');
  return [...files, ...generateNotes(200, 11).map(note => ({ name: note.path, text: note.text }))];
}

const SHARE = { privateFields: [], privateSections: [], script: BUILT_IN_SCRIPT };

/** Text as a copy shows it: spaces collapsed, so a block's text can be looked for in it. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe('one reading of a note: every reader agrees with the note model', function () {
  this.timeout(300000);
  const notes = corpus();

  it('reads the corpus (fixtures and generated notes)', () => {
    assert.ok(notes.length >= 300, `${notes.length} notes`);
  });

  it('gives every block exactly one class, and names why when it is not shared', () => {
    for (const { name, text } of notes) {
      for (const block of analyzeNote(text).note.blocks) {
        assert.ok(['shared', 'private', 'uncertain'].includes(block.privacy), name);
        assert.equal(block.privacy === 'shared', block.reason === undefined, `${name}: line ${block.startLine + 1}`);
      }
    }
  });

  it('the index counts a tag as shared only when the copy shows it', () => {
    for (const { name, text } of notes) {
      const copy = shareableCopy(text, SHARE);
      if ('refused' in copy) continue;
      for (const tag of summarizeNote(text, BUILT_IN_SCRIPT).tags) {
        if (!tag.private && tag.questionId !== undefined) assert.ok(copy.text.includes(`#${tag.name}`), `${name}: #${tag.name} on line ${tag.line + 1} is counted but not shown`);
      }
    }
  });

  it('the copy shows no text that only a block left out holds', () => {
    for (const { name, text } of notes) {
      const copy = shareableCopy(text, SHARE);
      if ('refused' in copy) continue;
      const blocks = analyzeNote(text).note.blocks;
      const shared = flat(blocks.filter(b => b.privacy === 'shared').map(b => b.text).join(' '));
      for (const block of blocks) {
        if (block.privacy === 'shared' || block.text.length < 12 || shared.includes(block.text)) continue;
        assert.ok(!flat(copy.text).includes(block.text), `${name}: line ${block.startLine + 1} (${block.reason}) is in the copy`);
      }
    }
  });

  it('carries a goal over unmarked only when the copy shows it', () => {
    for (const { name, text } of notes) {
      const copy = shareableCopy(text, SHARE);
      const carry = carryOverFrom(text, 'previous.md', BUILT_IN_SCRIPT);
      if ('refused' in copy || !carry) continue;
      for (const goal of carry.goals) {
        if (!/\(private\)$/.test(goal)) assert.ok(flat(copy.text).includes(goal), `${name}: goal "${goal}" carried as shared but not in the copy`);
      }
    }
  });

  it('can tick every open task the index lists, unless the same words are an open task twice', () => {
    let ticked = 0;
    for (const { name, text } of notes) {
      const open = summarizeNote(text, BUILT_IN_SCRIPT).tasks.filter(t => !t.done);
      for (const task of open) {
        if (open.filter(t => t.text === task.text).length > 1) continue;
        const place = locateOpenTask(text, task);
        assert.ok(place, `${name}: "${task.text}" on line ${task.line + 1} cannot be found to tick`);
        assert.equal(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')[place.line].slice(place.boxColumn, place.boxColumn + 3), '[ ]', name);
        ticked++;
      }
    }
    assert.ok(ticked > 200, `only ${ticked} tasks ticked`);
  });

  it('ticks tasks written with links, entities, emphasis, escapes, nesting and numbers', () => {
    const items = ['Read [the RFC](https://example.com/rfc)', 'Fix R&amp;D budget', 'Plan **Q3** goals', 'Pay \\*all\\* invoices', 'Ship `v2` <!-- from: 2026-01-05 -->'];
    const text = `---\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\n---\n## Next steps <!-- growth:next-steps -->\n${items.map(i => `- [ ] ${i}`).join('\n')}\n1. [ ] Numbered one\n   - [ ] Nested one\n`;
    const tasks = summarizeNote(text, BUILT_IN_SCRIPT).tasks;
    assert.equal(tasks.length, 7);
    for (const task of tasks) assert.equal(locateOpenTask(text, task)?.line, task.line, task.text);
  });

  it('validates a closed note exactly as the same note open', () => {
    for (const { name, text } of notes) {
      const context = { notePath: name };
      const open = validateNote(analyzeNote(text), context);
      const closed = validateNoteText(text, summarizeNote(text, BUILT_IN_SCRIPT), BUILT_IN_SCRIPT, context, true);
      assert.deepEqual(closed, open, name);
    }
  });

  it('validates an open note as it is typed (cut at any line, as written by people and tools) by the fast reader exactly as by the full parse', () => {
    // The editor checks an open note from the fast reader on every pause in typing: half-written notes must agree too.
    for (const note of generateNotes(40, 5, 'written')) {
      const lines = note.text.split('\n');
      for (let end = 1; end <= lines.length; end += 3) {
        const text = lines.slice(0, end).join('\n');
        const context = { notePath: note.path };
        const open = validateNote(analyzeNote(text), context);
        const fast = validateNoteText(text, summarizeNote(text, BUILT_IN_SCRIPT), BUILT_IN_SCRIPT, context, true);
        assert.deepEqual(fast, open, `${note.path} cut after line ${end}`);
      }
    }
  });

  it('keeps what hides text hidden for every reader: unclosed comments, hidden HTML, Obsidian comments around headings, private frontmatter values', () => {
    const head = (extra = '') => `---\ntype: growth-conversation\nperson: Priya Shah\ndate: 2026-01-01\n${extra}---\n`;
    const q = (id: string, body: string) => `## Q <!-- growth:${id} -->\n${body}\n\n`;
    const notes = [
      head() + q('checkin', 'Fine <!-- for me only, never closed\n\nWorried about #zqxhid1.') + '## Next steps <!-- growth:next-steps -->\n- [ ] Fix zqxhid2 soon\n',
      head() + q('checkin', 'Tired of #on-call-load <span style="display:none">zqxhid3</span> this quarter.'),
      head() + q('next-steps', '- [ ] Fix build <span style="display:none">zqxhid4</span> soon'),
      head() + q('checkin', '%% start of my aside\n\n### zqxhid5\n\nstill hidden end %%\n\nVisible.'),
      head() + q('checkin', '### Private\n\n%% open\n\n### Public\n\nzqxhid6 #zqxhid6t\n\nclose %%\n\nVisible again.'),
      head() + q('checkin', '<div style="display:none">\n\n### zqxhid7\n\n#zqxhid7t\n\n</div>\n\nVisible.'),
      head('team: Mobile, not for Priya zqxhid8\n') + q('checkin', 'Fine.'),
      head() + q('role-6-months', 'Private notes:\n\n- Move to Risk zqxhid9'),
    ];
    for (const [i, text] of notes.entries()) {
      const copy = shareableCopy(text, SHARE);
      assert.ok(!('text' in copy) || !/zqxhid/.test(copy.text), `note ${i}: the copy shows ${'text' in copy ? copy.text : ''}`);
      const summary = summarizeNote(text, BUILT_IN_SCRIPT);
      assert.deepEqual(summary, summaryFromAnalysis(analyzeNote(text)), `note ${i}: the index and the model disagree`);
      assert.deepEqual(summary.tags.filter(t => !t.private && /zqxhid/.test(t.name)), [], `note ${i}: a hidden tag counts`);
      assert.ok(!/zqxhid/.test(summary.team ?? ''), `note ${i}: the team reads as private`);
      const carry = carryOverFrom(text, 'previous.md', BUILT_IN_SCRIPT);
      for (const item of [...carry?.goals ?? [], ...carry?.openActions ?? []]) assert.ok(!/zqxhid/.test(item) || /\(private\)$/.test(item), `note ${i}: carried "${item}"`);
      const note = analyzeNote(text).note;
      for (let line = 0; line < text.split('\n').length; line++) assert.ok(!/zqxhid/.test(quotableLine(note, line) ?? ''), `note ${i}: line ${line + 1} quotable`);
    }
  });
});

