import * as assert from 'node:assert/strict';
import { ClassifierOptions, classifyBlock, classifyBlockFully, isPrivateCallout, isPrivateHeading, isPrivateLabel, mayBePrivate, PrivacyClass } from '../../src/core/note';

/** [block source, class, the words quoted as the reason]. */
type Case = readonly [string, PrivacyClass, string?];

const PRIYA: ClassifierOptions = { person: 'Priya Nair' };

const MARKED_PRIVATE: readonly Case[] = [
  ['Ask HR about pay (private)', 'private', '(private)'],
  ['Ask HR about pay [private]', 'private', '[private]'],
  ['Ask HR about pay {private}', 'private', '{private}'],
  ['Ask HR about pay ( Private )', 'private', '( Private )'],
  ['Check the band (private: HR case 4411)', 'private', '(private: HR case 4411)'],
  ['Check the band (private - do not share)', 'private', '(private - do not share)'],
  ['Check the band (private — PIP)', 'private', '(private — PIP)'],
  ['Check the band (private; for me)', 'private', '(private; for me)'],
  ['Check the band (priv)', 'private', '(priv)'],
  ['Check the band (privat)', 'private', '(privat)'],
  ['Gehalt prüfen (privat)', 'private', '(privat)'],
  ['Parler salaire (privé)', 'private', '(privé)'],
  ['Hablar del sueldo (privado)', 'private', '(privado)'],
  ['Parlare di stipendio (privato)', 'private', '(privato)'],
  ['Private: thinking of a PIP', 'private', 'Private:'],
  ['private : thinking of a PIP', 'private', 'private :'],
  ['PRIVATE: thinking of a PIP', 'private', 'PRIVATE:'],
  ['NB private: thinking of a PIP', 'private', 'private:'],
  ['Privé : on parle de départ', 'private', 'Privé :'],
  ['Private — she asked about leaving', 'private', 'Private —'],
  ['Private - she asked about leaving', 'private', 'Private -'],
  ['**Private** she asked about leaving', 'private', '**Private**'],
  ['**Private:** she asked about leaving', 'private', '**Private:**'],
  ['__Private__ she asked about leaving', 'private', '__Private__'],
  ['She asked about leaving _private_', 'private', '_private_'],
  ['She asked about leaving *(private)*', 'private', '*(private)*'],
  ['She asked about leaving #private', 'private', '#private'],
  ['#private she asked about leaving', 'private', '#private'],
  ['She asked about leaving #private/hr', 'private', '#private'],
  ['She asked about leaving <!-- private -->', 'private', '<!-- private -->'],
  ['She asked about leaving <!-- growth:private -->', 'private', '<!-- growth:private -->'],
  ['She asked about leaving <!--PRIVATE-->', 'private', '<!--PRIVATE-->'],
  ['She asked about leaving %% private %%', 'private', '<!-- private -->'],
  ['🔒 She asked about leaving', 'private', '🔒'],
  ['She asked about leaving 🔐', 'private', '🔐'],
  ['- [ ] Book the pay review (private)', 'private', '(private)'],
  ['> Private: she cried', 'private', 'Private:'],
  ['| Alex | pay band (private) |', 'private', '(private)'],
  ['[^1]: Private: the PIP starts in May', 'private', 'Private:'],
];

