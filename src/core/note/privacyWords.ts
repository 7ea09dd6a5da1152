/**
 * The words that make a block of a note private or uncertain, in one place.
 *
 * Written as a person types them, accents included: the classifier folds case, accents, width and
 * look-alike letters, and reads any run of punctuation, emphasis or spacing between two words as one
 * space ("Manager-only", "**do not** share", "DON'T SHARE" all match). Extend the list here for every
 * note, or per notes repository with `share.privacyWords` in the configuration file.
 */

/**
 * The word "private" in the languages managers here write. Written as a marker (`(privé)`, `[private]`,
 * `Private:` as a lead-in, `**Private**`, `#private`) it makes a block private; anywhere else in the
 * visible text it makes the block uncertain.
 */
export const PRIVATE_WORDS: readonly string[] = [
  'private', 'privat', 'privé', 'privée', 'privés', 'privées', 'privado', 'privada', 'privados', 'privadas',
  'privato', 'privata', 'privati', 'pvt', 'prywatne', 'prywatny', 'prywatna',
];

/**
 * Words after which "private" is an ordinary adjective, not a marker: "the private beta", "the Private
 * Cloud team", "privately funded". Only when the next word follows after spaces, so "Private: cloud…"
 * and "(private) cloud" stay markers.
 */
export const ORDINARY_AFTER_PRIVATE: readonly string[] = [
  'beta', 'alpha', 'preview', 'cloud', 'clouds', 'key', 'keys', 'network', 'networks', 'subnet', 'subnets', 'repo', 'repos',
  'repository', 'repositories', 'registry', 'endpoint', 'endpoints', 'api', 'apis', 'method', 'methods', 'field', 'fields',
  'member', 'members', 'class', 'classes', 'sector', 'equity', 'company', 'companies', 'bank', 'banking', 'school',
  'schools', 'practice', 'label', 'funded', 'held', 'owned', 'link', 'links', 'package', 'packages',
];

/**
 * Privacy words long enough that a typo of one letter (left out, added, changed, or two letters swapped) still
 * means them: "prviate", "privte", "confidental", "do not shrae". Such a typo makes a block uncertain.
 * Phrases are compared without their spaces; every entry is seven letters or more, so no ordinary word
 * is one letter away ("price", "prime" and "drive" are not).
 */
export const TYPO_TARGETS: readonly string[] = [
  'private', 'privately', 'confidential', 'confidentially', 'confidentiel', 'confidentielle', 'confidencial',
  'confidenziale', 'vertraulich', 'vertrouwelijk', 'riservato', 'riservata', 'do not share', "don't share",
  'off the record', 'not for sharing', 'ne pas partager', 'nicht teilen', 'no compartir', 'não compartilhar',
  'non condividere', 'niet delen', 'nie udostępniać', 'konfidentiellt',
];

/** Obsidian callout types that say the callout is the manager's own: `> [!secret]`, `> [!manager]`. */
export const PRIVATE_CALLOUT_TYPES: readonly string[] = ['secret', 'hidden', 'personal', 'manager', 'mgr', 'sensitive'];

/** A phrase that is ordinary when the next word is one of these: "between us and Payments" compares two teams. */
export interface GuardedPhrase {
  readonly phrase: string;
  readonly unlessFollowedBy: readonly string[];
}

/**
 * Other ways of saying "keep this to yourself". Any of them in a block's visible text makes it uncertain:
 * left out of everything made for someone else and named, so the manager can reword it.
 * "Privately" is here rather than a marker: it says the manager holds the thought back, not that a
 * block is labelled.
 */
