// Properties of the parser, the validator, the quick fixes and the frontmatter edits, over generated
// input. Run briefly in `npm test` (unit) and for as long as asked by `npm run fuzz -- --seconds N`.
import fc from 'fast-check';
import { applyEdits, quickFixes, setFrontmatterField } from '../../src/core/live';
import * as assert from 'node:assert/strict';
import { analyzeNote, BUILT_IN_SCRIPT, parseFrontmatter, simpleFrontmatter, summarizeNote, validateNote } from '../../src/core/note';
import { LineIndex, Problem } from '../../src/core/base';

/** Parsing never throws or hangs, and every reported range lies inside the document. */
export const TIME_BOUND_MS = 2000;

const yamlish = fc.stringMatching(/^[ a-zA-Z0-9:\-[\]{}#&*!|>'",.?%@`\n]{0,300}$/);
const markdownish = fc.stringMatching(/^[ a-zA-Z0-9#*_>\-[\]()`~<!|:.\n]{0,600}$/);
const nested = fc.tuple(fc.constantFrom('[', '{', '>', '- ', '*a', '<!--', '#'), fc.integer({ min: 1, max: 20_000 })).map(([unit, n]) => unit.repeat(n));
const bytesAsText = fc.uint8Array({ maxLength: 400 }).map(bytes => Buffer.from(bytes).toString('latin1'));

export const noteText = fc.oneof(
  fc.tuple(yamlish, markdownish).map(([yaml, body]) => `---\n${yaml}\n---\n${body}`),
  fc.tuple(fc.constantFrom('---js', '---', '---\r', '\uFEFF---', '---yaml'), yamlish, markdownish).map(([open, yaml, body]) => `${open}\n${yaml}\n---\n${body}`),
  fc.tuple(yamlish, nested).map(([yaml, deep]) => `---\ntype: growth-conversation\n${yaml}\n---\n${deep}`),
  nested.map(deep => `---\ntype: growth-conversation\nperson: ${deep}\n---\n`),
  bytesAsText,
  fc.string({ maxLength: 2000 }),
  fc.integer({ min: 1, max: 200_000 }).map(n => `---\ntype: growth-conversation\nperson: ${'x'.repeat(n)}\n---\n${'word '.repeat(n / 5)}`),
);

export function rangesInside(text: string, problems: readonly Problem[]): boolean {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  return problems.every(({ range: { start, end } }) => start.line >= 0 && start.line < lines.length && end.line < lines.length
    && start.character >= 0 && start.character <= lines[start.line].length && end.character <= lines[end.line].length
    && (end.line > start.line || end.character >= start.character));
}

export function parsingPredicate(text: string): boolean {
  // CPU time, not wall time: the bound is about the parser, not about how busy the machine is.
  const started = process.cpuUsage();
  const problems = validateNote(analyzeNote(text));
  const used = process.cpuUsage(started);
  const took = (used.user + used.system) / 1000;
  if (took > TIME_BOUND_MS) throw new Error(`took ${took.toFixed(0)} ms`);
  if (!rangesInside(text, problems)) throw new Error(`a range lies outside the document: ${JSON.stringify(problems.map(p => p.range))}`);
  return true;
}
export const parsingHolds = fc.property(noteText, parsingPredicate);

// Frontmatter made of well-formed lines with realistic mistakes in the values.
const token = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
const fieldLine = fc.oneof(
  fc.constantFrom('flightRisk: hgih', 'flightRisk: low', 'level: mid-level', 'level: senior', 'careerPath: architect', 'themes: on-call',
    'themes: [a, A, b]', 'date: 05/03/2026', 'date: 2026-02-30', 'sharedOn: 2026-3-5', 'flightrisk: low', 'team: Platform', 'mood: fine # comment'),
  fc.tuple(token, token).map(([key, value]) => `${key}: ${value}`),
);
const frontmatter = fc.uniqueArray(fieldLine, { minLength: 0, maxLength: 8, selector: line => line.split(':')[0].toLowerCase() })
  .map(lines => ['type: growth-conversation', 'person: Sam', ...lines.filter(l => !/^(type|person):/.test(l))]);

/** A quick fix never adds an error on a line it did not touch. */
export function quickFixesPredicate(lines: string[]): boolean {
  const text = `---\n${lines.join('\n')}\n---\nBody\n`;
  const analysis = analyzeNote(text);
  const before = validateNote(analysis);
  const errorsByLine = (source: string, problems: readonly Problem[]) => {
    const sourceLines = source.split('\n');
    return problems.filter(p => p.severity === 'error').map(p => `${p.code} on "${sourceLines[p.range.start.line]}"`);
  };
  const old = errorsByLine(text, before);
  for (const problem of before) {
    for (const fix of quickFixes(analysis, problem, { today: '2026-11-26', personFromFolder: 'Sam' })) {
      const fixed = applyEdits(text, fix.edits, p => analysis.lines.offsetAt(p));
      const touched = fixed.split('\n').filter(line => fix.edits.some(edit => edit.newText !== '' && line.includes(edit.newText.trim())));
      const added = errorsByLine(fixed, validateNote(analyzeNote(fixed)))
        .filter(error => !old.includes(error) && !touched.some(line => error.endsWith(`"${line}"`)));
      if (added.length > 0) throw new Error(`"${fix.title}" introduced ${added.join(', ')} in:\n${fixed}`);
    }
  }
  return true;
}
export const quickFixesHold = fc.property(frontmatter, quickFixesPredicate);

const value = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,15}$/).filter(v => !/ $/.test(v));
/** Setting one field leaves every other line as it was, and the field reads back as set. */
export function editsPredicate(lines: string[], key: string, newValue: string): boolean {
  const withComments = lines.map((line, i) => (i % 3 === 2 ? `${line}   # note ${i}` : line));
  const text = `---\n${withComments.join('\n')}\n---\nBody\n`;
  const analysis = analyzeNote(text);
  const edit = setFrontmatterField(analysis, key, newValue);
  if (!edit) return true; // unreadable frontmatter or a list value: nothing is touched
  const edited = applyEdits(text, [edit], p => analysis.lines.offsetAt(p)).split('\n');
  const original = text.split('\n');
  const untouched = original.filter(line => !line.startsWith(`${key}:`));
  for (const line of untouched) if (!edited.includes(line)) throw new Error(`"${line}" changed when setting ${key}`);
  const result = analyzeNote(edited.join('\n')).note.data[key];
  if (result !== newValue) throw new Error(`${key} reads back as ${JSON.stringify(result)}, not ${JSON.stringify(newValue)}`);
  return true;
}
export const editsKeepOtherKeys = fc.property(frontmatter, fc.constantFrom('flightRisk', 'careerPath', 'sharedOn', 'team', 'person'), value, editsPredicate);

/** Markdown constructs a hostile or careless note repeats: each makes some parser slow when repeated. */
export const REPEATED_CONSTRUCTS: Record<string, string> = {
  'nested tag': '#a/', 'underlined headings': 'a\n=\n', 'dash-underlined headings': 'a\n-\n', 'table rows': '| a #t | b |\n',
  'block quotes': '> ', 'lazy quote lines': '> a\nb\n', 'long line': 'word #tag ', 'emphasis': '*a _b_ ', 'links': '[a](b) ',
  'open brackets': '[a ', 'inline HTML': '<span a="#x">', 'HTML blocks': '<div>\n', 'comments': '<!-- c -->', 'code spans': '`a ',
  'entities': '&amp;#x ', 'list items': '- [ ] a #t\n', 'nested items': '  - ', 'private items': '- b (private)\n  c\n', 'fences': '```\n',
  'tabs': '\t- a\n', 'headings': '## 3. Achievements\n1. a\n',
};
const TIME_PER_KB_MS = 60;
const TIME_BASE_MS = 1000;

/**
 * Reading a note never goes superlinear: a construct repeated up to 64 KB under a question (and
 * perhaps under a table header, which turns lines into rows) takes at most a fixed CPU time per KB in both readers.
 */
export function linearPredicate(construct: string, kilobytes: number, inTable = false): boolean {
  const unit = REPEATED_CONSTRUCTS[construct];
  const body = unit.repeat(Math.ceil((kilobytes * 1024) / unit.length)).slice(0, kilobytes * 1024);
  const text = `---\ntype: growth-conversation\nperson: Sam\ndate: 2026-01-01\n---\n## 1. How are you doing? <!-- growth:checkin -->\n${inTable ? '| h | i |\n| - | - |\n' : ''}${body}\n`;
  // CPU time, not wall time: the bound is about the work done, not about how busy the machine is.
  const started = process.cpuUsage();
  validateNote(analyzeNote(text));
  summarizeNote(text, BUILT_IN_SCRIPT);
  const used = process.cpuUsage(started);
  const took = (used.user + used.system) / 1000;
  const allowed = TIME_BASE_MS + TIME_PER_KB_MS * kilobytes;
  if (took > allowed) throw new Error(`${kilobytes} KB of "${construct}" took ${took.toFixed(0)} ms (allowed ${allowed} ms)`);
  return true;
}
export const readingIsLinear = fc.property(fc.constantFrom(...Object.keys(REPEATED_CONSTRUCTS)), fc.integer({ min: 1, max: 64 }), fc.boolean(), linearPredicate);

// Frontmatter in the shapes the flat reader takes on, and the near misses it must hand to the YAML parser.
const fmKey = fc.oneof(fc.constantFrom('type', 'person', 'themes', 'True', 'null', 'Key', 'key'), fc.integer({ min: 0, max: 40 }).map(n => `k${n}`));
const fmPlain = fc.constantFrom('remote work', 'Zoë', "O'Brien", 'pay', 'on_call', 'a/b', '2026-01-02', 'growth-conversation');
const fmWord = fc.constantFrom('remote work', 'Zoë', "O'Brien", 'pay', 'on_call', 'a/b', 'null', 'True', '~', 'yes', '12', '1.5', '2026-01-02', '2026-1-2',
  '#tag', 'a #b', 'a#b', 'x: y', '-x', '[a, b]', '[]', '[a, "b, c"]', '{a: 1}', '&anchor', '*alias', '!!str a', '|', '>', '%x', '@x', '`x`', '- x');
const fmQuoted = fc.tuple(fc.constantFrom('"', "'"), fc.stringMatching(/^[ a-zA-Zë:#,'"\\\t-]{0,10}$/)).map(([q, inner]) => `${q}${inner}${q}`);
const fmValue = fc.oneof({ weight: 4, arbitrary: fmPlain }, { weight: 2, arbitrary: fmQuoted }, { weight: 1, arbitrary: fmWord }, { weight: 1, arbitrary: fc.constant('') });
const fmComment = fc.constantFrom('', '', '', ' # note', '# x', '  ');
const fmScalarLine = fc.tuple(fmKey, fmValue, fmComment).map(([key, value, comment]) => [`${key}:${value === '' ? '' : ' '}${value}${comment}`]);
const fmBlockList = fc.tuple(fmKey, fmComment, fc.constantFrom('', '  ', '    '), fc.array(fc.tuple(fmValue, fmComment), { minLength: 1, maxLength: 4 }))
  .map(([key, comment, indent, items]) => [`${key}:${comment}`, ...items.map(([value, itemComment]) => `${indent}- ${value}${itemComment}`)]);
// Near misses: lines the flat reader must leave to the parser, alone or inside a list.
const fmOddLine = fc.oneof(
  fc.tuple(fc.constantFrom('', ' ', '  ', '    ', '\t', '  \t'), fc.constantFrom('- ', '-  ', '-', '-\t'), fmValue, fmComment).map(([indent, dash, value, comment]) => `${indent}${dash}${value}${comment}`),
  fc.constantFrom('# comment', '  # indented comment', '', '   ', 'key:value', '  more words', '? complex', '---x', '  nested: map'),
).map(line => [line]);
export const fmLines = fc.tuple(fc.array(fc.oneof({ weight: 3, arbitrary: fmScalarLine }, { weight: 3, arbitrary: fmBlockList }, { weight: 1, arbitrary: fmOddLine }), { maxLength: 5 }), fc.boolean())
  .map(([groups, crlf]) => ({ lines: ['type: growth-conversation', ...groups.flat()], crlf }));

/** Whatever the flat reader takes on, the YAML parser reads without a problem, to the same data and the same body. */
export function flatFrontmatterPredicate(written: { lines: string[]; crlf: boolean }): boolean {
  const eol = written.crlf ? '\r\n' : '\n';
  const text = `---${eol}${written.lines.join(eol)}${eol}---${eol}Body${eol}`;
  const fast = simpleFrontmatter(text);
  if (!fast) return true;
  const full = parseFrontmatter(text, new LineIndex(text));
  if (full.problems.length > 0) throw new Error(`read flat, but the parser finds problems: ${full.problems.map(p => p.message).join('; ')}`);
  assert.deepEqual(fast.data, full.frontmatter?.data);
  assert.equal(fast.bodyOffset, full.bodyOffset);
  return true;
}
export const flatFrontmatterAgrees = fc.property(fmLines, flatFrontmatterPredicate);

export const PROPERTIES = { parsingHolds, quickFixesHold, editsKeepOtherKeys, readingIsLinear, flatFrontmatterAgrees };

/** The checks behind each property, for replaying a saved input: property name to predicate. */
export const PREDICATES: Record<string, (...input: never[]) => boolean> = {
  parsingHolds: parsingPredicate, quickFixesHold: quickFixesPredicate, editsKeepOtherKeys: editsPredicate, readingIsLinear: linearPredicate,
  flatFrontmatterAgrees: flatFrontmatterPredicate,
};