const DISGUISED_PRIVATE: readonly Case[] = [
  ['Ask HR \\(private\\)', 'private', '(private)'],
  ['Ask HR (&#112;rivate)', 'private', '(private)'],
  ['Ask HR (&#x70;rivate)', 'private', '(private)'],
  ['Ask HR (pri&shy;vate)', 'private', '(private)'],
  ['Ask HR (pri\u200bvate)', 'private', '(private)'],
  ['Ask HR (pri\u2060vate)', 'private', '(private)'],
  ['Ask HR (pri**vate**)', 'private', '(private)'],
  ['Ask HR (рrivate)', 'private', '(рrivate)'],
  ['Ask HR (ｐｒｉｖａｔｅ)', 'private', '(ｐｒｉｖａｔｅ)'],
  ['Ask HR （private）', 'private', '（private）'],
  ['Ask HR (PRIVΑTE)', 'private', '(PRIVΑTE)'],
  ['Ask HR (priv&eacute;)', 'private', '(privé)'],
  ['Ask HR (prive\u0301)', 'private', '(prive\u0301)'],
  ['&#80;rivate: the PIP', 'private', 'Private:'],
  ['Ask HR &#35;private', 'private', '#private'],
  ['Ask HR <!-- &#112;rivate -->', 'private', '<!-- &#112;rivate -->'],
];

const UNCERTAIN: readonly Case[] = [
  ['She may leave, privately', 'uncertain', 'privately'],
  ['Privately, I think she is ready', 'uncertain', 'Privately'],
  ['NB: private', 'uncertain', 'private'],
  ['Pay band talk, confidential', 'uncertain', 'confidential'],
  ['CONFIDENTIAL pay band', 'uncertain', 'CONFIDENTIAL'],
  ['Pay band (confidential)', 'uncertain', 'confidential'],
  ['Pay band (manager only)', 'uncertain', 'manager only'],
  ['Pay band, manager-only', 'uncertain', 'manager-only'],
  ['Pay band, Manager  Only', 'uncertain', 'Manager Only'],
  ['Pay band, **manager** only', 'uncertain', 'manager only'],
  ['Pay band, managers only', 'uncertain', 'managers only'],
  ['Pay band: do not share', 'uncertain', 'do not share'],
  ['Pay band: DO NOT SHARE', 'uncertain', 'DO NOT SHARE'],
  ['Pay band: don’t share', 'uncertain', 'don’t share'],
  ["Pay band: don't share", 'uncertain', "don't share"],
  ['Pay band: do_not_share', 'uncertain', 'do not share'],
  ['Pay band: __do not share__', 'uncertain', 'do not share'],
  ['Pay band: not to be shared', 'uncertain', 'not to be shared'],
  ['Pay band, HR only', 'uncertain', 'HR only'],
  ['Off the record: she is interviewing', 'uncertain', 'Off the record'],
  ['Just between us, she is interviewing', 'uncertain', 'between us'],
  ['Between you and me, she is interviewing', 'uncertain', 'Between you and me'],
  ['She told me in confidence', 'uncertain', 'in confidence'],
  ['For my eyes only', 'uncertain', 'For my eyes only'],
  ['My read, not for Priya', 'uncertain', 'not for Priya'],
  ['My read, not for Priya Nair', 'uncertain', 'not for Priya Nair'],
  ['My read, NOT FOR PRIYA', 'uncertain', 'NOT FOR PRIYA'],
  ['My read, not for Nair', 'uncertain', 'not for Nair'],
  ['My read, not for them', 'uncertain', 'not for them'],
  ['My read, not for her', 'uncertain', 'not for her'],
  ['Mon avis, pas pour Priya', 'uncertain', 'pas pour Priya'],
  ['Meine Sicht, nicht für Priya', 'uncertain', 'nicht für Priya'],
  ['Mi opinión, no para Priya', 'uncertain', 'no para Priya'],
  ['Minha opinião, não para Priya', 'uncertain', 'não para Priya'],
  ['Il mio parere, non per Priya', 'uncertain', 'non per Priya'],
  ['Mijn mening, niet voor Priya', 'uncertain', 'niet voor Priya'],
  ['Salaire : confidentiel', 'uncertain', 'confidentiel'],
  ['Salaire : Confidentielle', 'uncertain', 'Confidentielle'],
  ['Salaire, ne pas partager', 'uncertain', 'ne pas partager'],
  ['Salaire, entre nous', 'uncertain', 'entre nous'],
  ['Elle part, c’est privé', 'uncertain', 'privé'],
  ['Gehalt: vertraulich', 'uncertain', 'vertraulich'],
  ['Gehalt: nicht teilen', 'uncertain', 'nicht teilen'],
  ['Gehalt ist privat', 'uncertain', 'privat'],
  ['Gehalt, unter uns', 'uncertain', 'unter uns'],
  ['Sueldo: confidencial', 'uncertain', 'confidencial'],
  ['Sueldo: no compartir', 'uncertain', 'no compartir'],
  ['Sueldo, asunto privado', 'uncertain', 'privado'],
  ['Salário: não compartilhar', 'uncertain', 'não compartilhar'],
  ['Salário: nao partilhar', 'uncertain', 'nao partilhar'],
  ['Stipendio: riservato', 'uncertain', 'riservato'],
  ['Stipendio: non condividere', 'uncertain', 'non condividere'],
  ['Stipendio: questione privata', 'uncertain', 'privata'],
  ['Salaris: vertrouwelijk', 'uncertain', 'vertrouwelijk'],
  ['Salaris: niet delen', 'uncertain', 'niet delen'],
  ['Salaris, onder ons', 'uncertain', 'onder ons'],
  ['Зарплата: конфиденциально', 'uncertain', 'конфиденциально'],
  ['Зарплата, между нами', 'uncertain', 'между нами'],
  ['Maaş, aramızda kalsın', 'uncertain', 'aramızda kalsın'],
  ['Μισθός: εμπιστευτικό', 'uncertain', 'εμπιστευτικό'],
  ['工资：保密', 'uncertain', '保密'],
  ['工资不要分享', 'uncertain', '不要分享'],
  ['Pay band is confi-\ndential', 'uncertain', 'confidential'],
  ['Pay band, c o n f i d e n t i a l', 'uncertain', 'confidential'],
  ['Pay band, p.r.i.v.a.t.e', 'uncertain', 'private'],
  ['Pay band, conf&shy;idential', 'uncertain', 'confidential'],
  ['Pay band, ｃｏｎｆｉｄｅｎｔｉａｌ', 'uncertain', 'ｃｏｎｆｉｄｅｎｔｉａｌ'],
  ['Pay band, pri**vate** matter', 'uncertain', 'private'],
  ['Pay band #confidential', 'uncertain', 'confidential'],
  ['Pay band #manager-only', 'uncertain', 'manager-only'],
  ['Pay band <!-- confidential -->', 'uncertain', '<!-- confidential -->'],
  ['| Sam | confidential | 3 |', 'uncertain', 'confidential'],
  ['Private notes about the reorg', 'uncertain', 'Private'],
  ['Read [the private doc](https://wiki/x)', 'uncertain', 'private'],
  ['See <https://wiki/private/pay>', 'uncertain', 'private'],
  ['Read [the review][private-pip-doc]', 'uncertain', 'private'],
];