export const PRIVACY_PHRASES: Readonly<Record<string, readonly (string | GuardedPhrase)[]>> = {
  en: [
    'privately', 'confidential', 'confidentially', 'in confidence', 'manager only', 'managers only', 'mgr only',
    'for my eyes only', 'eyes only', 'hr only', 'do not share', "don't share", 'dont share', 'not to be shared',
    'not for sharing', 'not to share', 'do not forward', 'do not distribute', 'off the record', 'need to know',
    { phrase: 'between us', unlessFollowedBy: ['and', 'or'] }, 'between you and me', 'keep this to myself',
    'not for them', 'not for him', 'not for her', 'note to self', 'for me only', 'only for me', 'internal only',
    'not for distribution', 'keep to myself', 'between the two of us', 'top secret', 'personal notes', "don't tell",
    'just for me', 'only for my eyes', 'between you & me', 'b/w us', 'do not mention', "don't mention", 'keep quiet',
    'dont tell', 'do not tell',
    'manager notes', "manager's notes", 'manager thoughts', 'not to be discussed',
  ],
  fr: [
    'confidentiel', 'confidentielle', 'confidentiels', 'confidentielles', 'ne pas partager', 'ne pas diffuser',
    'ne pas transmettre', { phrase: 'entre nous', unlessFollowedBy: ['et', 'ou'] }, 'pour moi seulement',
    'réservé au manager', 'pas pour lui', 'pas pour elle', 'notes perso', 'notes personnelles', 'à garder pour moi',
    'entre toi et moi', 'ne pas lui dire',
  ],
  de: [
    'vertraulich', 'vertrauliche', 'vertraulicher', 'nicht teilen', 'nicht weitergeben', 'nicht weitersagen',
    'nur für mich', 'nur für manager', { phrase: 'unter uns', unlessFollowedBy: ['und', 'oder'] },
    'nicht für ihn', 'nicht für sie', 'geheim', 'privatnotiz', 'privatsache', 'persönliche notizen',
  ],
  es: [
    'confidencial', 'confidenciales', 'no compartir', 'no difundir', 'solo para mí', 'sólo para mí',
    { phrase: 'entre nosotros', unlessFollowedBy: ['y', 'o'] }, 'no para él', 'no para ella', 'entre tú y yo', 'nota personal',
    'no se lo digas', 'secreto',
  ],
  pt: [
    'não compartilhar', 'não partilhar', 'não divulgar', 'só para mim', { phrase: 'entre nós', unlessFollowedBy: ['e', 'ou'] },
    'não para ele', 'não para ela', 'sigiloso', 'sigilosa', 'nota particular', 'privativo',
    'sigilo', 'confidencial', 'notas privadas',
  ],
  it: [
    'riservato', 'riservata', 'riservati', 'riservate', 'confidenziale', 'confidenziali', 'non condividere',
    'non divulgare', 'solo per me', { phrase: 'tra noi', unlessFollowedBy: ['e', 'o'] }, 'tra di noi', 'non per lui', 'non per lei', 'segreto', 'nota personale', 'da non dire', 'tra me e te',
  ],
  nl: [
    'vertrouwelijk', 'vertrouwelijke', 'niet delen', 'niet doorsturen', 'alleen voor mij',
    { phrase: 'onder ons', unlessFollowedBy: ['en', 'of'] }, 'niet voor hem', 'niet voor haar', 'geheim', 'privénotitie',
    'persoonlijke notities', 'tussen ons',
  ],
  pl: [
    'poufne', 'poufny', 'poufna', 'poufnie', 'prywatnie', 'nie udostępniać', 'nie udostępniaj', 'nie dzielić się',
    'tylko dla mnie', { phrase: 'między nami', unlessFollowedBy: ['a', 'i', 'oraz'] }, 'nie dla niego', 'nie dla niej', 'tajne',
  ],
  sv: [
    'konfidentiell', 'konfidentiellt', 'konfidentiella', 'dela inte', 'endast för mig', 'bara för mig',
    { phrase: 'mellan oss', unlessFollowedBy: ['och', 'eller'] }, 'inte för honom', 'inte för henne', 'hemlig', 'hemligt',
    'personliga anteckningar',
  ],
  ru: [
    'конфиденциально', 'конфиденциальный', 'конфиденциальная', 'конфиденциальное', 'конфиденциальные', 'не разглашать',
    'не для распространения', 'не распространять', 'не делиться', 'только для меня', 'между нами', 'секретно', 'не говорить ему', 'не говорить ей',
  ],
  tr: ['gizli tut', 'gizli kalsın', 'paylaşmayın', 'paylaşılmasın', 'aramızda kalsın', 'sadece benim için', 'mahrem', 'kimseye söyleme'],
  el: [
    'εμπιστευτικό', 'εμπιστευτικά', 'εμπιστευτική', 'απόρρητο', 'απόρρητα', 'μεταξύ μας', 'μην το πεις', 'μόνο για μένα', 'να μην κοινοποιηθεί',
  ],
  // Written without spaces between words: matched wherever they appear, not only between word edges.
  zh: ['保密', '机密', '不要分享', '请勿分享', '请勿外传', '不要外传', '仅限经理', '只给我看', '别告诉'],
  ja: [
    '非公開', '社外秘', '部外秘', '内緒', 'ないしょ', 'プライベート', '機密', '秘密', 'オフレコ', '他言無用', '共有しない',
    '共有禁止', 'マネージャーのみ', 'には言わない', 'に言わない', 'には見せない', 'に見せない',
  ],
};

