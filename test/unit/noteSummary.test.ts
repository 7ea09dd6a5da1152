import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeNote, BUILT_IN_SCRIPT, locateOpenTask, parseFrontmatter, readSummary, simpleFrontmatter, summarizeNote, summaryFromAnalysis } from '../../src/core/note';
import { LineIndex } from '../../src/core/base';
import { generateNotes } from '../support/corpus';

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap(name => {
    const full = join(folder, name);
    return statSync(full).isDirectory() ? markdownFiles(full) : name.endsWith('.md') ? [full] : [];
  });
}

function assertSameSummary(text: string, label: string) {
  const reference = summaryFromAnalysis(analyzeNote(text, BUILT_IN_SCRIPT));
  const fast = summarizeNote(text, BUILT_IN_SCRIPT);
  assert.equal(fast.isGrowthNote, reference.isGrowthNote, label);
  if (reference.isGrowthNote) assert.deepEqual(fast, reference, label);
}

describe('the fast note summary agrees with the full remark parse', () => {
  it('on every fixture note', () => {
    const files = markdownFiles('test/fixtures');
    assert.ok(files.length >= 14);
    for (const file of files) assertSameSummary(readFileSync(file, 'utf8'), file);
  });

  it('on a generated corpus of 300 notes', function () {
    this.timeout(60_000); // 300 full remark parses: seconds on a busy 2-core machine
    for (const note of generateNotes(300, 7)) assertSameSummary(note.text, note.path);
  });

  it('on a generated corpus of 300 notes whose frontmatter is written as people write it (block lists, quotes, comments, CRLF, BOM)', function () {
    this.timeout(60_000);
    for (const note of generateNotes(300, 11, 'written')) assertSameSummary(note.text, note.path);
  });

  it('reads such frontmatter without the YAML parser, to the data the parser gives', () => {
    const notes = generateNotes(300, 11, 'written').map(note => note.text.replace(/^\uFEFF/, ''));
    const shapes = { block: 0, quoted: 0, crlf: 0 };
    for (const text of notes) {
      const full = parseFrontmatter(text, new LineIndex(text));
      assert.deepEqual(simpleFrontmatter(text), { data: full.frontmatter?.data, bodyOffset: full.bodyOffset, close: text.indexOf('\n---', 3), fields: [] });
      shapes.block += Number(/\n {0,2}- /.test(text));
      shapes.quoted += Number(/: ["']/.test(text));
      shapes.crlf += Number(text.includes('\r\n'));
    }
    assert.ok(shapes.block === 300 && shapes.quoted > 100 && shapes.crlf > 60, JSON.stringify(shapes));
  });

  it('reads ordinary notes itself: the full parse is only for bodies beyond the line scanner', () => {
    const fullParses = generateNotes(300, 7).filter(note => readSummary(note.text, BUILT_IN_SCRIPT).fullParse).map(note => note.path);
    assert.deepEqual(fullParses, []);
    const head = '---\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\n---\n';
    assert.equal(readSummary(`${head}## Q\nSee [the doc](http://x.io/a) #after-link\n`, BUILT_IN_SCRIPT).fullParse, true);
    assert.equal(readSummary(`${head}## Q\n#before-link, see [the doc](http://x.io/#a) and \`#code\`\n`, BUILT_IN_SCRIPT).fullParse, false);
  });

  it('on the odd cases a line scanner could get wrong', () => {
    const head = '---\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\n---\n';
    for (const body of [
      '## Q <!-- growth:checkin -->\n#tag-in-text and `#code` and [x](http://a/#b)\n',
      '## Heading #heading-tag\n## 3. Achievements\n1. a\n   - nested\n2. \n3. c\n',
      '## Proud of\n<!-- growth:achievements -->\n- one\n- two\n\n- three\n',
      '~~~\n#fenced\n~~~\n## Next steps\n- [ ] a @me due:2026-01-01 <!-- from: 2025-01-01 -->\n- [X] b\n* [ ] c (private)\n',
      '<!--\n#hidden\n- [ ] hidden task\n-->\n## Private notes\n- [ ] mine\n',
      '# Title #h1tag\n\n> quoted #quoted\n\n1) first\n2) second\n',
    ]) assertSameSummary(head + body, body);
  });
});

describe('finding an open action item again before ticking it', () => {
  const note = ['## Next steps', '', '- [ ] Book the   CI session <!-- from: 2026-01-05 -->', '- [x] Done already', '  1. [ ] Ask @sam about on-call due:2026-07-01'];
  const book = { line: 2, text: 'Book the CI session' };

  it('finds it on its own line, with the column of its box', () => {
    assert.deepEqual(locateOpenTask(note.join('\n'), book), { line: 2, boxColumn: 2 });
    assert.deepEqual(locateOpenTask(note.join('\n'), { line: 4, text: 'Ask @sam about on-call due:2026-07-01' }), { line: 4, boxColumn: 5 });
  });

  it('follows it when lines were added above it since it was indexed', () => {
    assert.deepEqual(locateOpenTask(['New line', 'Another', ...note].join('\n'), book), { line: 4, boxColumn: 2 });
  });

  it('gives up when it is gone, done, or written twice, rather than tick a guess', () => {
    assert.equal(locateOpenTask(note.filter(l => !l.includes('CI session')).join('\n'), book), undefined);
    assert.equal(locateOpenTask(note.map(l => l.replace('[ ] Book', '[x] Book')).join('\n'), book), undefined);
    assert.equal(locateOpenTask(['- [ ] Book the CI session', ...note].join('\n'), book), undefined);
    assert.equal(locateOpenTask(note.join('\n'), { line: 3, text: 'Done already' }), undefined);
  });
});