const SHARED_TEXT: readonly Case[] = [
  ['Shipped the billing export', 'shared'],
  ['Set `private: true` in package.json', 'shared'],
  ['Set ``private: `true` `` in the config', 'shared'],
  ['Wrote `<!-- TODO -->` in the template', 'shared'],
  ['Wrote `<!-- private -->` in the template', 'shared'],
  ['Marked it `(private)` in the docs', 'shared'],
  ['Cut CI from 40 min --> 9 min', 'shared'],
  ['Cut CI 40 min -> 9 min <-- big win', 'shared'],
  ['Rolled out #private-cloud to staging', 'shared'],
  ['#private-cloud rollout went well', 'shared'],
  ['Led the #privacy-review', 'shared'],
  ['Led the privacy review', 'shared'],
  ['Sleep deprivation during on-call', 'shared'],
  ['Privileges and privatisation of the API', 'shared'],
  ['Read [the RFC](https://wiki/private/rfc)', 'shared'],
  ['The gap between us and Payments', 'shared'],
  ['Manager of the year, only twice', 'shared'],
  ['She shares the on-call load', 'shared'],
  ['Not for now, maybe next quarter', 'shared'],
  ['Tout va bien, on avance', 'shared'],
  ['Alles gut, wir teilen die Arbeit', 'shared'],
  ['Todo bien, compartimos el trabajo', 'shared'],
  ['Fix R&amp;D budget', 'shared'],
  ['Plan **Q3** goals', 'shared'],
  ['Faster CI for everyone. #ci-speed', 'shared'],
  ['- [ ] Propose a lighter rota @dana due:2026-12-15 <!-- from: 2026-05-01 -->', 'shared'],
  ['| Team | Load |\n| --- | --- |', 'shared'],
  ['Uses the `priv` helper', 'shared'],
  ['<!-- TODO: ask about goals -->', 'shared'],
  ['Deprived of sleep', 'shared'],
  ['Not for Sam, for the whole team', 'shared'],
];

