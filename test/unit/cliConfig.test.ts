import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { print: text => out.push(text), printError: text => err.push(text), today: '2026-11-26' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const SCRIPT = JSON.stringify({
  name: 'Team script',
  questions: [{ id: 'wins', title: 'Wins' }, { id: 'blockers', title: 'Blockers' }, { id: 'learning', title: 'Learning' }],
});

const NOTE = `---
type: growth-conversation
person: Ana Silva
date: 2026-03-02
manager: Dana Reyes
team: Payments
level: mid
flightRisk: low
---

# Growth conversation: Ana Silva, 2026-03-02

## Wins <!-- growth:wins -->
Shipped the refund flow.

## Blockers <!-- growth:blockers -->
Waiting on the vendor contract.

## Learning <!-- growth:learning -->
- Lead the next incident review

## Next steps <!-- growth:next-steps -->
- [ ] Ask for a mentor @ana due:2026-04-01

## Private notes <!-- growth:private -->
Thinking of moving her to the platform team.
`;

const CONFIG = JSON.stringify({ questionScriptPath: 'team-script.json', share: { privateFields: ['team', 'level'], privateSections: ['blockers'] } }, null, 2);

/** A notes repository (it has .git, so the lookup stops there) with the team's script and one note. */
function repository(config: string | undefined): { root: string; note: string } {
  const root = mkdtempSync(join(tmpdir(), 'growth-config-'));
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'notes', 'ana-silva'), { recursive: true });
  writeFileSync(join(root, 'team-script.json'), SCRIPT);
  writeFileSync(join(root, 'notes', 'ana-silva', '2026-03-02.md'), NOTE);
  if (config !== undefined) writeFileSync(join(root, 'growth.config.json'), config);
  return { root, note: join(root, 'notes', 'ana-silva', '2026-03-02.md') };
}

const CONFIGURED_COPY = `---
type: growth-shared-copy
person: Ana Silva
date: 2026-03-02
manager: Dana Reyes
---

# Growth conversation: Ana Silva, 2026-03-02

## Wins

Shipped the refund flow.

## Learning

- Lead the next incident review

## Next steps

- [ ] Ask for a mentor @ana due:2026-04-01
`;

