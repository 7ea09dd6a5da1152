import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FIELD_SCHEMAS } from '../../src/core/base';
import { ConfigProblem, parseGrowthConfig } from '../../src/core/note';
import { DEFAULT_SENSITIVE_WORDS, effectiveRules } from '../../src/core/privacy';

const FULL = `{
  "notesFolder": "notes",
  "questionScriptPath": "scripts/ours.json",
  "templatePath": "templates/note.md",
  "seniorLeaderTitle": "Director",
  "themes": { "patternThreshold": 3, "vocabularyPath": "org/growth-themes.yaml" },
  "share": {
    "privateFields": ["team", "level"],
    "privateSections": ["leave-reason"],
    "sensitiveWords": ["salary"],
    "privacyWords": ["confidential"]
  },
  "report": { "minimumGroupSize": 6, "minimumQuoteGroup": 12, "minimumThemeGroup": 4 }
}
`;

/** Each problem as `line:column code message`, 1-based, as a manager would find it. */
function described(problems: readonly ConfigProblem[]): string[] {
  return problems.map(p => `${p.range.start.line + 1}:${p.range.start.character + 1}-${p.range.end.line + 1}:${p.range.end.character + 1} ${p.code} ${p.message}`);
}

describe('growth.config.json: reading', () => {
  it('reads every key of a full file, with no problem', () => {
    const { config, problems } = parseGrowthConfig(FULL);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      notesFolder: 'notes', questionScriptPath: 'scripts/ours.json', templatePath: 'templates/note.md', seniorLeaderTitle: 'Director',
      patternThreshold: 3, vocabularyPath: 'org/growth-themes.yaml',
      privateFields: ['team', 'level'], privateSections: ['leave-reason'], sensitiveWords: ['salary'], privacyWords: ['confidential'],
      minimumGroupSize: 6, minimumQuoteGroup: 12, minimumThemeGroup: 4,
    });
  });

  it('sets nothing for an empty object, and every default comes from the merge', () => {
    assert.deepEqual(parseGrowthConfig('{}'), { config: {}, problems: [] });
    assert.deepEqual(effectiveRules(parseGrowthConfig('\uFEFF{ }\n').config), {
      rules: {
        notesFolder: 'growth-notes', questionScriptPath: '', templatePath: '', seniorLeaderTitle: 'CTO', vocabularyPath: '', patternThreshold: 2,
        share: { privateFields: [], privateSections: [], sensitiveWords: DEFAULT_SENSITIVE_WORDS, privacyWords: [] },
        report: { minimumGroupSize: 5, minimumQuoteGroup: 10, minimumThemeGroup: 3 },
        store: { folderNames: 'names' },
      },
      disagreements: [],
    });
  });

  it('points, in file order, at an unknown key, a misspelt field, a value of the wrong type and a group size below the floor', () => {
    const text = `{
  "notesFolder": 3,
  "share": { "privateFields": ["team", "levle"], "privateSectons": [] },
  "report": { "minimumGroupSize": 2 },
  "colour": "blue"
}`;
    const { config, problems } = parseGrowthConfig(text);
    assert.deepEqual(described(problems), [
      '2:18-2:19 config-schema notesFolder must be text.',
      '3:40-3:47 config-schema share.privateFields[1] must be one of: person, date, manager, team, level, careerPath, nextConversation.',
      '3:50-3:66 config-schema "privateSectons" is not a setting of share. Known settings are in schemas/growth-config.schema.json.',
      '4:35-4:36 config-schema report.minimumGroupSize must be at least 3.',
      '5:3-5:11 config-schema "colour" is not a setting of the file. Known settings are in schemas/growth-config.schema.json.',
    ]);
    // Bad values are left unset; a privacy list keeps its good items, so it only errs on the strict side.
    assert.deepEqual(config, { privateFields: ['team'] });
  });

  it('says where JSON stops being JSON: a comment, a trailing comma, an unclosed text', () => {
    assert.deepEqual(described(parseGrowthConfig('{\n  // ours\n  "notesFolder": "n"\n}').problems),
      ['2:3-2:4 config-json Not valid JSON: JSON has no comments: remove this one.']);
    assert.deepEqual(described(parseGrowthConfig('{ "share": { "privateFields": ["team",] } }').problems),
      ['1:39-1:40 config-json Not valid JSON: a value is expected here (text in double quotes, a number, true, false, null, a list or an object).']);
    assert.deepEqual(described(parseGrowthConfig('{ "notesFolder": "notes }').problems),
      ['1:18-1:19 config-json Not valid JSON: this text is not closed, or holds a character JSON does not allow.']);
    assert.deepEqual(described(parseGrowthConfig('{ "a" 1 }').problems), ['1:7-1:8 config-json Not valid JSON: ":" is expected here.']);
    assert.deepEqual(described(parseGrowthConfig('{} {}').problems), ['1:4-1:5 config-json Not valid JSON: something follows the end of the settings.']);
    assert.deepEqual(described(parseGrowthConfig('').problems),
      ['1:1-1:1 config-json Not valid JSON: a value is expected here (text in double quotes, a number, true, false, null, a list or an object).']);
  });

  it('reports a key set twice (JSON.parse would keep only the last) and a word listed twice', () => {
    const text = '{ "share": { "privateFields": ["team"], "privateFields": [], "sensitiveWords": ["pay", "pay"] } }';
    assert.deepEqual(described(parseGrowthConfig(text).problems), [
      '1:41-1:56 config-duplicate-key "privateFields" is set twice here. Keep one.',
      '1:88-1:93 config-schema share.sensitiveWords is listed twice.',
    ]);
  });

  it('refuses a path that leaves the folder by being absolute, an empty folder name and a file that is not an object', () => {
    assert.deepEqual(described(parseGrowthConfig('{ "templatePath": "/etc/passwd", "notesFolder": "" }').problems), [
      '1:19-1:32 config-schema templatePath must be a path relative to the folder of growth.config.json.',
      '1:49-1:51 config-schema notesFolder is empty.',
    ]);
    assert.deepEqual(described(parseGrowthConfig('[]').problems), ['1:1-1:3 config-schema the file must be a map.']);
    assert.deepEqual(parseGrowthConfig('{ "templatePath": "C:\\\\notes\\\\t.md" }').config, {});
  });

  it('refuses a file larger than any configuration, unread', () => {
    const { config, problems } = parseGrowthConfig(`{"notesFolder": "${'n'.repeat(300 * 1024)}"}`);
    assert.deepEqual([config, described(problems)], [{}, ['1:1-1:1 config-too-large growth.config.json is larger than 256 KB, so it was not read.']]);
  });

  it('offers exactly the fields the note schema marks shareable as private fields', () => {
    const schema = JSON.parse(readFileSync('schemas/growth-config.schema.json', 'utf8'));
    assert.deepEqual(schema.properties.share.properties.privateFields.items.enum, Object.keys(FIELD_SCHEMAS).filter(key => FIELD_SCHEMAS[key].shareable));
  });
});