const WITH_OPTIONS: readonly [string, ClassifierOptions, PrivacyClass, string?][] = [
  ['Salary band: hush', { extraWords: ['hush'] }, 'uncertain', 'hush'],
  ['Salary band: under wraps', { extraWords: ['under wraps'] }, 'uncertain', 'under wraps'],
  ['Salary band: Under-Wraps', { extraWords: ['under wraps'] }, 'uncertain', 'Under-Wraps'],
  ['Salary band: hushed', { extraWords: ['hush'] }, 'shared'],
  ['Not for Chloe, my read', { person: 'Chloé Martin' }, 'uncertain', 'Not for Chloe'],
  ['Not for Chloé, my read', { person: 'Chloe Martin' }, 'uncertain', 'Not for Chloé'],
  ['Not for Sam, my read', { person: 'Priya Nair' }, 'shared'],
];

/** Found by the red team (test/fixtures/privacy/note-100 to note-149): shapes managers really write. */
const RED_TEAM: readonly Case[] = [
  ['prviate: wants to move to Berlin', 'uncertain', 'prviate'],
  ['Check the visa (privte)', 'uncertain', 'privte'],
  ['confidental — health', 'uncertain', 'confidental'],
  ['Confidnetial', 'uncertain', 'Confidnetial'],
  ['do not shrae: the offer', 'uncertain', 'do not shrae'],
  ['pri vate: the offer', 'uncertain', 'pri vate'],
  ['Poufne: oferta z Google', 'uncertain', 'Poufne'],
  ['Nie udostępniać', 'uncertain', 'Nie udostępniać'],
  ['Dela inte: lönen', 'uncertain', 'Dela inte'],
  ['非公開: 転職を検討', 'uncertain', '非公開'],
  ['これは社外秘です', 'uncertain', '社外秘'],
  ['Just for me: the offer', 'uncertain', 'Just for me'],
  ['ᴘʀɪᴠᴀᴛᴇ: the offer', 'private', 'ᴘʀɪᴠᴀᴛᴇ:'],
  ['<b>Priv</b>ate: the offer', 'private', 'Private:'],
  ['See [the plan](https://x.example/plan "private: the PIP")', 'private', 'private:'],
  ['🤐 the offer', 'private', '🤐'],
  ['PRIV: the offer', 'private', 'PRIV:'],
];

/** Ordinary text the red team's attacks must not catch. */
const RED_TEAM_SHARED: readonly Case[] = [
  ['Moving to the private cloud', 'shared'],
  ['We ran the private beta with three customers', 'shared'],
  ['She joined the Private Cloud team', 'shared'],
  ['His side project is privately funded', 'shared'],
  ['Rotated the private keys, then the private network', 'shared'],
  ['Shipped the pricing page; the prime-time deploys are calmer', 'shared'],
  ['Drive the sharding work. Priority: confidence in releases', 'shared'],
  ['Shared the runbook with Payments', 'shared'],
  ['See [the runbook](https://x.example/r "Runbook for on-call")', 'shared'],
  ['Read <b>Accelerate</b> and <i>Team Topologies</i>', 'shared'],
];

