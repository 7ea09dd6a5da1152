import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';

const SAMPLE = 'test/fixtures/sample-workspace';
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));

async function exitCode(args: string[]): Promise<number> {
  return runCli(args, { print: () => undefined, printError: () => undefined, today: '2026-11-26' });
}

/** The rows of the exit-code table in docs/cli.md (the README links it), as `code | when`. */
function readmeExitCodes(): string[] {
  const readme = readFileSync('docs/cli.md', 'utf8');
  const lines = readme.slice(readme.indexOf('**Exit codes**')).split('\n');
  const start = lines.findIndex(line => line.startsWith('|---'));
  const end = lines.findIndex((line, index) => index > start && !line.startsWith('|'));
  return lines.slice(start + 1, end).map(line => line.slice(2, -2));
}

describe('CLI package: what npm pack makes', () => {
  it('holds only what runs, under 1 MB, and installs nothing else', function () {
    this.timeout(60000);
    // The prepack build is left out here (the test build is already in dist/); its effect is checked below.
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
    assert.equal(packed.status, 0, packed.stderr);
    const [tarball] = JSON.parse(packed.stdout) as [{ size: number; entryCount: number; files: { path: string }[] }];
    assert.deepEqual(tarball.files.map(file => file.path).sort(), [
      'LICENSE', 'README.md', 'dist/cli.js', 'package.json',
      'schemas/conversation.schema.json', 'schemas/digest.schema.json',
      'schemas/growth-config.schema.json', 'schemas/question-script.schema.json', 'schemas/themes.schema.json',
    ]);
    assert.ok(tarball.size < 1024 * 1024, `${tarball.size} bytes`);
    // Every library is inside the bundle: installing the package fetches nothing.
    assert.equal(manifest.dependencies, undefined);
    assert.deepEqual(manifest.bin, { growth: 'dist/cli.js' });
    // The packed bundle is the production build: minified, no source map, no link to one.
    assert.equal(manifest.scripts.prepack, 'node scripts/build.mjs --production --quiet');
    assert.equal(manifest.engines.node, '>=20');
  });

  it('leaves the CLI out of the .vsix', () => {
    const vsix = readFileSync('.vscodeignore', 'utf8').split('\n');
    assert.ok(vsix.includes('!dist/extension.js'));
    assert.deepEqual(vsix.filter(line => line.includes('cli')), []);
  });

  it('prints its version as a real process', () => {
    const result = spawnSync(process.execPath, ['dist/cli.js', '--version'], { encoding: 'utf8' });
    assert.deepEqual([result.status, result.stdout, result.stderr], [0, `${manifest.version}\n`, '']);
  });
});

describe('CLI: exit codes, exactly as docs/cli.md lists them', () => {
  let folder = '';
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'growth-exit-'));
    mkdirSync(join(folder, 'warnings'));
    writeFileSync(join(folder, 'warnings', 'a.md'), '---\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\nmood: fine\n---\n');
    mkdirSync(join(folder, 'empty'));
    mkdirSync(join(folder, 'readme-only'));
    writeFileSync(join(folder, 'readme-only', 'README.md'), '# Not a note\n');
    mkdirSync(join(folder, 'digests'));
    writeFileSync(join(folder, 'digests', 'broken.json'), '{}');
    writeFileSync(join(folder, 'plain.md'), '# Just a README\n');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('documents three codes', () => {
    assert.deepEqual(readmeExitCodes(), [
      '0 | done; `validate` found no errors (warnings and info do not count)',
      '1 | `validate` found an error; `share` refused a note it cannot share safely; `collate` could use no digest',
      '2 | a bad option or command, a path that does not exist, a folder without growth notes, `--out` refused, a period or digest below the minimum group size',
    ]);
  });

  it('0: done, and validate with only warnings', async () => {
    assert.equal(await exitCode(['--version']), 0);
    assert.equal(await exitCode(['themes', SAMPLE]), 0);
    assert.equal(await exitCode(['validate', join(folder, 'warnings')]), 0);
  });

  it('1: an error found, a note refused, no digest usable', async () => {
    assert.equal(await exitCode(['validate', SAMPLE]), 1);
    assert.equal(await exitCode(['share', join(folder, 'plain.md')]), 1);
    assert.equal(await exitCode(['collate', join(folder, 'digests')]), 1);
  });

  it('2: bad usage, a missing path, no growth notes, --out refused, a group below the minimum', async () => {
    assert.equal(await exitCode(['frobnicate']), 2);
    assert.equal(await exitCode(['validate', '--yaml']), 2);
    assert.equal(await exitCode(['validate', join(folder, 'missing')]), 2);
    assert.equal(await exitCode(['validate', join(folder, 'empty')]), 2);
    assert.equal(await exitCode(['validate', join(folder, 'readme-only')]), 2);
    assert.equal(await exitCode(['themes', join(folder, 'empty')]), 2);
    const note = join(folder, 'warnings', 'a.md');
    assert.equal(await exitCode(['share', note, '--out', note, '--force']), 2);
    assert.equal(await exitCode(['report', SAMPLE]), 2);
    assert.equal(await exitCode(['digest', SAMPLE, '--out', join(folder, 'digest.json')]), 2);
  });
});

describe('the $growth-validate problem matcher', () => {
  it('reads every line growth validate prints', () => {
    const [matcher] = manifest.contributes.problemMatchers;
    assert.equal(matcher.name, 'growth-validate');
    const result = spawnSync(process.execPath, ['dist/cli.js', 'validate', SAMPLE], { encoding: 'utf8' });
    const lines = result.stdout.trim().split('\n');
    const pattern = new RegExp(matcher.pattern.regexp);
    assert.equal(lines.filter(line => !pattern.test(line)).length, 0);
    const groups = pattern.exec(lines[1]) ?? [];
    const { file, line, column, severity, code, message } = matcher.pattern;
    assert.deepEqual([groups[file], groups[line], groups[column], groups[severity], groups[code], groups[message]], [
      'growth-notes/jordan-kim/2026-03-15.md', '7', '8', 'error', 'invalid-value',
      '"mid-level" is not a valid level. Use one of: junior, mid, senior, staff, principal. Did you mean "mid"?',
    ]);
  });
});
