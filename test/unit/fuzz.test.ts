import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { editsKeepOtherKeys, flatFrontmatterAgrees, linearPredicate, parsingHolds, PREDICATES, quickFixesHold, readingIsLinear, REPEATED_CONSTRUCTS } from '../fuzz/properties';

const FAILURES = 'test/fuzz/failures';

describe('fuzzed parsing, fixes and edits (a short run; npm run fuzz for a long one)', function () {
  this.timeout(120_000);
  it('parsing and validation never throw, stay in bounds and in time', () => fc.assert(parsingHolds, { numRuns: 300, seed: 42 }));
  it('a quick fix never adds an error', () => fc.assert(quickFixesHold, { numRuns: 300, seed: 42 }));
  it('a frontmatter edit keeps every other line byte for byte', () => fc.assert(editsKeepOtherKeys, { numRuns: 300, seed: 42 }));
  it('frontmatter read flat is what the YAML parser reads', () => fc.assert(flatFrontmatterAgrees, { numRuns: 10_000, seed: 42 }));

  it('reading stays linear: every repeated construct, at 64 KB and at random sizes', () => {
    for (const construct of Object.keys(REPEATED_CONSTRUCTS)) for (const kilobytes of [4, 64]) assert.equal(linearPredicate(construct, kilobytes), true);
    fc.assert(readingIsLinear, { numRuns: 20, seed: 42 });
  });

  it('replays every input a fuzz campaign saved', () => {
    const saved = existsSync(FAILURES) ? readdirSync(FAILURES).filter(name => name.endsWith('.json')) : [];
    for (const name of saved) {
      const { property, input } = JSON.parse(readFileSync(join(FAILURES, name), 'utf8')) as { property: string; input: never[] };
      assert.ok(PREDICATES[property], `${name} names a known property`);
      assert.equal(PREDICATES[property](...input), true, name);
    }
  });
});
