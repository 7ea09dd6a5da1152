import * as assert from 'node:assert/strict';
import { analyzeNote, bytesDeclareGrowthNote, validateNote } from '../../src/core/note';
import { decodeNoteBytes } from '../../src/core/base';

const VALID = '---\ntype: growth-conversation\nperson: Alex\ndate: 2026-05-01\n---\n\nBody\n';

function codes(text: string): string[] {
  return validateNote(analyzeNote(text)).map(p => p.code);
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

describe('frontmatter: hostile and odd input', () => {
  afterEach(() => {
    assert.equal((globalThis as Record<string, unknown>).pwned, undefined, 'code from a note ran');
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
  });

  for (const marker of ['js', 'javascript', 'toString', '__proto__', 'coffee', 'yaml']) {
    it(`refuses a "---${marker}" opening without running anything`, () => {
      const text = `---${marker}\n{ type: "growth-conversation", x: (globalThis.pwned = true) }\n---\nbody\n`;
      const problems = validateNote(analyzeNote(text));
      assert.deepEqual(problems.map(p => p.code), ['frontmatter-language']);
      assert.deepEqual(problems[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 + marker.length } });
    });
  }

  it('reports unterminated frontmatter', () => {
    assert.deepEqual(codes('---\ntype: growth-conversation\nperson: A\n'), ['frontmatter-unterminated']);
  });

  it('reports empty frontmatter', () => {
    assert.deepEqual(codes('---\n---\nbody\n'), ['frontmatter-empty']);
    assert.deepEqual(codes('---\n   \n---\nbody\n'), ['frontmatter-empty']);
  });

  it('reports a root that is a list, a scalar or null', () => {
    assert.deepEqual(codes('---\n- type\n- person\n---\n'), ['frontmatter-not-map']);
    assert.deepEqual(codes('---\njust words\n---\n'), ['frontmatter-not-map']);
    assert.deepEqual(codes('---\n~\n---\n'), ['frontmatter-not-map']);
  });

  it('reads a file with a byte-order mark and CRLF line ends', () => {
    const analysis = analyzeNote('\uFEFF' + VALID.replace(/\n/g, '\r\n') + '## 1. How are you doing? <!-- growth:checkin -->\r\nFine\r\n');
    assert.equal(analysis.note.person, 'Alex');
    assert.deepEqual(validateNote(analysis), []);
    assert.equal(analysis.note.sections[0].questionId, 'checkin');
    assert.equal(analysis.note.sections[0].headingLine, 7);
  });

  it('reports a duplicate key at the second key', () => {
    const problems = validateNote(analyzeNote('---\ntype: growth-conversation\nperson: A\nperson: B\ndate: 2026-01-01\n---\n'));
    assert.deepEqual(problems.map(p => [p.code, p.range.start.line]), [['yaml-duplicate-key', 3]]);
  });

  it('refuses a %YAML 1.1 directive', () => {
    const problems = validateNote(analyzeNote('---\n%YAML 1.1\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\nactive: yes\n---\n'));
    assert.deepEqual(problems.map(p => [p.code, p.range.start.line]), [['yaml-directive', 1]]);
  });

  it('refuses a !!js/function tag and does not run it', () => {
    const text = '---\ntype: growth-conversation\nperson: !!js/function "function () { globalThis.pwned = true }"\ndate: 2026-01-01\n---\n';
    const problems = validateNote(analyzeNote(text));
    assert.deepEqual(problems.map(p => [p.code, p.range.start.line]), [['yaml-tag', 2]]);
  });

  // These limits catch a bomb or a parse that grows out of bounds (minutes, gigabytes), not a slow machine:
  // speed targets live in `npm run bench`, so each limit is many times what a loaded machine takes.
  it('rejects an alias bomb at once, never expanding it', () => {
    let yaml = 'type: growth-conversation\na0: &a0 [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++) yaml += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    const { value, ms } = timed(() => codes(`---\n${yaml}---\n`));
    assert.deepEqual(value, ['yaml-alias']);
    assert.ok(ms < 2000, `took ${ms} ms`);
  });

  it('keeps __proto__ and constructor keys as plain unknown fields, without pollution', () => {
    const text = '---\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\n__proto__:\n  polluted: yes\nconstructor: 1\n---\n';
    const analysis = analyzeNote(text);
    const problems = validateNote(analysis);
    assert.deepEqual(problems.map(p => [p.code, p.range.start.line]), [['unknown-field', 4], ['unknown-field', 6]]);
    assert.equal(Object.getPrototypeOf(analysis.note.data), Object.prototype);
    assert.equal((analysis.note.data as Record<string, unknown>).polluted, undefined);
  });

  it('refuses 100,000 nested brackets quickly', () => {
    const { value, ms } = timed(() => codes(`---\ntype: growth-conversation\nperson: ${'['.repeat(100_000)}\n---\n`));
    assert.deepEqual(value, ['frontmatter-too-large']);
    const deep = timed(() => codes(`---\ntype: growth-conversation\nperson: ${'['.repeat(60_000)}\n---\n`));
    assert.deepEqual(deep.value, ['frontmatter-too-deep']);
    assert.ok(ms + deep.ms < 5000, `took ${ms + deep.ms} ms`);
  });

  it('caps a 2 MB frontmatter with a clear message', () => {
    const text = `---\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\nnotes: "${'x'.repeat(2 * 1024 * 1024)}"\n---\n`;
    const { value, ms } = timed(() => validateNote(analyzeNote(text)));
    assert.deepEqual(value.map(p => p.code), ['frontmatter-too-large']);
    assert.match(value[0].message, /larger than 64 KB/);
    assert.ok(ms < 10000, `took ${ms} ms`);
  });

  it('reports invalid UTF-8 instead of guessing', () => {
    const bytes = new Uint8Array([...Buffer.from('---\ntype: growth-conversation\nperson: '), 0xff, 0xfe, 0x80, ...Buffer.from('\n---\n')]);
    const decoded = decodeNoteBytes(bytes);
    assert.ok('problem' in decoded);
    assert.equal(decoded.problem.code, 'not-utf8');
    assert.deepEqual(decodeNoteBytes(Buffer.from('\uFEFFok')), { text: 'ok' });
  });

  it('reads UTF-16 notes with a byte-order mark, little and big endian, as Windows tools save them', () => {
    const note = `${VALID}Zoë is fine. #café\n## Private notes\nsecret\n`;
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(note, 'utf16le')]);
    const big = Buffer.from(little.map((_, i) => little[i ^ 1]));
    for (const [name, bytes] of [['LE', little], ['BE', big]] as const) {
      assert.deepEqual(decodeNoteBytes(bytes), { text: note }, name);
      assert.equal(bytesDeclareGrowthNote(bytes), true, name);
      assert.deepEqual(codes(note), [], name);
    }
  });

  it('reports UTF-16 that cannot be decoded, or that has no byte-order mark, in plain words', () => {
    const broken = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VALID, 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]); // a lone surrogate
    const unmarked = Buffer.from(VALID, 'utf16le');
    const messages = [broken, unmarked].map(bytes => {
      const decoded = decodeNoteBytes(bytes);
      assert.ok('problem' in decoded);
      assert.equal(decoded.problem.code, 'not-utf8');
      assert.equal(bytesDeclareGrowthNote(bytes), true, 'still known as a growth note, so the problem is shown');
      return decoded.problem.message;
    });
    assert.deepEqual(messages, [
      'This file is UTF-16 text with broken characters, so it was not read. Re-save it as UTF-8.',
      'This file looks like UTF-16 text without a byte-order mark, so it was not read. Re-save it as UTF-8.',
    ]);
    assert.equal(bytesDeclareGrowthNote(Buffer.from('\uFEFF# Just Markdown\n', 'utf16le')), false);
  });

  it('reports YAML syntax errors at their place', () => {
    const problems = validateNote(analyzeNote('---\ntype: growth-conversation\nperson: [unclosed\ndate: 2026-01-01\n---\n'));
    assert.ok(problems.length > 0);
    assert.ok(problems.every(p => p.code === 'yaml-syntax'));
  });

  it('refuses collection keys', () => {
    assert.deepEqual(codes('---\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\n? [a, b]\n: c\n---\n'), ['yaml-complex-key']);
  });

  it('treats a file without frontmatter as not a growth note', () => {
    const analysis = analyzeNote('# Just notes\n');
    assert.equal(analysis.note.isGrowthNote, false);
    assert.deepEqual(validateNote(analysis), []);
  });

  it('recognises a broken growth note by its type line', () => {
    assert.equal(analyzeNote('---js\ntype: growth-conversation\n---\n').note.isGrowthNote, true);
    assert.equal(analyzeNote('---\ntype: growth-conversation\nperson: [\n---\n').note.isGrowthNote, true);
    assert.equal(analyzeNote('---\ntype: blog-post\n---\n').note.isGrowthNote, false);
  });
});

describe('body: inputs that make remark slow or overflow', () => {
  const head = '---\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\n---\n';
  for (const [name, body] of [
    ['">" repeated 10,000 times', '>'.repeat(10_000) + ' deep\n'],
    ['"*a" repeated 50,000 times', '*a'.repeat(50_000) + '\n'],
    ['"- " repeated 5,000 times', '- '.repeat(5_000) + 'x\n'],
    ['"[" repeated 50,000 times', '['.repeat(50_000) + '\n'],
    ['a body over 512 KB', 'word '.repeat(120_000) + '\n'],
  ] as const) {
    it(`skips ${name} with a warning, quickly`, () => {
      const { value, ms } = timed(() => validateNote(analyzeNote(head + body)));
      assert.deepEqual(value.map(p => p.code), ['body-too-complex']);
      assert.equal(value[0].range.start.line, 5);
      assert.ok(ms < 15000, `took ${ms} ms`);
    });
  }

  it('still reads a body just under the nesting limit', () => {
    const analysis = analyzeNote(head + '> '.repeat(20) + 'quoted #deep-theme\n');
    assert.deepEqual(analysis.note.tags.map(t => t.name), ['deep-theme']);
  });
});
