import { FIELD_SCHEMAS, foldName } from '../base';
import { EMPTY_VOCABULARY, IndexedNote, personIdentities, personOf, Vocabulary, withCanonicalThemes } from '../workspace';

/**
 * The group-size rules every output meant for someone else follows (the themes report, the team
 * digest, the collated org report). Written once here, so the three can never disagree.
 *
 * Engagement-survey tools (Lattice, Viva Glint, Culture Amp, 15Five) show a group only when it has
 * at least 5 distinct people, and free-text comments only at 10: below that, a reader who knows the
 * team can tell who said what.
 */

/** The smallest group shown to anyone but the notes' author, unless a setting asks for more. */
export const DEFAULT_MIN_GROUP_SIZE = 5;
/** No setting or option can go below this: a group of two is one person and "the other one". */
export const LOWEST_MIN_GROUP_SIZE = 3;
/** Quotes need a larger group: words identify people more easily than counts. */
export const DEFAULT_MIN_QUOTE_GROUP = 10;

/**
 * A theme is shown on its own in an output for someone else only when at least this many distinct
 * people raised it; rarer themes are counted together ("other themes"). Below three, a theme raised by
 * one person in a small team points at the new joiner.
 */
export const DEFAULT_MIN_THEME_GROUP = 3;
/** No setting goes below this: a theme of one person is that person. */
export const LOWEST_MIN_THEME_GROUP = 2;

/** The theme minimum to apply: the default when unset or not a number, never below the floor. */
export function effectiveMinThemeGroup(requested?: number): number {
  if (requested === undefined || !Number.isFinite(requested)) return DEFAULT_MIN_THEME_GROUP;
  return Math.max(LOWEST_MIN_THEME_GROUP, Math.floor(requested));
}

/** The minimum group size to apply: the default when unset or not a number, never below the floor. */
export function effectiveMinGroupSize(requested?: number): number {
  if (requested === undefined || !Number.isFinite(requested)) return DEFAULT_MIN_GROUP_SIZE;
  return Math.max(LOWEST_MIN_GROUP_SIZE, Math.floor(requested));
}

/** The quote minimum to apply: the default when unset, never below the group minimum. */
export function effectiveMinQuoteGroup(requested: number | undefined, minGroupSize: number): number {
  const value = requested === undefined || !Number.isFinite(requested) ? DEFAULT_MIN_QUOTE_GROUP : Math.floor(requested);
  return Math.max(minGroupSize, value);
}

/** One group of a breakdown (a team, a manager, a career path): its name and how many distinct people are in it. */
export interface GroupCount {
  readonly key: string;
  readonly people: number;
}

/** What a breakdown may show, and how many groups and people it hides. */
export interface SuppressedBreakdown<T extends GroupCount> {
  readonly shown: T[];
  readonly hiddenGroups: number;
  /** People in hidden groups and people in no group: 0 or at least the minimum, so it never points at anyone. */
  readonly hiddenPeople: number;
}

/**
 * Shows only groups of at least `minGroupSize`, and hides more when the hidden part could be worked
 * out by subtraction (complementary suppression): `total` minus the shown groups must be 0 or at
 * least the minimum. `total` counts everyone the breakdown covers, including people in no group;
 * the groups must not overlap. The smallest shown groups are hidden first.
 */
export function suppressSmallGroups<T extends GroupCount>(groups: readonly T[], total: number, minGroupSize: number): SuppressedBreakdown<T> {
  const sorted = [...groups].sort((a, b) => b.people - a.people || a.key.localeCompare(b.key));
  const shown = sorted.filter(group => group.people >= minGroupSize);
  let hiddenGroups = sorted.length - shown.length;
  let hiddenPeople = total - shown.reduce((sum, group) => sum + group.people, 0);
  while (hiddenPeople > 0 && hiddenPeople < minGroupSize && shown.length > 0) {
    const smallest = shown.pop() as T;
    hiddenGroups++;
    hiddenPeople += smallest.people;
  }
  return { shown, hiddenGroups, hiddenPeople };
}

/**
 * True when everyone with a value has the same one (people with none aside): a breakdown of such values
 * (flight risk, career path) is everyone's answer, so it is not shown as counts (homogeneity).
 */
export function everyoneAnsweredAlike(values: readonly (string | undefined)[]): boolean {
  return new Set(values.filter(value => value !== undefined)).size === 1;
}

/** A line someone might quote, with who said it and whether it came from a private place. */
export interface QuoteCandidate {
  /** Who the line is about (any stable key); two lines of one person are never both quoted. */
  readonly person: string;
  readonly text: string;
  /** From Private notes or an item marked (private): never quoted. */
  readonly private: boolean;
}

export interface QuoteRules {
  readonly peopleInPattern: number;
  readonly minQuoteGroup: number;
  readonly maxQuotes: number;
  readonly scrub: (text: string) => string;
}