/** "Not for <the note's person>", in each language: the person's first, last or full name follows. */
export const NOT_FOR: readonly string[] = ['not for', 'pas pour', 'nicht für', 'no para', 'não para', 'non per', 'niet voor', 'nie dla', 'inte för'];

/** Symbols that mark a block private on their own. */
export const PRIVATE_SYMBOLS: readonly string[] = ['🔒', '🔐', '🔏', '🤫', '🙊', '🤐', '㊙'];

/**
 * Words that may stand beside a privacy word in a label and still leave it only a label
 * ("Private notes", "🔒 Notes privées", "Vertrauliche Notizen:", "My private thoughts").
 */
export const LABEL_WORDS: readonly string[] = [
  'notes', 'note', 'aside', 'asides', 'section', 'comments', 'comment', 'thoughts', 'thought', 'stuff', 'info', 'bits',
  'part', 'my', 'the', 'own', 'below', 'follows', 'personal', 'manager', 'managers', 'mine', 'only', 'for', 'me',
  'mes', 'remarques', 'commentaires', 'perso', 'personnelles', 'pour', 'moi',
  'notizen', 'notiz', 'anmerkungen', 'kommentare', 'meine', 'abschnitt', 'persönlich', 'persönliche', 'nur', 'für', 'mich',
  'notas', 'nota', 'comentarios', 'comentários', 'mis', 'minhas', 'sección', 'seção', 'secção', 'pessoal', 'apartado',
  'commenti', 'mie', 'sezione', 'personale', 'appunti',
  'notities', 'aantekeningen', 'opmerkingen', 'mijn', 'sectie', 'persoonlijk',
  'notatki', 'uwagi', 'moje', 'anteckningar', 'mina', 'kommentarer', 'メモ', 'ノート',
  'key', 'points', 'take', 'items', 'topics', 'details', 'matters', 'remarks', 'context', 'background',
];

/**
 * Softer words, ordinary in a sentence ("sensitive data", "an intern joined", "projet perso") but private
 * in LABEL position: a heading, a block that is only a short label, or a lead-in at the very start of a
 * block ending in a colon or dash ("Sensitive:", "perso : …", "### Intern", "My personal bits —"), or
 * alone in brackets anywhere ("(sensitive)"). There a block holding one is uncertain: left out and named.
 */