function check(cases: readonly Case[], options?: ClassifierOptions) {
  for (const [source, privacy, because] of cases) {
    assert.deepEqual(classifyBlock(source, options), because === undefined ? { privacy } : { privacy, because }, source);
  }
}

describe('privacy classifier: one class per block', () => {
  it('reads explicit markers as private, in every shape and language', () => check(MARKED_PRIVATE, PRIYA));
  it('sees through escapes, entities, invisible characters, width, accents and look-alike letters', () => check(DISGUISED_PRIVATE, PRIYA));
  it('reads any other privacy word as uncertain, whatever the punctuation, emphasis, case or spacing', () => check(UNCERTAIN, PRIYA));
  it('leaves ordinary text shared: code, arrows, tags and words that merely contain "priv"', () => check(SHARED_TEXT, PRIYA));
  it('reads typos, Polish, Swedish, Japanese, small capitals, inline HTML and link titles (red team)', () => {
    check(RED_TEAM, PRIYA);
    for (const [source] of RED_TEAM) assert.equal(mayBePrivate(source, PRIYA), true, source);
  });
  it('leaves "private beta", "privately funded" and the neighbours of typos shared (red team)', () => check(RED_TEAM_SHARED, PRIYA));
  it('adds the configured words and the note\'s person', () => {
    for (const [source, options, privacy, because] of WITH_OPTIONS) {
      assert.deepEqual(classifyBlock(source, options), because === undefined ? { privacy } : { privacy, because }, source);
    }
  });
  it('without a person, "not for" a name ending the block still reads as private; "not for" a name going on is ordinary', () => {
    assert.deepEqual(classifyBlock('My read, not for Priya'), { privacy: 'uncertain', because: 'not for Priya' });
    assert.deepEqual(classifyBlock('Not for Priya, for the whole team'), { privacy: 'shared' });
  });
});

const LABELS: readonly string[] = [
  '**Private notes**', 'Private notes:', 'Private', 'private', '🔒 Private', '🔒', 'Confidential:', 'Manager only', 'Privé',
  'Vertraulich', '- Private', '* **Private**', '_Private notes_', '### Private', 'Private notes (manager only)',
  'My private notes', 'Private aside', 'Private section:', 'Notes privées', 'Notas privadas:', 'Note private', 'Privé notities',
  'Vertrouwelijk:', 'Riservato', 'Confidencial', 'PRIVATE NOTES', 'Private notes <!-- growth:private -->', '<!-- private -->',
  '%% private %%', 'Not for Priya', 'Do not share:', 'Off the record', '**🔒 Private notes:**', 'Pri\u200bvate notes',
];
const NOT_LABELS: readonly string[] = [
  'Private: she is interviewing', 'Private notes about the reorg went well', 'Notes', 'Shipped it', '`private`',
  'Private `x`', '#private-cloud', 'Privacy notes', '<!-- TODO -->', 'Next steps:',
  'Private notes, which we wrote together with the whole team last week',
];

describe('privacy classifier: labels that make what follows private', () => {
  it('knows a block that is only a label', () => {
    for (const label of LABELS) assert.equal(isPrivateLabel(label, PRIYA), true, label);
  });
  it('a label says nothing else', () => {
    for (const text of NOT_LABELS) assert.equal(isPrivateLabel(text, PRIYA), false, text);
  });
});

