import * as assert from 'node:assert/strict';
import { StemSet } from '../../src/core/note/stemSet';
import { classifyBlock, classifyBlockFully, isPrivateHeading, mayBePrivate, personMayMatter } from '../../src/core/note';

/** A small generator, seeded, so a failure names its input and comes back. */
function generator(seed: number) {
  return (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
}

/**
 * Texts made of `pieces` at random: whenever the cheap look says "no", the classifier without the look
 * must say shared; and the look must say "no" often enough for that to mean something.
 */
function holdsNoToTheClassifier(pieces: readonly string[], seed: number, person: string) {
  const pick = generator(seed);
  let said = 0;
  for (let n = 0; n < 4000; n++) {
    let text = '';
    for (let k = pick(10); k >= 0; k--) text += pieces[pick(pieces.length)];
    if (mayBePrivate(text, { person })) continue;
    said++;
    assert.deepEqual(classifyBlockFully(text, { person }), { privacy: 'shared' }, text);
  }
  assert.ok(said > 300, `only ${said} generated texts were ruled out`);
}

describe('the privacy classifier\'s cheap look, in one pass', () => {
  it('finds a stem in letters run together exactly where a search of each stem finds one', () => {
    const stems = ['priv', 'notfor', 'pc', 'sens', 'conf', 'mgr', 'nfs', 'aab', 'ab', 'b9', 'confidential'];
    const set = new StemSet(stems);
    const pieces = ['p', 'r', 'i', 'v', 'a', 'b', '9', 'c', 'o', 'n', 'f', ' ', '-', '*', 'NOT', 'For', 'M', 'g', 'R', 's', 'e', '\n', 'é'];
    const pick = generator(11);
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let k = pick(14); k >= 0; k--) text += pieces[pick(pieces.length)];
      const letters = text.replace(/[^a-zA-Z0-9]+/g, '').toLowerCase();
      assert.equal(set.inLetters(text), stems.some(stem => letters.includes(stem)), JSON.stringify(text));
    }
    assert.equal(new StemSet([]).inLetters('anything at all'), false);
  });

  it('"no" is a promise for typed-in-a-hurry words too: whenever it says no, the block is shared', () => {
    const pieces = ['prvate', 'pirvate', 'privatley', 'confidental', 'vetraulich', 'rsiervato', 'do', 'not', 'shrae', 'share', 'dont', 'off', 'teh',
      'recrod', 'record', 'nicht', 'tielen', 'niet', 'deeln', 'no', 'comaprtir', 'Priya', 'for', ' ', ' ', '-', '.', '<b>', '</b>', 'x', 'ok', '\n', '(', ')', ':'];
    holdsNoToTheClassifier(pieces, 5, 'Priya Nair');
  });

  it('reads letters outside ASCII folded, and "no" is still a promise', () => {
    const pieces = ['pr', 'iv', 'ate', 'é', 'Å', 'ß', 'р', 'ï', 'ｐ', 'Ｐｒｉｖａｔｅ', 'privé', 'priv\u0301e', 'conﬁdential', 'vertraulich', 'Vertraulich',
      'José', 'Ångström', '田中', '’', '—', '“', '\u200b', ' ', '(', ')', ':', '<b>', '</b>', 'not', 'for', 'nicht', 'für', 'ok', '\n', 'Søren', 'perso', 'nal'];
    holdsNoToTheClassifier(pieces, 23, 'Søren Ångström');
    assert.equal(mayBePrivate('Growth conversation: Lars Ångström, 2026-05-14'), false);
    assert.equal(mayBePrivate('Ｐｒｉｖａｔｅ'), true);
    assert.equal(mayBePrivate('田中さんには内緒'), true);
  });

  it('says the person matters to a heading whenever the verdict differs with and without them', () => {
    const people = ['Priya Nair', 'José Álvarez', "Sean O'Brien", 'Anne-Marie Dupont', '田中 太郎', 'Li Wei', 'A B'];
    const headings = ['Not for Priya', 'not for priya', 'Keep from Nair', 'Nicht für José', 'not for jose', 'Don\'t tell Sean', 'Not for O’Brien',
      'Not for Anne-Marie', 'Pas pour Anne Marie', '田中さんには内緒', 'Not for Li', 'not for wei\'s eyes', 'Keep from A B', 'Career goals',
      'Not for the team', 'Private', 'Hide from P&#114;iya', 'Not for P r i y a'];
    for (const person of people) {
      for (const heading of headings) {
        if (personMayMatter(heading, { person })) continue;
        assert.equal(isPrivateHeading(heading, { person }), isPrivateHeading(heading), `${person}: ${heading}`);
        assert.deepEqual(classifyBlock(heading, { person }), classifyBlock(heading), `${person}: ${heading}`);
      }
    }
    assert.equal(personMayMatter('Career goals', { person: 'Priya Nair' }), false);
    assert.equal(personMayMatter('Not for Priya', { person: 'Priya Nair' }), true);
  });
});