export const LABEL_POSITION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['sensitive', 'secret', 'personal', 'internal', 'restricted', 'delicate', 'hush hush', 'for me', 'not public', 'off limits', 'touchy'],
  fr: ['perso', 'personnel', 'personnelle', 'sensible', 'secret', 'interne', 'délicat', 'délicate', 'pour moi'],
  de: ['intern', 'interne', 'persönlich', 'heikel', 'sensibel', 'für mich'],
  es: ['personal', 'sensible', 'interno', 'interna', 'reservado', 'reservada', 'delicado', 'delicada', 'para mí'],
  pt: ['pessoal', 'sensível', 'interno', 'interna', 'reservado', 'reservada', 'delicado', 'delicada', 'para mim'],
  it: ['personale', 'sensibile', 'interno', 'interna', 'delicato', 'delicata', 'per me'],
  nl: ['persoonlijk', 'gevoelig', 'intern', 'interne', 'voor mij'],
  pl: ['osobiste', 'osobisty', 'wrażliwe', 'wewnętrzne', 'dla mnie'],
  sv: ['personligt', 'personlig', 'känsligt', 'känslig', 'internt', 'för mig'],
  ru: ['лично', 'личное', 'приватно', 'внутреннее', 'деликатно'],
  tr: ['gizli', 'özel', 'kişisel', 'hassas', 'dahili'],
  el: ['προσωπικό', 'προσωπικά', 'ιδιωτικό', 'ευαίσθητο', 'εσωτερικό'],
  zh: ['私人', '内部', '內部', '个人', '個人', '敏感'],
  ja: ['個人的', '要注意', '取扱注意', '人事'],
};

/**
 * Short forms managers type for "private" in a hurry. At the start of a block they count when they look
 * like an abbreviation: followed by a full stop, colon, dash or bracket, written in capitals ("NFS", "P&C")
 * or, for the "… only" forms, whatever follows ("DM only: …"). Mid-sentence they stay ordinary ("the
 * NFS mount", "a conf. talk"); alone in brackets anywhere, "(mgr)", they count.
 */
export const LABEL_ABBREVIATIONS: readonly string[] = [
  'conf', 'confid', 'nfs', 'nfd', 'p&c', 'mgr', 'mgmt', 'priv', 'prv', 'sens', 'pers',
  'dm only', 'dms only', 'me only', '1:1 only', '1on1 only', 'mgmt only', 'leads only', 'leadership only',
];

/**
 * "Not for X" with any name or nickname, not only the note's person ("Not for Alex's ears" when the
 * person is Alexander, "Keep from Petrov", "not for 田中さん"). `{name}` is a word written as a name: a
 * capital first letter, a script without capitals (Chinese, Japanese, Korean), or "him", "her", "them".
 * After the leads of NOT_FOR a name needs what makes it a name rather than the start of a phrase ("not for
 * Java developers"): "'s ears/eyes", "to see/know/hear", punctuation, or the end of the block.
 */
export const ADDRESSEE_PHRASES: readonly string[] = [
  'not for {name}', 'keep from {name}', 'keep this from {name}', 'keep it from {name}', 'keep that from {name}',
  'hide from {name}', 'hide this from {name}', "don't tell {name}", 'do not tell {name}', "don't let {name} know",
  "don't let {name} see", 'without telling {name}', 'not to be shared with {name}',
  'pas pour {name}', 'ne pas dire à {name}', 'cacher à {name}', 'rien dire à {name}',
  'nicht für {name}', '{name} nicht sagen', 'nicht an {name}', 'verschweigen vor {name}',
  'no para {name}', 'no decir a {name}', 'no decirle a {name}', 'no contar a {name}', 'ocultar a {name}',
  'não para {name}', 'não contar ao {name}', 'não contar à {name}', 'não contar a {name}', 'não dizer ao {name}', 'esconder do {name}',
  'non per {name}', 'non dire a {name}', 'non dirlo a {name}', 'nascondere a {name}',
  'niet voor {name}', 'niet tegen {name} zeggen', 'niet aan {name} vertellen',
  'nie dla {name}', 'nie mówić {name}', 'nie mów {name}',
  'inte för {name}', 'säg inte till {name}', 'berätta inte för {name}',
];

/**
 * Symbols that mark a block as hidden only when they open it, as a label ("🙈 …", "🕵️ …", "🔑 Manager
 * key points: …"): mid-sentence they are ordinary ("broke the build 🙈"). 🔑 often opens "key
 * takeaways" too; uncertain costs the manager one rewording, so it is listed.
 */
export const LABEL_SYMBOLS: readonly string[] = ['🙈', '🙉', '🕵', '🔑', '🗝', '🤭', '👁'];
