import * as assert from 'node:assert/strict';
import {
  effectiveMinGroupSize, effectiveMinQuoteGroup, labelHoldsName, reportableNotes, selectQuotes, suppressSmallGroups,
} from '../../src/core/privacy/groupPrivacy';
import { nameScrubber } from '../../src/core/privacy';
import { BUILT_IN_SCRIPT, summarizeNote } from '../../src/core/note';
import { parseVocabulary } from '../../src/core/workspace';

const groups = (...sizes: [string, number][]) => sizes.map(([key, people]) => ({ key, people }));

describe('group privacy: minimum sizes', () => {
  it('defaults to 5, never goes below 3, and ignores what is not a number', () => {
    assert.deepEqual([effectiveMinGroupSize(), effectiveMinGroupSize(1), effectiveMinGroupSize(3), effectiveMinGroupSize(7.9), effectiveMinGroupSize(NaN)], [5, 3, 3, 7, 5]);
  });

  it('quotes need 10 people by default, and never fewer than the group minimum', () => {
    assert.deepEqual([effectiveMinQuoteGroup(undefined, 5), effectiveMinQuoteGroup(2, 5), effectiveMinQuoteGroup(12, 5)], [10, 5, 12]);
  });
});

describe('group privacy: suppression', () => {
  it('hides groups under the minimum when what is left is 0 or at least the minimum', () => {
    assert.deepEqual(suppressSmallGroups(groups(['A', 6], ['B', 5], ['C', 3], ['D', 2]), 16, 5), { shown: groups(['A', 6], ['B', 5]), hiddenGroups: 2, hiddenPeople: 5 });
    assert.deepEqual(suppressSmallGroups(groups(['A', 6], ['B', 5]), 11, 5), { shown: groups(['A', 6], ['B', 5]), hiddenGroups: 0, hiddenPeople: 0 });
  });

  it('hides more when one hidden group could be worked out by subtraction (complementary suppression)', () => {
    // Total 8, A 6, B 2: hiding B alone leaves 8 - 6 = 2, which is B. So A goes too.
    assert.deepEqual(suppressSmallGroups(groups(['A', 6], ['B', 2]), 8, 5), { shown: [], hiddenGroups: 2, hiddenPeople: 8 });
    // The smallest shown group goes first; one is enough here.
    assert.deepEqual(suppressSmallGroups(groups(['A', 9], ['B', 6], ['C', 5], ['D', 1]), 21, 5), { shown: groups(['A', 9], ['B', 6]), hiddenGroups: 2, hiddenPeople: 6 });
  });

  it('counts people in no group as hidden, and protects them the same way', () => {
    assert.deepEqual(suppressSmallGroups(groups(['A', 7], ['B', 5]), 13, 5), { shown: groups(['A', 7]), hiddenGroups: 1, hiddenPeople: 6 });
    assert.deepEqual(suppressSmallGroups(groups(['A', 5]), 5, 5).hiddenPeople, 0);
  });

  it('never leaves a remainder between 1 and the minimum, for any sizes', () => {
    for (let seed = 1; seed < 400; seed++) {
      const sizes = Array.from({ length: 1 + (seed % 6) }, (_, i) => ({ key: `g${i}`, people: 1 + ((seed * (i + 3)) % 9) }));
      const total = sizes.reduce((s, g) => s + g.people, 0) + (seed % 4);
      const min = 3 + (seed % 4);
      const { shown, hiddenPeople } = suppressSmallGroups(sizes, total, min);
      assert.ok(hiddenPeople === 0 || hiddenPeople >= min || shown.length === 0, `seed ${seed}`);
      assert.ok(shown.every(g => g.people >= min));
      assert.equal(hiddenPeople, total - shown.reduce((s, g) => s + g.people, 0));
    }
  });
});

