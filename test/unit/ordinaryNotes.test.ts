import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';

/** Notes written the ordinary way (tags, tables, links, code, arrows, emphasis, carried actions): they share intact. */
export const ORDINARY_NOTES = 'test/fixtures/ordinary';

/** The public phrases a note lists in its closing `<!-- must-keep: one | two -->` comment. */
export function mustKeep(source: string): string[] {
  const list = /<!--\s*must-keep:\s*([\s\S]*?)\s*-->\s*$/.exec(source);
  return list ? list[1].split(' | ').map(phrase => phrase.trim()).filter(Boolean) : [];
}

async function share(path: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['share', path], { print: text => out.push(text), printError: text => err.push(text), today: '2026-11-26' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('ordinary notes share intact through the CLI', function () {
  this.timeout(180000);
  const files = readdirSync(ORDINARY_NOTES).filter(name => name.endsWith('.md')).sort();

  it('has at least 15 notes, each listing the phrases it must keep', () => {
    assert.ok(files.length >= 15, `${files.length} files`);
    for (const name of files) assert.ok(mustKeep(readFileSync(join(ORDINARY_NOTES, name), 'utf8')).length >= 3, name);
  });

  for (const name of files) {
    it(`${name}: exit 0 and every public phrase in the copy`, async () => {
      const path = join(ORDINARY_NOTES, name);
      const copy = await share(path);
      assert.equal(copy.code, 0, `${name}: ${copy.err}`);
      const missing = mustKeep(readFileSync(path, 'utf8')).filter(phrase => !copy.out.includes(phrase));
      assert.deepEqual(missing, [], `${name} lost phrases`);
    });
  }
});
