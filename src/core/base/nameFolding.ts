/**
 * Name folding: the one function that decides when two spellings are the same name, for matching a
 * typed name, counting people and scrubbing names from reports and digests alike.
 */

/**
 * Latin letters that no Unicode decomposition takes to a plain letter (ł, ø, đ, æ, þ, ŋ and the rest of
 * the Latin script), each with the letters people type for it when their keyboard lacks it ("Lukasz"
 * for "Łukasz", "Soren" for "Søren"). Case, ß and ı are already folded (lower-, upper- and lower-case
 * again) before this table is read, so only the letters that remain are listed.
 *
 * A table here rather than the any-ascii package at run time: any-ascii transliterates every script
 * (its tables are 546 KB, which would more than double the CLI bundle), and Greek or Cyrillic names
 * must be left as they are, not romanised. The table is every Latin letter that any-ascii 0.3.3 spells
 * in plain letters; a unit test (nameFolding.test.ts) derives it again from any-ascii and fails when
 * the two differ, so it stays complete.
 */
const LATIN_LETTERS: readonly string[] = [
  'æae ðd øo þth đd ħh ĸq łl ŋng œoe ŧt ƀb ƃb ƈc ƌd ƍz ƒf ƕhw ƙk ƚl ƛl ƞn ƣgh ƥp ƪsh ƫt ƭt ƴy ƶz ƺzh ƻdz',
  'ƾts ƿw ǀc ǁx ǂqc ǃq ǝe ǥg ȝy ȡd ȣou ȥz ȴl ȵn ȶt ȷj ȸdb ȹqp ȼc ȿs ɀz ɇe ɉj ɋq ɍr ɏy ɐa ɑa ɒa ɓb ɔo ɕc ɖd',
  'ɗd ɘe əe ɚer ɛe ɜe ɝer ɞo ɟj ɠg ɡg ɢg ɣg ɤu ɥy ɦh ɧh ɨi ɩi ɪi ɫl ɬl ɭl ɮlzh ɯw ɰw ɱm ɲn ɳn ɴn ɵo ɶoe ɷu',
  'ɸf ɹr ɺr ɻr ɼr ɽr ɾr ɿi ʀr ʁr ʂs ʃsh ʄj ʅi ʆsh ʇt ʈt ʉu ʊu ʋv ʌa ʍw ʎy ʏy ʐz ʑz ʒzh ʓzh ʖx ʗq ʘpc ʙb ʚoe',
  'ʛg ʜh ʝj ʞk ʟl ʠq ʣdz ʤdzh ʥdz ʦts ʧtsh ʨtc ʩfng ʪls ʫlz ʬww ʮy ʯy ᴀa ᴁae ᴂae ᴃb ᴄc ᴅd ᴆd ᴇe ᴈe ᴉi ᴊj ᴋk',
  'ᴌl ᴍm ᴎn ᴏo ᴐo ᴑo ᴒo ᴓo ᴔoe ᴕou ᴖo ᴗo ᴘp ᴙr ᴚr ᴛt ᴜu ᴝu ᴞu ᴟw ᴠv ᴡw ᴢz ᴣzh ᴯb ᴻn ᵎi ᵫue ᵬb ᵭd ᵮf ᵯm ᵰn',
  'ᵱp ᵲr ᵳr ᵴs ᵵt ᵶz ᵷg ᵹg ᵺth ᵻi ᵼi ᵽp ᵾu ᵿu ᶀb ᶁd ᶂf ᶃg ᶄk ᶅl ᶆm ᶇn ᶈp ᶉr ᶊs ᶋsh ᶌv ᶍx ᶎz ᶏa ᶐa ᶑd ᶒe ᶓe',
  'ᶔe ᶕe ᶖi ᶗo ᶘsh ᶙu ᶚzh ẟd ỻll ỽv ỿy ⅎf ↄc ⱡl ⱥa ⱦt ⱨh ⱪk ⱬz ⱱv ⱳw ⱴv ⱶh ⱷo ⱸe ⱹr ⱺo ⱻe ꜧh ꜩtz ꜰf ꜱs ꜳaa',
  'ꜵao ꜷau ꜹav ꜻav ꜽay ꝇl ꝍo ꝏoo ꝛr ꝡvy ꝣz ꝩv ꝺd ꝼf ꝿng ꞁll ꞃr ꞅs ꞇt ꞎl ꞑn ꞓc ꞔc ꞕh ꞗb ꞙf ꞛae ꞝoe ꞟue ꞡg ꞣk',
  'ꞥn ꞧr ꞩs ꞯq ꞵb ꞷo ꞹu ꞻa ꞽi ꞿu ꟁo ꟃw ꟈd ꟊs ꟍs ꟑg ꟓthth ꟕww ꟗs ꟙs ꟛl ꟶh ꟷi ꟺw ꟻf ꟼp ꟽm ꟾi ꬰa ꬱae ꬲe ꬳe ꬴe',
  'ꬵf ꬶg ꬷl ꬸl ꬹl ꬺm ꬻn ꬼng ꬽo ꬾo ꬿo ꭀoe ꭁoe ꭂoe ꭃoo ꭄoo ꭅr ꭆr ꭇr ꭈrr ꭉr ꭊrr ꭋr ꭌr ꭍsh ꭎu ꭏu ꭐui ꭑui ꭒu ꭓx',
  'ꭔx ꭕx ꭖx ꭗx ꭘx ꭙx ꭚy ꭠia ꭡie ꭢoe ꭣuo ꭤa ꭦdz ꭧts ꭨr 𐞀aa 𝼀fng 𝼁g 𝼂g 𝼃k 𝼄l 𝼅lzh 𝼆y 𝼇ng 𝼈r 𝼉t 𝼊q 𝼋qc 𝼌qc 𝼍t',
  '𝼎x 𝼏q 𝼐k 𝼑l 𝼒dzh 𝼓l 𝼔ng 𝼕r 𝼖r 𝼗tsh 𝼘zh 𝼙dzh 𝼚i 𝼛o 𝼜tsh 𝼝c 𝼞s 𝼥d 𝼦l 𝼧n 𝼨r 𝼩s 𝼪t',
];