/**
 * The quotes a pattern may show: none when fewer than `minQuoteGroup` distinct people raised it;
 * otherwise at most one line per person, never a private one nor one a comment runs through, with names replaced.
 */
export function selectQuotes(candidates: readonly QuoteCandidate[], rules: QuoteRules): string[] {
  if (rules.peopleInPattern < rules.minQuoteGroup) return [];
  const quoted = new Set<string>();
  const quotes: string[] = [];
  for (const candidate of candidates) {
    if (quotes.length >= rules.maxQuotes) break;
    if (candidate.private || quoted.has(candidate.person)) continue;
    const uncommented = candidate.text.replace(/<!--[\s\S]*?-->/g, '');
    // A comment that opens or closes on another line hides text here too: such a line is never quoted.
    if (uncommented.includes('<!--') || uncommented.includes('-->')) continue;
    // Raw HTML goes, attributes and all (a title= or alt= is hidden text); what it wrapped stays.
    const visible = uncommented.replace(/<[^>]*>?/g, '');
    const text = rules.scrub(visible.trim());
    if (text === '') continue;
    quoted.add(candidate.person);
    quotes.push(text);
  }
  return quotes;
}

/** Every name the notes hold (their people, managers and action owners), once each: what an output for someone else must never show. */
export function namesIn(notes: readonly IndexedNote[]): Set<string> {
  const names = new Set<string>();
  for (const note of notes) {
    if (note.person) names.add(note.person);
    if (note.manager) names.add(note.manager);
    for (const task of note.tasks) if (task.owner) names.add(task.owner);
  }
  return names;
}

/** Letters and digits only, folded (accents, full-width forms, case, ł ø ß and the like): "Zoë's", "ＺＯＥ" and "zoes" all start "zoe". */
function compactFold(text: string): string {
  return foldName(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * A stricter test for short labels (theme and team names) that leave in a digest: true when a name
 * hides inside one, even run together or shortened ("zoeangstrom", "zoes-burnout", "omarh"): any part
 * of a name of four letters or more anywhere in it, or of three letters at the start of a word.
 */
export function labelHoldsName(names: Iterable<string | undefined>): (label: string) => boolean {
  const long = new Set<string>();
  const short = new Set<string>();
  for (const raw of names) {
    for (const part of (raw ?? '').split(/[\s.,_-]+/)) {
      const folded = compactFold(part);
      if (folded.length >= 4) long.add(folded);
      else if (folded.length === 3) short.add(folded);
    }
  }
  // One look-up per place in the label and length of name, however many names there are.
  const lengths = [...new Set([...long].map(part => part.length))];
  return label => {
    const compact = compactFold(label);
    for (const length of lengths) {
      for (let at = 0; at + length <= compact.length; at++) if (long.has(compact.slice(at, at + length))) return true;
    }
    return label.split(/[^\p{L}\p{N}]+/u).some(word => short.has(compactFold(word).slice(0, 3)));
  };
}

/** True when the text holds a name, handle or address the scrubber would replace. */
export function mentionsAName(scrub: (text: string) => string, text: string): boolean {
  return scrub(text) !== text.normalize('NFC');
}

/** The values a field's schema allows; anything else counts as "not recorded". */
export function schemaValue(field: 'careerPath' | 'flightRisk', value: string | undefined): string | undefined {
  const allowed = FIELD_SCHEMAS[field]?.enum;
  return value !== undefined && allowed?.includes(value) ? value : undefined;
}

/**
 * The notes as any output for someone else may see them: tags only from answers to the script's
 * questions (an allowlist: not from Private notes, an item marked (private), text before the first
 * question or an unknown section, not even as a count), no private task, themes under their canonical
 * names, values the schema rejects dropped (they count as "not recorded"), and each note's person
 * identity (`personIdentities`: folder, `previous` chain, folded name), so every count is of people,
 * not of spellings. Pass every note, not one period's: a chain crosses periods.
 */
export function reportableNotes(notes: readonly IndexedNote[], vocabulary: Vocabulary = EMPTY_VOCABULARY): IndexedNote[] {
  const identities = personIdentities(notes);
  return notes.map(note => withCanonicalThemes({
    ...note,
    personId: identities.get(note.path),
    careerPath: schemaValue('careerPath', note.careerPath),
    flightRisk: schemaValue('flightRisk', note.flightRisk),
    tags: note.tags.filter(tag => !tag.private && tag.questionId !== undefined),
    tasks: note.tasks.filter(task => !task.private),
  }, vocabulary));
}

/** Each person's latest note, by person identity (one person however their name is spelt); notes naming no one are left out. */
export function latestPerPerson(notes: readonly IndexedNote[]): Map<string, IndexedNote> {
  const latest = new Map<string, IndexedNote>();
  for (const note of notes) {
    if (!note.person?.trim()) continue;
    const key = personOf(note);
    const seen = latest.get(key);
    if (!seen || (seen.date ?? '') < (note.date ?? '')) latest.set(key, note);
  }
  return latest;
}
