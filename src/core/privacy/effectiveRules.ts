import { GrowthConfig } from '../note';
import { DEFAULT_MIN_GROUP_SIZE, effectiveMinGroupSize, effectiveMinQuoteGroup, effectiveMinThemeGroup } from './groupPrivacy';

/** Words that usually mean a line is not for the person's copy. */
export const DEFAULT_SENSITIVE_WORDS: readonly string[] = ['salary', 'pay', 'raise', 'bonus', 'resign', 'resignation', 'quit', 'offer', 'flight risk', 'performance plan'];
export const DEFAULT_NOTES_FOLDER = 'growth-notes';
export const DEFAULT_PATTERN_THRESHOLD = 2;
export const DEFAULT_SENIOR_LEADER_TITLE = 'CTO';

/** The same rules as set in the editor's settings: undefined where the person set nothing. */
export type RuleSettings = GrowthConfig;

/** Every rule in force for a notes folder, defaults filled in: what the editor and the CLI apply. */
export interface EffectiveRules {
  readonly notesFolder: string;
  /** Empty: the built-in question script. */
  readonly questionScriptPath: string;
  /** Empty: the built-in template. */
  readonly templatePath: string;
  readonly seniorLeaderTitle: string;
  /** Empty: growth-themes.yaml beside the configuration, if there is one. */
  readonly vocabularyPath: string;
  readonly patternThreshold: number;
  readonly share: {
    readonly privateFields: readonly string[];
    readonly privateSections: readonly string[];
    readonly sensitiveWords: readonly string[];
    /** Extra words that mark a part of a note private, for the privacy classifier. */
    readonly privacyWords: readonly string[];
  };
  readonly report: {
    readonly minimumGroupSize: number;
    readonly minimumQuoteGroup: number;
    /** Fewer distinct people than this, and a theme is counted only among the other themes. */
    readonly minimumThemeGroup: number;
  };
  readonly store: {
    /** `pseudonymous`: a person's notes folder is named by their stable id, never their name. */
    readonly folderNames: 'names' | 'pseudonymous';
  };
}

/**
 * A rule the file and the settings both set, differently, named as in the file (`share.privateFields`,
 * the setting's name without `growth.`). A privacy rule takes the stricter of the two; any other rule
 * takes the file's, since the file is what the CLI reads too.
 */
export interface RuleDisagreement {
  readonly key: string;
  readonly used: 'stricter' | 'file';
}

/** The rules in force and where the two sources disagreed, so the editor can say so once. */
export interface RulesMerge {
  readonly rules: EffectiveRules;
  readonly disagreements: readonly RuleDisagreement[];
}

/** Where each rule sits in the file and in the settings (both spell it the same way). */
const KEYS: Readonly<Record<keyof GrowthConfig, string>> = {
  notesFolder: 'notesFolder', questionScriptPath: 'questionScriptPath', templatePath: 'templatePath', seniorLeaderTitle: 'seniorLeaderTitle',
  patternThreshold: 'themes.patternThreshold', vocabularyPath: 'themes.vocabularyPath',
  privateFields: 'share.privateFields', privateSections: 'share.privateSections', sensitiveWords: 'share.sensitiveWords', privacyWords: 'share.privacyWords',
  minimumGroupSize: 'report.minimumGroupSize', minimumQuoteGroup: 'report.minimumQuoteGroup', minimumThemeGroup: 'report.minimumThemeGroup', keepMonths: 'retention.keepMonths',
  folderNames: 'store.folderNames',
};

/**
 * The rules in force: the configuration file (`file`, undefined when there is none) and the editor's
 * settings merged. For every privacy rule the stricter wins: private fields, private sections,
 * sensitive and privacy words are the union of both; group minimums the larger. Every other rule is
 * the file's when it sets it, else the setting's, else the default.
 */
export function effectiveRules(file: GrowthConfig | undefined, settings: RuleSettings = {}): RulesMerge {
  const given = file ?? {};
  const disagreements: RuleDisagreement[] = [];
  const differ = (key: keyof GrowthConfig, used: RuleDisagreement['used'], same: (a: never, b: never) => boolean) => {
    const a = given[key];
    const b = settings[key];
    if (a !== undefined && b !== undefined && !same(a as never, b as never)) disagreements.push({ key: KEYS[key], used });
  };
  const preferFile = <K extends keyof GrowthConfig>(key: K, fallback: NonNullable<GrowthConfig[K]>): NonNullable<GrowthConfig[K]> => {
    differ(key, 'file', (a, b) => a === b);
    return (given[key] ?? settings[key] ?? fallback) as NonNullable<GrowthConfig[K]>;
  };
  const union = (key: 'privateFields' | 'privateSections' | 'sensitiveWords' | 'privacyWords', fallback: readonly string[], fold: (word: string) => string) => {
    differ(key, 'stricter', (a: readonly string[], b: readonly string[]) => sameSet(a, b, fold));
    if (given[key] === undefined && settings[key] === undefined) return fallback;
    return unionOf([...(given[key] ?? []), ...(settings[key] ?? [])], fold);
  };
  const larger = (key: 'minimumGroupSize' | 'minimumQuoteGroup' | 'minimumThemeGroup') => {
    differ(key, 'stricter', (a, b) => a === b);
    const values = [given[key], settings[key]].filter((value): value is number => value !== undefined);
    return values.length > 0 ? Math.max(...values) : undefined;
  };
  const exact = (word: string) => word;
  const loose = (word: string) => word.trim().toLocaleLowerCase();
  const minimumGroupSize = effectiveMinGroupSize(larger('minimumGroupSize') ?? DEFAULT_MIN_GROUP_SIZE);
  const rules: EffectiveRules = {
    notesFolder: trimSlashes(preferFile('notesFolder', DEFAULT_NOTES_FOLDER)) || DEFAULT_NOTES_FOLDER,
    questionScriptPath: preferFile('questionScriptPath', '').trim(),
    templatePath: preferFile('templatePath', '').trim(),
    seniorLeaderTitle: preferFile('seniorLeaderTitle', DEFAULT_SENIOR_LEADER_TITLE).trim() || DEFAULT_SENIOR_LEADER_TITLE,
    vocabularyPath: preferFile('vocabularyPath', '').trim(),
    patternThreshold: Math.max(1, Math.floor(preferFile('patternThreshold', DEFAULT_PATTERN_THRESHOLD))),
    share: {
      privateFields: union('privateFields', [], exact),
      privateSections: union('privateSections', [], exact),
      sensitiveWords: union('sensitiveWords', DEFAULT_SENSITIVE_WORDS, loose),
      privacyWords: union('privacyWords', [], loose),
    },
    report: {
      minimumGroupSize,
      minimumQuoteGroup: effectiveMinQuoteGroup(larger('minimumQuoteGroup'), minimumGroupSize),
      minimumThemeGroup: effectiveMinThemeGroup(larger('minimumThemeGroup')),
    },
    store: { folderNames: preferFile('folderNames', 'names') },
  };
  const order = Object.values(KEYS);
  return { rules, disagreements: disagreements.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key)) };
}

function trimSlashes(path: string): string {
  return path.trim().replace(/^\/+|\/+$/g, '');
}

function unionOf(words: readonly string[], fold: (word: string) => string): string[] {
  const seen = new Set<string>();
  return words.filter(word => {
    const key = fold(word);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sameSet(a: readonly string[], b: readonly string[], fold: (word: string) => string): boolean {
  const left = new Set(a.map(fold));
  const right = new Set(b.map(fold));
  return left.size === right.size && [...left].every(word => right.has(word));
}