const FOLDED_LETTER = new Map<string, string>(LATIN_LETTERS.flatMap(line => line.split(' ')).map(entry => {
  const letter = String.fromCodePoint(entry.codePointAt(0) as number);
  return [letter, entry.slice(letter.length)];
}));

const MARK = /\p{M}/u;
const folded = new Map<number, string>();

/** One character folded: compatibility forms, accents and case taken off, Latin letters spelt in plain letters. */
function foldCodePoint(code: number): string {
  if (code < 0x80) return String.fromCharCode(code >= 65 && code <= 90 ? code + 32 : code);
  let result = folded.get(code);
  if (result === undefined) {
    // Lower, upper, lower again joins the forms simple case folding joins (ς σ Σ, ſ s, ẞ ß ss, ı I i, K k).
    const cased = String.fromCodePoint(code).normalize('NFKD').toLowerCase().toUpperCase().toLowerCase();
    result = '';
    for (const char of cased.normalize('NFKD')) if (!MARK.test(char)) result += FOLDED_LETTER.get(char) ?? char;
    folded.set(code, result);
  }
  return result;
}

/**
 * A name folded to what makes it the same name: "Zoë", "ZOE" and "zoe" are one; so are "Łukasz" and
 * "Lukasz", "Søren" and "Soren", "Weiß" and "Weiss". Greek, Cyrillic and other scripts keep their
 * letters (only their accents and case are folded).
 */
export function foldName(name: string): string {
  let out = '';
  for (const char of name) out += foldCodePoint(char.codePointAt(0) as number);
  return out;
}

/** A text folded character by character, with where each folded unit came from (to replace in the original). */
export interface FoldedText {
  readonly text: string;
  /** For each UTF-16 unit of `text`, the index in the original where its character starts. */
  readonly from: readonly number[];
  /** For each UTF-16 unit of `text`, the index in the original just after its character. */
  readonly to: readonly number[];
}

/** `foldName` of a text, keeping where each folded unit came from. */
export function foldWithPlaces(original: string): FoldedText {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let at = 0; at < original.length;) {
    const code = original.codePointAt(at) as number;
    const size = code > 0xffff ? 2 : 1;
    const piece = foldCodePoint(code);
    text += piece;
    for (let i = 0; i < piece.length; i++) {
      from.push(at);
      to.push(at + size);
    }
    at += size;
  }
  return { text, from, to };
}
