import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { classifyBlock, foldPlain, isPrivateHeading, mayBePrivate, privacyWordMatches } from '../../src/core/note';

/** Blocks that hold a softer word, short form or symbol in label position: uncertain, named by what was written. */
const IN_LABEL_POSITION: readonly [string, string][] = [
  // a lead-in ending in a colon or dash, in any language on the list
  ['Sensitive: wants to leave', 'Sensitive'], ['Secret: interviewing elsewhere', 'Secret'], ['Personal: divorce', 'Personal'],
  ['perso : divorce', 'perso'], ['Persönlich: Kündigung', 'Persönlich'], ['Pessoal: mudança', 'Pessoal'],
  ['Gevoelig — salaris', 'Gevoelig'], ['Delicado: salud', 'Delicado'], ['Känsligt: lön', 'Känsligt'], ['Osobiste: zdrowie', 'Osobiste'],
  ['**Sensitive**: health', 'Sensitive'], ['My personal take: she is unhappy', 'My personal take'], ['- Internal: reorg', 'Internal'],
  ['Sensitive -- wants to leave', 'Sensitive'], ['NFS -- pay band', 'NFS'],
  // at the start of any line of the block, not only its first ("Discussed X." then a line break)
  ['Discussed the roadmap.\nSensitive: interviewing elsewhere', 'Sensitive'], ['Fine overall.\nNFS: pay band', 'NFS'],
  // after a list marker written as text (Google Docs' nested lists: "a.", "iv)"), or a number with no space after it
  ['a. Sensitive: pay', 'Sensitive'], ['iv) Personal: divorce', 'Personal'], ['1.Sensitive: pay', 'Sensitive'],
  // at the start of a table cell
  ['| Pay | Sensitive: band review |', 'Sensitive'],
  // in Russian, Turkish, Greek and Chinese
  ['Лично: развод', 'Лично'], ['Özel: boşanma', 'Özel'], ['Gizli — maaş', 'Gizli'], ['Προσωπικό: διαζύγιο', 'Προσωπικό'], ['私人：离婚', '私人'],
  // a block that is only a short label
  ['Intern', 'Intern'], ['Sensibile', 'Sensibile'], ['Personal bits', 'Personal bits'], ['個人的', '個人的'],
  // short forms: a full stop, colon or bracket after them, capitals, or an "… only" form
  ['conf. wants a raise', 'conf'], ['P&C: case open', 'P&C'], ['NFS she is leaving', 'NFS'], ['NFD: pay band', 'NFD'],
  ['- [ ] DM only: raise', 'DM only'], ['1:1 only — burnout', '1:1 only'], ['Mgmt only: reorg', 'Mgmt only'],
  // alone in brackets anywhere
  ['Took Friday off (mgr)', '(mgr)'], ['Moving flat [perso]', '[perso]'], ['Health (sensitive) needs care', '(sensitive)'],
  // symbols opening a block
  ['🙈 zq plans', '🙈'], ['🕵️ interviewing', '🕵️'], ['🔑 Manager key points: pay', '🔑'], ['🗝 her visa', '🗝'],
];

/** "Not for X" with any name or nickname, in any case and script. */
const ADDRESSED: readonly [string, string | undefined, string][] = [
  ['Not for Alex’s ears: wants to move', 'Alexander Petrov', 'Not for Alex'],
  ["Not for Sasha's eyes", undefined, 'Not for Sasha'],
  ['Keep from Petrov', 'Alexander Petrov', 'Keep from Petrov'],
  ['Keep this from Jo until the offer lands', undefined, 'Keep this from Jo'],
  ['keep it from priya', 'Priya Nair', 'keep it from priya'],
  ["Don't let Marta know yet", undefined, "Don't let Marta know"],
  ['This is not for 田中さん', undefined, 'not for 田中さん'],
  ['not for 김민수', undefined, 'not for 김민수'],
  ['Pas pour Léa.', undefined, 'Pas pour Léa'],
  ['Nicht für Jonas!', undefined, 'Nicht für Jonas'],
  ['Ne pas dire à Hugo qu’il est sur la liste', undefined, 'Ne pas dire à Hugo'],
  ['Non dire a Giulia', undefined, 'Non dire a Giulia'],
];

