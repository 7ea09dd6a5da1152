import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analysisForValidation, FILE_CLOCK_ALLOWANCE_MS, indexContext, indexFile, NotePipeline, PipelineUpdate, READER_VERSION, scriptKey, themeTree, validateBuiltSource } from '../../src/core/workspace';
import { analyzeNote, BUILT_IN_SCRIPT, QuestionScript, summarizeNote, validateNote } from '../../src/core/note';
import { isMap, isNode, isScalar, isSeq } from 'yaml';
import { generateNotes, random } from '../support/corpus';
import { InMemoryNoteSource } from '../support/inMemoryNoteSource';

const SAMPLE = 'test/fixtures/sample-workspace';

function files(folder: string): string[] {
  return readdirSync(folder).flatMap(name => {
    const full = join(folder, name);
    return statSync(full).isDirectory() ? files(full) : name.endsWith('.md') ? [full] : [];
  });
}

function fixtureTexts(root: string): [string, string][] {
  return files(root).map(file => [relative(root, file), readFileSync(file, 'utf8')]);
}

const note = (person: string, body: string, extra = '') => `---\ntype: growth-conversation\nperson: ${person}\ndate: 2026-01-01\n${extra}---\n${body}\n`;

/** Reports the source's queued changes and resolves once the pipeline has applied them. */
async function flushed(source: InMemoryNoteSource, pipeline: NotePipeline): Promise<PipelineUpdate | undefined> {
  let subscription: { dispose(): void } | undefined;
  const update = new Promise<PipelineUpdate>(resolve => { subscription = pipeline.onDidUpdate(resolve); });
  try {
    return source.flush().length > 0 ? await update : undefined;
  } finally {
    subscription?.dispose();
  }
}

const byPath = (pipeline: NotePipeline) => pipeline.index.all().sort((a, b) => a.path.localeCompare(b.path));

