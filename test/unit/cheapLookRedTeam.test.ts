import * as assert from 'node:assert/strict';
import { classifyBlock, classifyBlockFully, isPrivateHeading, isPrivateLabel, mayBePrivate } from '../../src/core/note';
import { LABEL_ABBREVIATIONS, LABEL_POSITION_WORDS, TYPO_TARGETS } from '../../src/core/note/privacyWords';

/**
 * Blocks written the way managers write them, which the classifier reads as private or uncertain: the
 * cheap look in front of it must say "maybe" to each, so `classifyBlock` gives the classifier's answer.
 * One table row per class of writing the look once said "no" to, with a few spellings each; a generator
 * per class then writes many more.
 */
const SHY = '\u00ad';
const ZWSP = '\u200b';
const NBSP = '\u00a0';

const MISSED_ONCE: Readonly<Record<string, readonly string[]>> = {
  'a typo split by what the reader takes out of a word (emphasis, soft hyphens, zero-width characters) or letter-spaced': [
    'Alex is conf**idental** about it', `Alex said this is confi${SHY}dentail`, `Alex: prvi${ZWSP}ate chat about pay`, 'Alex con~~f~~idental',
    'Alex con==f==idental', 'Alex is c o n f i d e n t a l about the move', 'Alex c-o-n-f-i-d-e-n-t-a-l', 'she said p r v i a t e',
    `Team: do not s${SHY}h${SHY}rae`, 'do not s*h*rae this', 'off the r*e*c*r*od', `Alex vert${SHY}raulch`,
  ],
  'a typo in the first word of a phrase': [
    'dp not share the salary bit', 'od not share', 'nit delen met team', 'nichy teilen', 'mo compartir', 'ofd the record',
    'nto for sharing', 'dont shrae', 'dnot share', 'dont sahre',
  ],
  'a label after what the reader hides at the start of a line (a tag, an image, an Obsidian comment, a code span)': [
    '#perf Sensitive: salary talk', '#career-growth Personal: divorce', '#hr/2026 Sensitive — pay', '#tag1 #tag2 Personal: divorce',
    '\\#perf Sensitive: pay', `#${ZWSP}perf Sensitive: pay`, '#1on1 NFS: pay', '#q3 Conf. pay rise', '![](img.png) Sensitive: pay',
    '[](https://x.y) Sensitive: pay', '%%x%% Sensitive: pay', '%% todo %% Intern: visa', '``a`b`` Sensitive: pay', '`a\nb` Sensitive: pay',
  ],
  'a bracket or colon written full width or small, which folds to the ASCII one': [
    'Alex （sensitive） pay', 'Alex ［mgr］ pay', 'Alex ｛perso｝ pay', 'Alex ﹙sensitive﹚ pay', 'Alex ⁽sensitive⁾ pay', 'Alex (sensitive） pay',
    'Alex （mgr： pay',
  ],
  'a short form in brackets with punctuation between its words': [
    'Alex (1:1 only) pay', 'Alex (1:1 only）pay', 'Alex （1:1 only) pay', 'Alex (dm/only) pay', 'Alex (p:c) pay',
  ],
};

