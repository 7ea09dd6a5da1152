import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SAMPLE = 'test/fixtures/sample-workspace';
const NETWORK = /require\("(node:)?(http|https|http2|net|tls|dns|dgram|undici)"\)|from "(node:)?(http|https|net|tls|dns|undici)"|\bfetch\(|XMLHttpRequest|new WebSocket/;

describe('no network, proven', () => {
  for (const bundle of ['dist/extension.js', 'dist/cli.js']) {
    it(`${bundle} contains no networking module or fetch`, () => {
      const code = readFileSync(bundle, 'utf8');
      assert.ok(code.length > 100_000, 'the bundle was built');
      assert.equal(NETWORK.exec(code)?.[0], undefined);
    });
  }

  it('the preload refuses a socket, so the next test would catch one', () => {
    const result = spawnSync(process.execPath, ['--require', './test/support/no-network.cjs', '-e', "require('node:net').connect(80, '127.0.0.1')"], { encoding: 'utf8' });
    assert.equal(result.status, 99);
    assert.match(result.stderr, /NETWORK ACCESS ATTEMPTED/);
  });

  it('every CLI command runs on the sample workspace with sockets and DNS forbidden', function () {
    this.timeout(30000);
    const out = mkdtempSync(join(tmpdir(), 'growth-offline-'));
    try {
      for (const args of [
        ['validate', SAMPLE], ['validate', SAMPLE, '--json'], ['themes', SAMPLE], ['themes', SAMPLE, '--json', '--since', '2026-01-01'],
        ['report', SAMPLE, '--min-group', '3'], ['report', SAMPLE, '--names', '--out', join(out, 'r.html')], ['share', `${SAMPLE}/growth-notes/alex-morgan/2026-05-12.md`, '--out', join(out, 's.md')],
        ['--help'],
      ]) {
        const result = spawnSync(process.execPath, ['--require', './test/support/no-network.cjs', 'dist/cli.js', ...args], { encoding: 'utf8' });
        assert.ok(result.status === 0 || (args[0] === 'validate' && result.status === 1), `${args.join(' ')}: exit ${result.status}\n${result.stderr}`);
        assert.doesNotMatch(result.stderr, /NETWORK ACCESS ATTEMPTED/);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