describe('the note pipeline, against an in-memory source', () => {
  it('creates, changes, deletes and renames notes from batched events, reading each changed file once', async () => {
    const source = new InMemoryNoteSource([['a.md', note('A', '#ci-speed')], ['readme.md', '# not a note']]);
    const pipeline = new NotePipeline(source, { script: BUILT_IN_SCRIPT, keepTexts: true });
    await pipeline.build();
    assert.deepEqual(byPath(pipeline).map(n => [n.path, n.person]), [['a.md', 'A']]);
    let refreshes = 0;
    pipeline.index.onDidChange(() => refreshes++);

    source.resetReads();
    source.write('b.md', note('B', '#ci-speed'));
    source.write('a.md', note('A2', '#onboarding'));
    let update = (await flushed(source, pipeline))!;
    assert.deepEqual([...update.changed].sort(), ['a.md', 'b.md']);
    assert.deepEqual([...update.texts.keys()].sort(), ['a.md', 'b.md'], 'the texts read travel with the update');
    assert.deepEqual([...source.reads.entries()].sort(), [['a.md', 1], ['b.md', 1]]);
    assert.deepEqual(byPath(pipeline).map(n => [n.path, n.person, n.tags.map(t => t.name)]), [['a.md', 'A2', ['onboarding']], ['b.md', 'B', ['ci-speed']]]);
    assert.equal(refreshes, 1, 'one refresh for the batch');

    source.rename('b.md', 'people/b.md');
    update = (await flushed(source, pipeline))!;
    assert.deepEqual([update.changed, update.removed], [['people/b.md'], ['b.md']]);
    assert.deepEqual(byPath(pipeline).map(n => n.path), ['a.md', 'people/b.md']);

    source.delete('a.md');
    source.write('readme.md', '# still not a note');
    update = (await flushed(source, pipeline))!;
    assert.deepEqual([update.changed, update.removed], [[], ['a.md']]);
    assert.deepEqual(byPath(pipeline).map(n => n.path), ['people/b.md']);
    assert.equal(pipeline.knows('readme.md'), true);
    assert.equal(pipeline.knows('a.md'), false);
    assert.equal(refreshes, 3);
  });

  it('applies a burst of 500 events as one update, and the last event for a path wins', async () => {
    const source = new InMemoryNoteSource();
    const pipeline = new NotePipeline(source, { script: BUILT_IN_SCRIPT });
    await pipeline.build();
    let refreshes = 0;
    pipeline.index.onDidChange(() => refreshes++);
    for (let i = 0; i < 500; i++) source.write(`n${i}.md`, note(`P${i % 7}`, `#t${i % 5}`));
    source.delete('n3.md');
    const update = (await flushed(source, pipeline))!;
    assert.equal(update.changed.length, 499);
    assert.equal(pipeline.index.size, 499);
    assert.equal(source.reads.get('n3.md'), undefined, 'a file deleted within the burst is never read');
    assert.equal(source.totalReads, 499);
    assert.equal(refreshes, 1);
  });

  it('indexes unsaved edits without caching them, and the file again when they are dropped', async () => {
    const source = new InMemoryNoteSource([['a.md', note('A', '#disk')]]);
    const pipeline = new NotePipeline(source, { script: BUILT_IN_SCRIPT });
    await pipeline.build();
    // The cache is written (by the editor, seconds after a change), so its entry may stand for the file.
    pipeline.cacheWritten(pipeline.cacheEntries, source.stamp());
    source.edit('a.md', note('A', '#typed'));
    await flushed(source, pipeline);
    assert.deepEqual(pipeline.index.get('a.md')?.tags.map(t => t.name), ['typed']);
    assert.deepEqual(pipeline.cacheEntries.get('a.md')?.summary.tags.map(t => t.name), ['disk'], 'the cache holds only what is on disk');
    source.resetReads();
    source.revert('a.md');
    await flushed(source, pipeline);
    assert.deepEqual(pipeline.index.get('a.md')?.tags.map(t => t.name), ['disk']);
    assert.equal(source.totalReads, 0, 'the unchanged file comes back from the cache');
  });

  it('reports files it leaves out, with the problem to show when they claim to be notes', async () => {
    const huge = note('H', 'x'.repeat(5 * 1024 * 1024));
    const source = new InMemoryNoteSource([['huge.md', huge], ['latin1.md', Buffer.from(note('Ren\xe9', ''), 'latin1')], ['ok.md', note('O', '')]]);
    const pipeline = new NotePipeline(source, { script: BUILT_IN_SCRIPT, keepTexts: true });
    const { texts } = await pipeline.build();
    assert.deepEqual([...pipeline.skipped].map(([path, s]) => [path, s.reason, s.problem.code, s.declaresGrowthNote]).sort(), [
      ['huge.md', 'larger than 4 MB', 'file-too-large', true],
      ['latin1.md', 'not valid UTF-8 text', 'not-utf8', true],
    ]);
    assert.equal(source.reads.get('huge.md'), undefined, 'a huge file is never read whole');
    assert.deepEqual(validateBuiltSource(pipeline, texts).map(f => [f.path, f.problems.map(p => p.code)]), [
      ['huge.md', ['file-too-large']], ['latin1.md', ['not-utf8']], ['ok.md', []],
    ]);
  });

  it('reads every note again when the question script changes (the script is part of the cache key)', async () => {
    const text = note('A', '## 8. Change <!-- growth:change-anything -->\n#pay\n');
    const source = new InMemoryNoteSource([['a.md', text]]);
    const pipeline = new NotePipeline(source, { script: BUILT_IN_SCRIPT });
    await pipeline.build();
    assert.equal(pipeline.index.get('a.md')?.tags[0].questionId, 'change-anything');
    const own: QuestionScript = { name: 'ours', questions: [{ id: 'wishes', title: 'Change', why: '', listenFor: '', capture: '', optional: false }] };
    assert.notEqual(scriptKey(own), scriptKey(BUILT_IN_SCRIPT));
    assert.equal(pipeline.setScript(own), true);
    source.resetReads();
    const update = await pipeline.build();
    assert.deepEqual([update.parsed, update.reused, source.totalReads], [1, 0, 1]);
    assert.equal(pipeline.index.get('a.md')?.tags[0].questionId, 'wishes');
    assert.equal(pipeline.setScript(own), false, 'the same script again changes nothing');
    pipeline.cacheWritten(pipeline.cacheEntries, source.stamp());
    assert.deepEqual([(await pipeline.build()).reused, source.totalReads], [1, 1]);
  });

  it('incremental updates equal a full rebuild after random sequences of creates, changes, deletes, renames and bursts', async () => {
    const texts = fixtureTexts(SAMPLE).map(([, text]) => text);
    for (const seed of [3, 17, 29]) {
      const next = random(seed);
      const source = new InMemoryNoteSource();
      const live = new NotePipeline(source, { script: BUILT_IN_SCRIPT });
      await live.build();
      for (let step = 0; step < 200; step++) {
        const paths = source.paths;
        const choice = next();
        if (choice < 0.45 || paths.length === 0) {
          const text = texts[Math.floor(next() * texts.length)].replace(/person: [^\n]+/, `person: P${Math.floor(next() * 8)}`);
          source.write(`d${Math.floor(next() * 3)}/n${Math.floor(next() * 30)}.md`, text);
        } else if (choice < 0.7) source.delete(paths[Math.floor(next() * paths.length)]);
        else source.rename(paths[Math.floor(next() * paths.length)], `r${step}.md`);
        // Flush at random points: batches of one event and bursts of many.
        if (next() < 0.3) await flushed(source, live);
      }
      await flushed(source, live);
      const rebuilt = new NotePipeline(source, { script: BUILT_IN_SCRIPT });
      await rebuilt.build();
      assert.deepEqual(byPath(live), byPath(rebuilt), `seed ${seed}`);
      assert.deepEqual(live.index.themeUsage(), rebuilt.index.themeUsage());
      const mapsAsLists = (_key: string, value: unknown) => (value instanceof Map ? [...value.entries()].sort() : value);
      assert.equal(JSON.stringify(themeTree(live.index, {}, 2), mapsAsLists), JSON.stringify(themeTree(rebuilt.index, {}, 2), mapsAsLists));
      assert.deepEqual([...live.cacheEntries.keys()].sort(), [...rebuilt.cacheEntries.keys()].sort());
    }
  });
});