describe('group privacy: quotes', () => {
  const scrub = nameScrubber(['Zoë Quinn']);
  const lines = [
    { person: 'zoe', text: 'Zoe wants faster builds <!-- aside -->', private: false },
    { person: 'zoe', text: 'A second line from the same person', private: false },
    { person: 'jo', text: 'From a private note', private: true },
    { person: 'max', text: '#ci-speed <!-- she is interviewing', private: false },
    { person: 'lea', text: 'still hidden --> #ci-speed', private: false },
    { person: 'ana', text: 'Builds are slow', private: false },
  ];

  it('quotes nothing from a pattern smaller than the quote minimum', () => {
    assert.deepEqual(selectQuotes(lines, { peopleInPattern: 9, minQuoteGroup: 10, maxQuotes: 5, scrub }), []);
  });

  it('quotes one line per person, never a private one nor one a comment runs through, names replaced', () => {
    assert.deepEqual(selectQuotes(lines, { peopleInPattern: 10, minQuoteGroup: 10, maxQuotes: 5, scrub }), ['[name] wants faster builds', 'Builds are slow']);
  });
});

describe('group privacy: the name scrubber', () => {
  const scrub = nameScrubber(['Zoë Quinn', 'José Álvarez', 'Sam Lee', undefined, '']);

  it('catches names with and without accents, first names alone, in any case', () => {
    assert.equal(scrub('Zoe and ZOË met José, Jose and alvarez; Sam too.'), '[name] and [name] met [name], [name] and [name]; [name] too.');
    assert.equal(scrub('Zoë Quinn said so'), '[name] said so');
  });

  it('catches handles and e-mail addresses, known or not', () => {
    assert.equal(scrub('Ask @sam.lee or @someone, or mail zoë@example.com or x.y@corp.co.uk.'), 'Ask [name] or [name], or mail [name] or [name].');
  });

  it('leaves words that merely contain a name alone', () => {
    assert.equal(scrub('Samples and Leeway, Joseph'), 'Samples and Leeway, Joseph');
  });

  it('handles decomposed accents (NFD) as well as composed ones', () => {
    assert.equal(scrub('Zoe\u0308 was here'), '[name] was here');
  });
});

describe('group privacy: what a report may count', () => {
  const note = summarizeNote(`---
type: growth-conversation
person: A
date: 2026-10-01
flightRisk: hgih
careerPath: undecided
themes: [Pager Load]
---
## 1. Check-in <!-- growth:checkin -->
Public #oncall
- [ ] (private) hidden #secret-one
## Private notes <!-- growth:private -->
#secret-two
- [ ] a private task
`, BUILT_IN_SCRIPT);
  const { vocabulary } = parseVocabulary('themes:\n  - name: on-call load\n    aliases: [oncall, pager load]\n');

  it('drops private tags and tasks, maps aliases to the canonical theme, and drops values the schema rejects', () => {
    const [reportable] = reportableNotes([{ ...note, path: 'a.md' }], vocabulary);
    assert.deepEqual(reportable.tags.map(t => [t.name, t.key]), [['on-call load', 'on-call-load']]);
    assert.deepEqual(reportable.themes, ['on-call load']);
    assert.equal(reportable.tasks.length, 0);
    assert.equal(reportable.flightRisk, undefined);
    assert.equal(reportable.careerPath, 'undecided');
  });
});

describe('names hidden in theme and team labels', () => {
  const holdsName = labelHoldsName(['Zoë Ångström', 'Łukasz Wróbel', "Sean O'Neill", 'Omar Haddad', 'Ben Ito']);

  it('finds a name run together, shortened, possessive, without accents or in full-width letters', () => {
    for (const label of ['zoeangstrom', 'zoes-burnout', 'lukasz-conflict', 'oneill-pip', 'omarh', 'Zoes team', 'ｚｏｅ-pip', 'ben-leaving']) assert.ok(holdsName(label), label);
  });

  it('lets ordinary themes through, a three-letter name only at the start of a word', () => {
    for (const label of ['on-call-load', 'ci-speed', 'career-ladder', 'rebenchmark']) assert.ok(!holdsName(label), label);
  });
});
