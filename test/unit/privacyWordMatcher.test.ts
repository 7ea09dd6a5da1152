import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { classifyBlock, foldPlain, privacyWordMatches } from '../../src/core/note';

// Words that start, end or continue the built-in phrases and the "not for <person>" ones, so that
// both parts of the matcher often match at the same place.
const WORDS = ['not', 'for', 'her', 'him', 'them', 'priya', 'nair', 'pas', 'pour', 'lui', 'elle', 'nicht', 'für', 'ihn', 'sie',
  'no', 'para', 'él', 'between', 'us', 'and', 'you', 'me', 'manager', 'only', 'private', 'confidential', 'share', 'do', 'hr',
  'niet', 'voor', 'hem', 'non', 'per', 'lei', 'entre', 'nous', 'et', 'eyes', 'sharing', 'to', 'be', 'shared', 'ok'];
const GAPS = [' ', '  ', '-', ', ', '**', '_', '\u0001', '/', '.', ' (', ') '];
const PEOPLE = ['Priya Nair', 'Her', 'Him Lee', 'Us Only', 'Élle', 'Not For', undefined];

const text = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GAPS)), { maxLength: 14 })
  .map(parts => parts.map(([word, gap]) => word + gap).join(''));

describe('the privacy words, compiled in two parts', () => {
  it('match exactly where one alternation of every phrase matches, for any person and extra words', function () {
    // Each person's one alternation takes long to compile (why the classifier does not use it): no time limit.
    this.timeout(0);
    fc.assert(fc.property(text, fc.constantFrom(...PEOPLE), fc.constantFrom([], ['not for priya', 'her']), (written, person, extraWords) => {
      const folded = foldPlain(written);
      const options = { person, extraWords };
      assert.deepEqual(privacyWordMatches(folded, options), privacyWordMatches(folded, options, true), `${JSON.stringify(written)} for ${person}`);
    }), { numRuns: 3000, seed: 42 });
  });

  it('still find the person in "not for …" and the longer phrase where both parts match at one place', () => {
    assert.deepEqual(privacyWordMatches(foldPlain('keep this not for priya nair today'), { person: 'Priya Nair' }), [{ index: 10, length: 18 }]);
    assert.deepEqual(privacyWordMatches(foldPlain('not for her, not for him'), { person: 'Her Majesty' }), privacyWordMatches(foldPlain('not for her, not for him'), { person: 'Her Majesty' }, true));
    assert.equal(classifyBlock('This is not for Priya yet.', { person: 'Priya Nair' }).privacy, 'uncertain');
    assert.equal(classifyBlock('This is not for Priya yet.', { person: 'Sam Hill' }).privacy, 'shared');
  });
});
