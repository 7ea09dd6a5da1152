import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';

/** Every note of the corpus plants tokens like zqx07a or zqx107a (and tags #zqx07t, #zqx999t) where only the manager may read them. */
export const PRIVACY_CORPUS = 'test/fixtures/privacy';
export const SECRET_TOKEN = /zqx\d{2,3}[a-z]/i;

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { print: text => out.push(text), printError: text => err.push(text), today: '2026-11-26' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('privacy corpus: nothing private leaves through the CLI', function () {
  // Every note of the corpus goes through the CLI twice: on a loaded machine that takes longer than mocha's 10 s.
  this.timeout(180000);
  const files = readdirSync(PRIVACY_CORPUS).filter(name => name.endsWith('.md')).sort();
  let folder: string;
  before(() => { folder = mkdtempSync(join(tmpdir(), 'growth-privacy-')); });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('has at least 30 notes with planted tokens', () => {
    assert.ok(files.length >= 30, `${files.length} files`);
  });

  it('shares each note without a token, as Markdown and as HTML, or refuses it with a reason', async () => {
    let shared = 0;
    // Every leak is listed at once, so one run names all the notes to look at.
    const leaks: string[] = [];
    for (const name of files) {
      const note = join(PRIVACY_CORPUS, name);
      const markdown = await run(['share', note]);
      if (markdown.code === 1) {
        assert.equal(markdown.out, '', name);
        assert.match(markdown.err, /Nothing was shared\.$/, name);
        continue;
      }
      assert.equal(markdown.code, 0, `${name}: ${markdown.err}`);
      const inMarkdown = SECRET_TOKEN.exec(markdown.out)?.[0];
      if (inMarkdown !== undefined) leaks.push(`${name} leaked ${inMarkdown} in Markdown`);
      assert.match(markdown.out, /Faster CI for everyone/, `${name}: the answers are kept`);
      const html = join(folder, `${name}.html`);
      assert.equal((await run(['share', note, '--out', html])).code, 0);
      const inHtml = SECRET_TOKEN.exec(readFileSync(html, 'utf8'))?.[0];
      if (inHtml !== undefined) leaks.push(`${name} leaked ${inHtml} in HTML`);
      shared++;
    }
    assert.deepEqual(leaks, []);
    assert.ok(shared >= 20, `only ${shared} notes could be shared: the test would prove little`);
  });

  it('reports on the corpus without a token, anonymised or with names, in Markdown and HTML', async () => {
    for (const extra of [[], ['--names']]) {
      const report = await run(['report', PRIVACY_CORPUS, ...extra]);
      assert.ok(report.code === 0 || report.code === 2, report.err);
      assert.equal(SECRET_TOKEN.exec(report.out + report.err)?.[0], undefined, `report ${extra.join(' ')} leaked`);
      const html = join(folder, `report${extra.join('')}.html`);
      const written = await run(['report', PRIVACY_CORPUS, ...extra, '--out', html]);
      if (written.code === 0) assert.equal(SECRET_TOKEN.exec(readFileSync(html, 'utf8'))?.[0], undefined, `report ${extra.join(' ')} leaked in HTML`);
    }
  });

  it('digests the corpus without a token', async () => {
    // A digest writes the notes folder's source id, so it runs on a copy of the corpus.
    const notes = join(folder, 'notes');
    cpSync(PRIVACY_CORPUS, notes, { recursive: true });
    const out = join(folder, 'digest.json');
    const digest = await run(['digest', notes, '--allow-unreadable', '--min-group', '3', '--out', out]);
    assert.equal(digest.code, 0, digest.err);
    assert.equal(SECRET_TOKEN.exec(readFileSync(out, 'utf8') + digest.out)?.[0], undefined, 'the digest leaked');
  });
});