/** Ordinary text with the same words: shared. */
const ORDINARY: readonly string[] = [
  'Mon projet perso avance bien.', 'An intern joined the team.', 'We built a sensitive data pipeline.', 'I gave a conference talk.',
  'Sensitive data handling course.', 'Rotated the secrets in Vault; the intern shipped her first change.', 'Mounted the NFS share.',
  'Conf call moved to Monday.', 'Personal growth plan agreed.', 'I broke prod 🙈 but fixed it.', 'It is not for Java developers.',
  'Not for Sam, for the whole team', 'The key takeaway 🔑 is speed.', 'Keep from burning out: fewer pages.', 'Secret Santa was fun',
  'Internal tools guild', 'Personal best on the 10k run', 'He is sensitive to feedback, so we pair', 'Das ist intern gut gelaufen.',
  'mgr sync moved to Tuesday', 'The P&C team hosted the offsite', 'Keep it from breaking again', 'Les infos perso sont dans le wiki RH.',
  'Shipped the export.\nPersonal growth plan agreed.', 'a. Sensitive data pipeline is done', 'e.g. sensitive data: masked',
  '| Type | Personal growth |', 'Мы обсудили личное развитие.', 'Özel bir proje bitti.', 'Το προσωπικό μεγάλωσε.', '内部工具很好用', 'A well-\nknown issue',
];

describe('privacy classifier: label position and addressees', () => {
  it('reads a softer word, short form or symbol in label position as uncertain, and names it', () => {
    for (const [source, because] of IN_LABEL_POSITION) {
      assert.deepEqual(classifyBlock(source), { privacy: 'uncertain', because }, source);
      assert.equal(mayBePrivate(source), true, `the cheap look must not spare ${source}`);
    }
  });

  it('reads "not for", "keep from", "don\'t let … know" with any name or nickname as uncertain', () => {
    for (const [source, person, because] of ADDRESSED) {
      assert.deepEqual(classifyBlock(source, { person }), { privacy: 'uncertain', because }, source);
      assert.equal(mayBePrivate(source, { person }), true, source);
    }
  });

  it('leaves the same words shared in a sentence', () => {
    for (const source of ORDINARY) assert.deepEqual(classifyBlock(source, { person: 'Priya Nair' }), { privacy: 'shared' }, source);
  });

  it('makes a heading that only reads as private a private part', () => {
    assert.equal(isPrivateHeading('Intern'), true);
    assert.equal(isPrivateHeading('Sensitive stuff'), true);
    assert.equal(isPrivateHeading('Internal tools'), false);
    assert.equal(isPrivateHeading('Personal growth'), false);
  });

  it('finds the person written in a script without spaces, whatever follows the name', () => {
    const options = { person: '田中' };
    assert.deepEqual(privacyWordMatches(foldPlain('not for 田中さん, thanks'), options), privacyWordMatches(foldPlain('not for 田中さん, thanks'), options, true));
    assert.equal(privacyWordMatches(foldPlain('not for 田中さん, thanks'), options).length, 1);
  });

  it('never spares a block the classifier would not share (the cheap look over label words, short forms and brackets)', () => {
    const words = ['sensitive', 'Intern', 'perso', 'conf', 'NFS', 'P&C', 'mgr', 'DM only', 'my', 'notes', 'personal', 'the', 'team', 'data',
      'not for', 'Alex', 'keep from', 'ok', 'key points', 'Secret', 'for me'];
    const gaps = [' ', ': ', '. ', ' (', ') ', '**', '\n', ' — ', ', ', '`x` ', '<b>', '</b>', ' s e n s i t i v e '];
    const text = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...gaps)), { maxLength: 8 })
      .map(parts => parts.map(([word, gap]) => word + gap).join(''));
    fc.assert(fc.property(text, fc.constantFrom('- ', '', '### ', '> ', '1. '), (written, marker) => {
      const source = marker + written;
      if (!mayBePrivate(source)) assert.deepEqual(classifyBlock(source), { privacy: 'shared' }, JSON.stringify(source));
    }), { numRuns: 3000, seed: 7 });
  });
});