describe('CLI: growth.config.json', () => {
  it('share leaves out the private fields and sections the file sets, and reads the note with its question script', async () => {
    const { root, note } = repository(CONFIG);
    try {
      const { code, out, err } = await run(['share', note]);
      assert.equal(code, 0);
      assert.equal(out, CONFIGURED_COPY);
      assert.equal(err, 'Left out: the team field, the level field, the flightRisk field, comments and guidance, the "Blockers" section (listed as private in your settings), the "Private notes" section.');
      assert.deepEqual(await run(['validate', root]), { code: 0, out: '', err: '' }, 'validate reads the sections with the same script');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('without the file, share makes the copy it always made: the built-in script, nothing else private', async () => {
    const { root, note } = repository(undefined);
    try {
      const { code, out, err } = await run(['share', note]);
      assert.equal(code, 0);
      assert.match(out, /^team: Payments\nlevel: mid$/m);
      assert.doesNotMatch(out, /## Wins|## Learning/);
      assert.equal(err, 'Left out: the flightRisk field, the "Wins" section (not a question of the script), the "Blockers" section (not a question of the script), the "Learning" section (not a question of the script), comments and guidance, the "Private notes" section.');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('--config FILE is used instead of the file found, its paths read from its own folder', async () => {
    const { root, note } = repository(JSON.stringify({ share: { privateFields: ['manager'] } }));
    try {
      mkdirSync(join(root, 'strict'));
      writeFileSync(join(root, 'strict', 'rules.json'), JSON.stringify({ questionScriptPath: '../team-script.json', share: { privateFields: ['team', 'level'], privateSections: ['Blockers'] } }));
      const { code, out } = await run(['share', note, '--config', join(root, 'strict', 'rules.json')]);
      assert.equal(code, 0);
      assert.equal(out, CONFIGURED_COPY);
      assert.equal((await run(['share', note, '--config', join(root, 'missing.json')])).err.split('\n')[0], `The configuration "${join(root, 'missing.json')}" does not exist.`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('looks up from the note to the repository root, never past a folder holding .git', async () => {
    const outer = mkdtempSync(join(tmpdir(), 'growth-outer-'));
    try {
      writeFileSync(join(outer, 'growth.config.json'), JSON.stringify({ share: { privateFields: ['person'] } }));
      const inner = join(outer, 'inner');
      cpSync(repository(undefined).root, inner, { recursive: true });
      const { out } = await run(['share', join(inner, 'notes', 'ana-silva', '2026-03-02.md')]);
      assert.match(out, /^person: Ana Silva$/m, 'the configuration above the repository is not this repository\'s');
      rmSync(join(inner, '.git'), { recursive: true });
      assert.doesNotMatch((await run(['share', join(inner, 'notes', 'ana-silva', '2026-03-02.md')])).out, /^person:/m, 'without .git the lookup goes on up');
    } finally {
      rmSync(outer, { recursive: true, force: true });
    }
  });

  it('refuses to share, report or make a digest under a configuration with problems (exit 2), and validate lists them', async () => {
    const { root, note } = repository('{\n  "share": { "privateFields": ["levle"] },\n  "report": { "minimumGroupSize": 2 }\n}\n');
    try {
      const config = join(root, 'growth.config.json');
      const refusal = [
        `The configuration "${config}" has problems; fix them first:`,
        `  ${config}:2:32 share.privateFields[0] must be one of: person, date, manager, team, level, careerPath, nextConversation.`,
        `  ${config}:3:35 report.minimumGroupSize must be at least 3.`,
      ].join('\n');
      for (const args of [['share', note], ['report', root], ['themes', root], ['digest', root, '--out', join(root, 'd.json')]]) {
        assert.deepEqual(await run(args), { code: 2, out: '', err: refusal }, args[0]);
      }
      const { code, out } = await run(['validate', root]);
      assert.equal(code, 1);
      assert.equal(out, [
        'growth.config.json:2:32 error config-schema share.privateFields[0] must be one of: person, date, manager, team, level, careerPath, nextConversation.',
        'growth.config.json:3:35 error config-schema report.minimumGroupSize must be at least 3.',
        // This file names no script, so the note's sections are read with the built-in one.
        'notes/ana-silva/2026-03-02.md:13:9 warning unknown-marker "growth:wins" is not a known section marker, so this section is found by its heading only.',
        'notes/ana-silva/2026-03-02.md:16:13 warning unknown-marker "growth:blockers" is not a known section marker, so this section is found by its heading only.',
        'notes/ana-silva/2026-03-02.md:19:13 warning unknown-marker "growth:learning" is not a known section marker, so this section is found by its heading only.',
      ].join('\n'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a missing question script is refused with its name (exit 2)', async () => {
    const { root, note } = repository(JSON.stringify({ questionScriptPath: 'scripts/none.json' }));
    try {
      assert.deepEqual(await run(['share', note]), { code: 2, out: '', err: 'The question script "scripts/none.json" was not found.' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('themes, report and digest take the pattern threshold and the larger group size from the file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'growth-sample-'));
    try {
      cpSync('test/fixtures/sample-workspace', root, { recursive: true });
      mkdirSync(join(root, '.git'));
      writeFileSync(join(root, 'growth.config.json'), JSON.stringify({ themes: { patternThreshold: 3 }, report: { minimumGroupSize: 6 } }));
      const themes = JSON.parse((await run(['themes', root, '--json'])).out) as { theme: string; pattern: boolean }[];
      assert.deepEqual(themes.map(row => [row.theme, row.pattern]), [['ci-speed', false], ['on-call-load', false], ['onboarding', false], ['career-ladder', false]]);
      assert.deepEqual(await run(['report', root, '--min-group', '3']), {
        code: 2, out: '',
        err: 'This period has conversations with 4 people; an anonymised report needs at least 6, or a reader could tell who said what. Choose a longer period, or make a report with names for your own use.',
      });
      const digest = await run(['digest', root, '--min-group', '3', '--out', join(root, 'd.json')]);
      assert.equal(digest.code, 2);
      assert.match(digest.err, /^No quarter has conversations with at least 6 people/);
      writeFileSync(join(root, 'growth.config.json'), JSON.stringify({ report: { minimumGroupSize: 3 } }));
      assert.equal((await run(['digest', root, '--out', join(root, 'd.json')])).code, 0);
      assert.equal(JSON.parse(readFileSync(join(root, 'd.json'), 'utf8')).minGroupSize, 3);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('growth <command> --help prints that command\'s usage and exits 0', async () => {
    assert.deepEqual(await run(['share', '--help']), {
      code: 0, err: '',
      out: 'Usage:\n  growth share <note> [--notes FOLDER] [--config FILE] [--out file.md|file.html [--force]]\n'
        + '      The copy of a note to share with the person: nothing manager-only, no comments. It ends with\n'
        + '      what was agreed in their earlier conversations, read from the notes folder (--notes to name it).',
    });
    assert.match((await run(['digest', '-h'])).out, /^Usage:\n {2}growth digest \[folder\]/);
    assert.equal((await run(['report', '--names', '--help'])).code, 0);
  });
});
