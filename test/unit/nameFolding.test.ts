import * as assert from 'node:assert/strict';
import anyAscii from 'any-ascii';
import { foldName, foldWithPlaces, matchName, personKey } from '../../src/core/base';

describe('name folding', () => {
  it('spells the Latin letters that do not decompose as people type them without the letter', () => {
    const pairs: [string, string][] = [
      ['Łukasz', 'lukasz'], ['Søren', 'soren'], ['Weiß', 'weiss'], ['Đorđe', 'dorde'], ['Æsa', 'aesa'], ['Sigurðsson', 'sigurdsson'],
      ['Þóra', 'thora'], ['Œuvre', 'oeuvre'], ['Yıldız', 'yildiz'], ['İlkay', 'ilkay'], ['ẞ', 'ss'], ['Ħasan', 'hasan'], ['Zoë', 'zoe'], ['ＺＯＥ', 'zoe'],
    ];
    for (const [written, folded] of pairs) assert.equal(foldName(written), folded, written);
  });

  it('leaves Greek and Cyrillic letters as they are, folding only their case and accents', () => {
    assert.equal(foldName('Дмитрий'), 'дмитрии');
    assert.equal(foldName('ЁЛКА'), 'елка');
    assert.equal(foldName('Νίκος'), 'νικοσ');
    assert.equal(foldName('ΝΙΚΟΣ'), 'νικοσ');
    assert.notEqual(foldName('Дмитрий'), foldName('Dmitrij'));
  });

  it('makes a name typed without its letters the same person in matching and counting', () => {
    assert.equal(personKey('Łukasz  Nowak'), personKey('lukasz nowak'));
    assert.equal(personKey('Søren Kierkegaard'), personKey('Soren Kierkegaard'));
    assert.equal(matchName('Soren', 'Søren Ås'), 'prefix');
    assert.equal(matchName('jurgen weiss', 'Jürgen Weiß'), 'same');
  });

  it('folds every Latin letter that any-ascii spells in plain letters, exactly as any-ascii does', () => {
    const differ: string[] = [];
    for (let code = 0x80; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const letter = String.fromCodePoint(code);
      if (!/^\p{Script=Latin}$/u.test(letter) || !/^\p{L}$/u.test(letter)) continue;
      // What is left once case, compatibility forms and accents are folded: each such letter is spelt as any-ascii spells it.
      const cased = letter.normalize('NFKD').toLowerCase().toUpperCase().toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
      const expected = [...cased].map(c => {
        const plain = anyAscii(c).toLowerCase();
        return c.codePointAt(0) as number >= 0x80 && /^\p{Script=Latin}$/u.test(c) && /^[a-z]+$/.test(plain) ? plain : c;
      }).join('');
      if (foldName(letter) !== expected) differ.push(`${letter} ${foldName(letter)} ${expected}`);
    }
    assert.deepEqual(differ, []);
  });

  it('says where each folded letter came from', () => {
    const folded = foldWithPlaces('Weiß Zoë');
    assert.equal(folded.text, 'weiss zoe');
    assert.deepEqual(folded.from, [0, 1, 2, 3, 3, 4, 5, 6, 7]);
    assert.deepEqual(folded.to, [1, 2, 3, 4, 4, 5, 6, 7, 8]);
  });
});