describe('growth.config.json and the settings: the stricter wins', () => {
  it('joins the privacy lists, takes the larger group sizes, and names each disagreement once', () => {
    const file = parseGrowthConfig(FULL).config;
    const { rules, disagreements } = effectiveRules(file, {
      privateFields: ['level', 'manager'], privateSections: ['leave-reason'], sensitiveWords: ['Salary', 'bonus'], privacyWords: ['confidential'],
      minimumGroupSize: 8, minimumQuoteGroup: 4, minimumThemeGroup: 4, patternThreshold: 2, notesFolder: 'notes',
    });
    assert.deepEqual(rules.share, {
      privateFields: ['team', 'level', 'manager'], privateSections: ['leave-reason'], sensitiveWords: ['salary', 'bonus'], privacyWords: ['confidential'],
    });
    assert.deepEqual(rules.report, { minimumGroupSize: 8, minimumQuoteGroup: 12, minimumThemeGroup: 4 });
    assert.equal(rules.patternThreshold, 3);
    assert.deepEqual(disagreements, [
      { key: 'themes.patternThreshold', used: 'file' },
      { key: 'share.privateFields', used: 'stricter' },
      { key: 'share.sensitiveWords', used: 'stricter' },
      { key: 'report.minimumGroupSize', used: 'stricter' },
      { key: 'report.minimumQuoteGroup', used: 'stricter' },
    ]);
  });

  it('takes a rule from whichever side sets it, and never goes below the floors', () => {
    assert.deepEqual(effectiveRules(undefined, { privateFields: ['team'], minimumGroupSize: 1, minimumQuoteGroup: 2, sensitiveWords: [] }).rules.share.privateFields, ['team']);
    const settingsOnly = effectiveRules(undefined, { minimumGroupSize: 1, minimumQuoteGroup: 2, minimumThemeGroup: 1, sensitiveWords: [], questionScriptPath: ' s.json ' });
    assert.deepEqual([settingsOnly.rules.report, settingsOnly.rules.share.sensitiveWords, settingsOnly.rules.questionScriptPath, settingsOnly.disagreements],
      [{ minimumGroupSize: 3, minimumQuoteGroup: 3, minimumThemeGroup: 2 }, [], 's.json', []]);
    // The theme minimum: the larger of the file and the settings, 3 when neither says one.
    assert.equal(effectiveRules({ minimumThemeGroup: 5 }, { minimumThemeGroup: 2 }).rules.report.minimumThemeGroup, 5);
    assert.equal(effectiveRules(undefined, {}).rules.report.minimumThemeGroup, 3);
    const fileOnly = effectiveRules({ sensitiveWords: ['pay'], notesFolder: '/notes/' }, {});
    assert.deepEqual([fileOnly.rules.share.sensitiveWords, fileOnly.rules.notesFolder], [['pay'], 'notes']);
  });

  it('is stricter than either side alone, whatever the two say', () => {
    const lists = [[], ['team'], ['level', 'team'], ['manager']];
    for (const a of lists) {
      for (const b of lists) {
        for (const [x, y] of [[3, 5], [7, 4], [5, 5]]) {
          const { rules } = effectiveRules({ privateFields: a, minimumGroupSize: x }, { privateFields: b, minimumGroupSize: y });
          assert.ok([...a, ...b].every(field => rules.share.privateFields.includes(field)), `${a} + ${b}`);
          assert.equal(rules.share.privateFields.length, new Set([...a, ...b]).size);
          assert.equal(rules.report.minimumGroupSize, Math.max(x, y));
        }
      }
    }
  });
});