/** A small generator, seeded, so a failure names its input and comes back. */
function generator(seed: number) {
  return (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
}

/** Whatever the look says, `classifyBlock` and the label and heading readings are the classifier's. */
function assertLookAgrees(text: string, person?: string) {
  const options = person === undefined ? undefined : { person };
  assert.deepEqual(classifyBlock(text, options), classifyBlockFully(text, options), JSON.stringify(text));
  if (!mayBePrivate(text, options)) {
    assert.equal(isPrivateLabel(text, options), false, JSON.stringify(text));
    assert.equal(isPrivateHeading(text, options), false, JSON.stringify(text));
  }
}

/** One letter left out, added, changed, or two swapped, at a place picked by `pick`. */
function typoOf(word: string, pick: (n: number) => number): string {
  const at = pick(word.length);
  const letter = 'abcdefghijklmnopqrstuvwxyz'[pick(26)];
  switch (pick(4)) {
    case 0: return word.slice(0, at) + word.slice(at + 1);
    case 1: return word.slice(0, at) + letter + word.slice(at);
    case 2: return word.slice(0, at) + letter + word.slice(at + 1);
    default: return word.slice(0, at) + word.slice(at + 1, at + 2) + word.slice(at, at + 1) + word.slice(at + 2);
  }
}

/** What a reader takes out of a word, or puts between its letters, without splitting it. */
const INSIDE_A_WORD = ['**', '*', '~~', '==', SHY, ZWSP, '\u2060', '\u200d', '\ufeff', '<b></b>'];

function splitAsPasted(word: string, pick: (n: number) => number): string {
  if (pick(4) === 0) return [...word].join([' ', '.', '-'][pick(3)]);
  const at = pick(word.length + 1);
  return word.slice(0, at) + INSIDE_A_WORD[pick(INSIDE_A_WORD.length)] + word.slice(at);
}

const SOFT = [...Object.values(LABEL_POSITION_WORDS).flat(), ...LABEL_ABBREVIATIONS].filter(word => !/[\p{Script=Han}\p{Script=Katakana}]/u.test(word));

describe('the privacy classifier\'s cheap look, red team', () => {
  for (const [kind, blocks] of Object.entries(MISSED_ONCE)) {
    it(`says maybe to ${kind}`, () => {
      for (const block of blocks) {
        assert.notEqual(classifyBlockFully(block).privacy, 'shared', `the classifier reads ${JSON.stringify(block)} as private`);
        assert.equal(mayBePrivate(block), true, JSON.stringify(block));
        assertLookAgrees(block);
      }
    });
  }

  it('agrees with the classifier on typos of every typo word, split the ways pasted text splits them', () => {
    const pick = generator(7);
    for (let n = 0; n < 3000; n++) {
      const word = TYPO_TARGETS[pick(TYPO_TARGETS.length)];
      const written = splitAsPasted(typoOf(pick(3) === 0 ? word.toUpperCase() : word, pick), pick);
      assertLookAgrees(`${['', 'Alex: ', '- ', 'We talked, '][pick(4)]}${written} ${['about pay', 'for now', ''][pick(3)]}`, pick(2) ? 'Priya Nair' : undefined);
    }
  });

  it('agrees with the classifier on a soft word or short form after whatever the reader hides before it', () => {
    const hidden = ['#perf ', '#a #b ', '\\#t ', `#${ZWSP}t `, '![](a.png) ', '[](u) ', '%%x%% ', '<!-- c --> ', '`x` ', '``a`b`` ', '<br>', '[^1]: ', '- [ ] ', '> ', `${NBSP}`];
    const after = [':', ' :', '：', ' —', ' - ', '', '.', `${NBSP}:`, '**:'];
    const pick = generator(13);
    for (let n = 0; n < 2000; n++) {
      let opening = '';
      for (let k = pick(3); k >= 0; k--) opening += hidden[pick(hidden.length)];
      const word = SOFT[pick(SOFT.length)];
      assertLookAgrees(`${opening}${pick(2) ? word : word[0].toUpperCase() + word.slice(1)}${after[pick(after.length)]} pay talk`);
    }
  });

  it('agrees with the classifier on a soft word or short form in brackets of any width', () => {
    const open = ['(', '[', '{', '（', '［', '｛', '﹙', '⁽', '₍', '︵', '( '];
    const close = [')', ']', '}', '）', '］', '｝', '﹚', '⁾', '₎', '︶', ' )', ':', '：', '/', '|', '﹕', '，'];
    const pick = generator(17);
    for (let n = 0; n < 2000; n++) {
      const word = SOFT[pick(SOFT.length)].replace(/ /g, [' ', '/', ':', '|'][pick(4)]);
      assertLookAgrees(`Alex ${open[pick(open.length)]}${word}${close[pick(close.length)]} pay`);
    }
  });
});