/** The start and end of every node of a frontmatter map, keys, values and items, as [path, start, end]. */
function nodeRanges(node: unknown, path = ''): [string, number, number][] {
  if (!isNode(node)) return [];
  const own: [string, number, number][] = node.range ? [[path, node.range[0], node.range[1]]] : [];
  if (isMap(node)) return [...own, ...node.items.flatMap(pair => [...nodeRanges(pair.key, `${path}/key`), ...nodeRanges(pair.value, `${path}/${String(isScalar(pair.key) ? pair.key.value : '?')}`)])];
  if (isSeq(node)) return [...own, ...node.items.flatMap((item, i) => nodeRanges(item, `${path}/${i}`))];
  return own;
}

describe('validation through the index', () => {
  it('gives the same problems as the full parse, on every fixture and a generated corpus', async function () {
    // Hundreds of full remark parses: slow on a busy machine.
    this.timeout(60_000);
    const inputs: [string, string][] = [
      ...fixtureTexts(SAMPLE), ...fixtureTexts('test/fixtures/hostile-workspace'), ...fixtureTexts('test/fixtures/archive-workspace'),
      ...generateNotes(200, 5).map(n => [n.path, n.text] as [string, string]),
      ...generateNotes(200, 6, 'written').map(n => [`written/${n.path}`, n.text] as [string, string]),
    ];
    const source = new InMemoryNoteSource(inputs);
    const pipeline = new NotePipeline(source, { script: BUILT_IN_SCRIPT, keepTexts: true });
    const { texts } = await pipeline.build();
    let checked = 0;
    for (const indexed of pipeline.index.all()) {
      const text = texts.get(indexed.path)!;
      const context = indexContext(pipeline, indexed.path);
      const full = validateNote(analyzeNote(text, BUILT_IN_SCRIPT), context);
      assert.deepEqual(validateNote(analysisForValidation(text, BUILT_IN_SCRIPT, indexed), context), full, indexed.path);
      assert.deepEqual(validateNote(analysisForValidation(text, BUILT_IN_SCRIPT, indexed, true), context), full, `${indexed.path}, summary of this text`);
      checked++;
    }
    assert.ok(checked > 400, `${checked} notes checked`);
  });

  it('places every frontmatter problem where the YAML parser does, for flat frontmatter read without it', () => {
    const body = '## 3. Achievements <!-- growth:achievements -->\n1. Shipped the thing #ci-speed\n';
    const variants = [
      'type: growth-conversation\nperson: Alex Morgan\ndate: 2026-02-30\nthemes: [ci-speed, CI speed,  Pay ,pay]\n',
      'type:   growth-conversation   # the type\nperson:\t Sam Lee\t\ndate: 2026-13-01\nflightRisk: hgih\nthemes: []\n',
      'type: growth-conversation\r\nperson: Mei Chen\r\ndate: 2026-01-05\r\nprevious: x/2025-07-01.md\r\n',
      'type: growth-conversation\nperson: Mei Chen\ndate: 2026-01-05\nprevious: ../x/2025-07-01.md\n',
      '# a comment\ntype: growth-conversation\n\nperson: Zoë Ångström\ndate: 2026-01-05\nteem: Platform\nthemes: [on-call-load]\nmanager:\n',
      'type: growth-conversation\nperson: Priya Shah\ndate: 2026-02-29\ncareerPath: architect\nlevel: wizard\nsharedOn: 2026-02-31\nnextConversation: soon\n',
      'type: growth-conversation\nperson: P\ndate: 2026-01-05\nthemes: onboarding\ntags: [a, b]\n',
      'type: growth-conversation\nperson: Lee Park\ndate: 2026-01-05\nthemes: [ Tech Debt , tech-debt,meetings ]\n',
      // Block lists and quoted values, as formatters and people write them.
      'type: growth-conversation\nperson: \'Ana Lee\'\ndate: "2026-02-30"\nthemes:\n  - ci-speed\n  - CI speed # again\n  - "Pay"\n  - \'pay\'\nlevel: wizard\n',
      'type: "growth-conversation"\nperson: Mei Chen\ndate: 2026-01-05\n# Themes, in their words\nthemes:\n- Tech Debt\n\n- tech-debt\n# a comment after\nflightRisk: "hgih"  # typo\n',
      'type: growth-conversation\r\nperson: Lee Park\r\ndate: 2026-13-05\r\nthemes:\r\n  - meetings\r\n  - Tech Debt\r\n  - tech-debt\r\n',
      'type: growth-conversation\nperson: Lee Park\ndate: 2026-01-05\nthemes:\n  - on-call-load\n  - On Call Load\n',
      'type: growth-conversation\nperson: Lee Park\ndate: 2026-01-05\ntags:\n  - a\nthemes:\n    - pay\n    - Pay\nsharedOn: \'2026-02-31\'\n',
    ];
    const spellings = new Map([['ci-speed', 'ci-speed'], ['pay', 'Pay'], ['tech-debt', 'tech-debt'], ['on-call-load', 'On Call Load']]);
    let placed = 0;
    for (const [i, frontmatter] of variants.entries()) {
      const text = `---\n${frontmatter}---\n${body}`.replace(/^---\n(?=[^]*\r\n)/, '---\r\n');
      const context = { notePath: `notes/n${i}.md`, personAt: (path: string) => (path.endsWith('x/2025-07-01.md') ? 'Someone Else' : undefined), preferredSpelling: (key: string) => spellings.get(key) };
      const summary = summarizeNote(text, BUILT_IN_SCRIPT);
      assert.equal(summary.achievements, 1, `variant ${i} takes the fast path`);
      const flat = analysisForValidation(text, BUILT_IN_SCRIPT, summary);
      const parsed = analyzeNote(text, BUILT_IN_SCRIPT);
      const fast = validateNote(flat, context);
      assert.deepEqual(fast, validateNote(parsed, context), `variant ${i}`);
      // Every key, value and list item lies where the parser puts it, whether a problem is placed there or not (the whole map places none).
      const fields = (analysis: typeof flat) => nodeRanges(analysis.frontmatter?.document.contents).filter(([path]) => path !== '');
      assert.deepEqual(fields(flat), fields(parsed), `variant ${i}: ranges`);
      assert.deepEqual(flat.frontmatter?.data, parsed.frontmatter?.data, `variant ${i}: data`);
      placed += fast.filter(p => p.range.start.line > 0).length;
    }
    assert.ok(placed >= 15, `${placed} problems placed on a frontmatter line`);
  });

  it('never reuses a summary that an older reader made: the reader\'s version is part of the cache key', async () => {
    const text = '---\ntype: growth-conversation\nperson: Alex\n---\n## 1. How are you? <!-- growth:checkin -->\nFine (confidential) #pay\n';
    const source = new InMemoryNoteSource([['a.md', text]]);
    const size = new TextEncoder().encode(text).length;
    const mtime = Date.now() - 60_000;
    // What an older reader kept: the tag counted as shared.
    const stale = { ...summarizeNote(text, BUILT_IN_SCRIPT), tags: [{ name: 'pay', key: 'pay', line: 5, questionId: 'checkin', private: false }] };
    const outcome = (version: string) => indexFile(source, 'a.md', { path: 'a.md', mtime, size },
      { script: BUILT_IN_SCRIPT, scriptKey: scriptKey(BUILT_IN_SCRIPT), cached: { mtime, size, script: scriptKey(BUILT_IN_SCRIPT, version), summary: stale, writtenAt: mtime + FILE_CLOCK_ALLOWANCE_MS + 1 } });
    assert.notEqual(READER_VERSION, 'older');
    const read = await outcome('older');
    assert.equal(read.kind, 'note', 'an older reader\'s summary is read again');
    assert.equal(read.kind === 'note' && read.summary.tags[0].private, true, 'and the fresh reading keeps the uncertain line private');
    assert.equal((await outcome(READER_VERSION)).kind, 'reused', 'this reader\'s own summary is reused');
  });

  it('leaves to the full parse what flat reading would get wrong: keys YAML reads alike, long lines, bare comments, a second achievements section', () => {
    const achievements = '## 3. Achievements <!-- growth:achievements -->\n1. Shipped the thing #ci-speed\n';
    const cases: [string, string][] = [
      ['type: growth-conversation\nperson: Alex\ndate: 2026-01-05\ntrue: a\nTrue: b\n', achievements],
      ['type: growth-conversation\nperson: Alex\ndate: 2026-01-05\nNULL: x\nnull: y\n', achievements],
      ['type: growth-conversation\nperson: Alex\ndate: 2026-01-05\nnull: x\n', achievements],
      [`type: growth-conversation\nperson: Alex\ndate: 2026-01-05\n${'k'.repeat(1100)}: x\n`, achievements],
      [`type: growth-conversation\nperson: Alex${' '.repeat(5000)}b\ndate: 2026-01-05\n`, achievements],
      ['type: growth-conversation\nperson: Alex\ndate: 2026-01-05\nteam: # none yet\n', achievements],
      ['type: growth-conversation\nperson: Alex\ndate: 2026-01-05\n', `## 3. Achievements <!-- growth:achievements -->\n\n## 3. Achievements, again <!-- growth:achievements -->\n1. Shipped\n`],
      ['type: growth-conversation\nperson: Alex\ndate: 2026-01-05\n', `## 3. Achievements <!-- growth:achievements -->${' '.repeat(5000)}x ##\n1. Shipped\n`],
    ];
    for (const [i, [frontmatter, body]] of cases.entries()) {
      const text = `---\n${frontmatter}---\n${body}`;
      const context = { notePath: `notes/n${i}.md` };
      const full = validateNote(analyzeNote(text, BUILT_IN_SCRIPT), context);
      assert.deepEqual(validateNote(analysisForValidation(text, BUILT_IN_SCRIPT, summarizeNote(text, BUILT_IN_SCRIPT)), context), full, `case ${i}`);
    }
  });

  it('resolves previous through the index, without reading the previous note', async () => {
    const source = new InMemoryNoteSource(fixtureTexts(SAMPLE));
    const pipeline = new NotePipeline(source, { script: BUILT_IN_SCRIPT, keepTexts: true });
    const { texts } = await pipeline.build();
    const reads = source.totalReads;
    const problems = validateBuiltSource(pipeline, texts).filter(f => f.problems.length > 0).map(f => [f.path, f.problems.map(p => p.code)]);
    assert.equal(source.totalReads, reads, 'validation reads nothing');
    assert.deepEqual(problems, [
      ['growth-notes/alex-morgan/2026-05-12.md', ['few-achievements']],
      ['growth-notes/jordan-kim/2026-03-15.md', ['invalid-value', 'invalid-value', 'unknown-field', 'duplicate-theme', 'nonexistent-date', 'previous-other-person', 'few-achievements']],
      ['growth-notes/priya-shah/2026-06-03.md', ['theme-spelling']],
      ['growth-notes/sam-lee/2026-04-20.md', ['few-achievements']],
    ]);
  });
});