const PRIVATE_HEADINGS: readonly string[] = [
  '## Private notes', '## private', '## Private Notes (manager only)', '## Notes <!-- growth:private -->', '### Private aside',
  '### Privately', '## 7. my read, not for Priya', '# Growth conversation: Priya (private: on a PIP)', '### Confidential',
  '### Privé', '### **Private**', '### 🔒 Private', '## 7. What would make you leave? — private', '#### Vertraulich',
  '### Private-cloud notes', '## Notes (privat)', '### Entre nous', 'Private notes', '## Notes <!--GROWTH : Private-->',
];
const SHARED_HEADINGS: readonly string[] = [
  '## 1. How are you doing? How is work? <!-- growth:checkin -->', '## Next steps <!-- growth:next-steps -->',
  '## 1:1 with HR', '### Privacy review', '### #private-cloud', '## 8. With unlimited money and the job of the CTO, what would you change?',
  '# Growth conversation: Liam Foster', '### Notes on `private` fields',
];

describe('privacy classifier: headings', () => {
  it('a heading that starts with Private or holds any privacy word makes its part private', () => {
    for (const heading of PRIVATE_HEADINGS) assert.equal(isPrivateHeading(heading, PRIYA), true, heading);
  });
  it('question headings and headings that only contain "priv" are not private', () => {
    for (const heading of SHARED_HEADINGS) assert.equal(isPrivateHeading(heading, PRIYA), false, heading);
  });
});

describe('privacy classifier: callouts', () => {
  it('a callout whose type or title is private', () => {
    for (const line of ['> [!private]', '[!private]', '> [!note]- Private', '> [!warning]+ Confidential', '> [!confidential] Pay',
      '> [!manager-only]', '> [!note] 🔒 Pay', '> [!info] Private notes', '> [!quote] not for Priya', '>> [!PRIVATE]']) {
      assert.equal(isPrivateCallout(line, PRIYA), true, line);
    }
  });
  it('other callouts, and lines that are not callouts, are not', () => {
    for (const line of ['> [!note] Meeting notes', '> [!tip] Privacy by design', '> Private', '[private]', '> [!note]- `private`']) {
      assert.equal(isPrivateCallout(line, PRIYA), false, line);
    }
  });
});

describe('privacy classifier: the cheap first look', () => {
  it('says "maybe" for every block that is not shared', () => {
    for (const [source] of [...MARKED_PRIVATE, ...DISGUISED_PRIVATE, ...UNCERTAIN]) assert.equal(mayBePrivate(source, PRIYA), true, source);
    for (const source of [...LABELS, ...PRIVATE_HEADINGS]) assert.equal(mayBePrivate(source, PRIYA), true, source);
    for (const [source, options, privacy] of WITH_OPTIONS) if (privacy !== 'shared') assert.equal(mayBePrivate(source, options), true, source);
  });
  it('says "no" for ordinary ASCII text without a privacy word, so whole notes skip the classifier', () => {
    for (const text of ['Shipped the billing export', 'Cut CI from 40 min --> 9 min', 'Fix R&D budget', 'Plan **Q3** goals <!-- growth:goals -->',
      '## 1. How are you doing? How is work? <!-- growth:checkin -->\nBusy but fine. #on-call-load\n']) {
      assert.equal(mayBePrivate(text, PRIYA), false, text);
    }
  });
  it('"no" is a promise: for generated text, whenever it says no, every block is shared', () => {
    const pieces = ['pri', 'vate', ' ', '`', '<!--', '-->', '**', '_', '\\', '(', ')', '#', 'manager', 'only', 'x', '%%', '[', '](u)', ':', 'not', 'for', 'Priya', '.', '\n'];
    let seed = 7;
    const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
    let said = 0;
    for (let n = 0; n < 4000; n++) {
      let text = '';
      for (let k = next() % 12; k >= 0; k--) text += pieces[next() % pieces.length];
      if (mayBePrivate(text, PRIYA)) continue;
      said++;
      assert.deepEqual(classifyBlockFully(text, PRIYA), { privacy: 'shared' }, text);
      assert.equal(isPrivateCallout(text, PRIYA), false, text);
    }
    assert.ok(said > 500, `only ${said} generated texts were ruled out`);
  });
});
